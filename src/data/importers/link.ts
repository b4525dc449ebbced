/** A feed's links: absolute, or relative to the feed's own address, and then only on its host. */
import { allowedUrl } from '../safe-url.js';
import { webUrl } from '../data-url.js';

/**
 * An http(s) address from a feed, serialised: absolute, or a reference relative to `base` (the
 * feed's address or its own `base_url`, itself an absolute http(s) URL) on base's host (`/x`, `x`,
 * `../x`, `?q`). It is read as the URL parser reads it (tabs, newlines and other controls dropped,
 * spaces trimmed, `\` as `/`, as for http(s) bases), so that a reference to another host (`//host/x`,
 * `\\host\x`, `/\host`, ` //host`) or an http(s) URL without `//host` (`https:host`, `http:/x`,
 * `https:///host`) is refused rather than led elsewhere than it seems to. Undefined otherwise.
 */
export function feedLink(url: string | undefined, base?: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- the controls the URL parser drops are what is looked for
  const s = url?.replace(/[\0-\x1f\\]/g, (c) => (c === '\\' ? '/' : '')).trim();
  if (!s || /^\/\/|^https?:(?!\/\/[^/])/i.test(s)) return undefined;
  return allowedUrl(s, ['http:', 'https:'], /^[a-z][\w+.-]*:/i.test(s) ? undefined : webUrl(base));
}
