const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/** The URL when it is http(s) or mailto, so it may become a link; otherwise undefined. */
export function safeHref(url: string | undefined, base = document.baseURI): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, base);
    return ALLOWED.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
