/** The one URL check: which addresses from the data may become links or calendar URLs. */

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
const WEB_SCHEMES = ['http:', 'https:'];

/**
 * `url` resolved against `base` (without one it must be absolute), in its serialised form, when
 * its scheme is one of `schemes`; otherwise undefined.
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

/** The URL when it is http(s) or mailto, so it may become a link; otherwise undefined. */
export function safeHref(url: string | undefined, base = document.baseURI): string | undefined {
  return allowedUrl(url, LINK_SCHEMES, base);
}

/** An http(s) URL (absolute, or resolved against `base`), else undefined. */
export function webUrl(url: string | undefined, base?: string): string | undefined {
  return allowedUrl(url, WEB_SCHEMES, base);
}
