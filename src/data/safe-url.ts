/** The one URL check: which addresses from the data may become links or calendar URLs. */

export const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
export const WEB_SCHEMES = ['http:', 'https:'];

/**
 * `url` resolved against `base` (without one it must be absolute), in its serialised form, when
 * its scheme is one of `schemes`; otherwise undefined. For addresses a host gives (its own page's
 * links); an address from the data goes through data-url.ts.
 */
export function allowedUrl(url: string | undefined, schemes: readonly string[], base?: string): string | undefined {
  if (!url?.trim()) return undefined;
  try {
    const parsed = new URL(url.trim(), base);
    return schemes.includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A URL a host gives, when it is http(s) or mailto, resolved against the page, so it may become a link; otherwise undefined. */
export function safeHref(url: string | undefined, base = document.baseURI): string | undefined {
  return allowedUrl(url, LINK_SCHEMES, base);
}
