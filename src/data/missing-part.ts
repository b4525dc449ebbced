/**
 * What to say when a part of the library that loads on demand (a `lazy/` chunk: the timetable, the
 * filters, the importers, the HTTP schedule adapter…) cannot be loaded. Most often the site copied
 * `programme-elements.min.js` without the `lazy/` folder that comes with it; else the network failed.
 */
export function missingPart(part: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `The ${part} of programme-elements could not be loaded (${reason}). If you run this site: keep the lazy/ folder beside programme-elements.min.js.`;
}
