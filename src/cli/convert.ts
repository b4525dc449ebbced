/**
 * `programme-elements convert INPUT [--format=…] [--time-zone=…] [--out=FILE]`: reads another
 * system's export (a file or an http(s) URL) with the same importers the elements use, checks the
 * result, writes the programme format v1 to standard output (or FILE), and says on standard error
 * what it mapped, what it left out and why. Exits 1 with a clear message on bad input, 2 on a
 * wrong command line; writes nothing then.
 */
import { writeFiles } from './output.js';
import { readProgramme, readReport } from './read-programme.js';
import { UsageError } from './usage-error.js';

export { UsageError };

/** How to read INPUT, and where the programme goes (standard output without `out`). */
export interface ConvertOptions {
  format?: string;
  timeZone?: string;
  out?: string;
}

/** The flags `convert` knows; all of them take a value. */
export const CONVERT_FLAGS: ReadonlySet<string> = new Set(['format', 'time-zone', 'out']);

/** Converts `input`; returns what was written and the report for standard error. */
export async function convert(input: string, options: ConvertOptions = {}): Promise<{ json: string; report: string[] }> {
  const read = await readProgramme(input, { format: options.format, timeZone: options.timeZone });
  return { json: `${JSON.stringify(read.programme, null, 2)}\n`, report: readReport(input, read) };
}

/** `convert` on the command line: writes the programme and its report. Throws a UsageError when it cannot. */
export async function runConvert(inputs: string[], flags: Map<string, string>): Promise<void> {
  const unknown = [...flags.keys()].find((k) => !CONVERT_FLAGS.has(k));
  if (unknown) throw new UsageError(`convert has no --${unknown}.`, 2);
  if (inputs.length !== 1) throw new UsageError(inputs.length ? `convert reads one INPUT, not ${inputs.length}.` : 'convert needs an INPUT.', 2);
  const { json, report } = await convert(inputs[0], { format: flags.get('format'), timeZone: flags.get('time-zone'), out: flags.get('out') });
  const out = flags.get('out');
  if (out) await writeFiles([{ path: out, text: json }]);
  else process.stdout.write(json);
  process.stderr.write(`${report.join('\n')}\n`);
}
