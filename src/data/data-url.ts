/**
 * Which addresses from the data (a programme's url fields) may become links or calendar URLs: only
 * those written in full. Apart from safe-url.ts so that a page which draws no such link (a list
 * before its card opens) does not carry it.
 */
import { allowedUrl, LINK_SCHEMES, WEB_SCHEMES } from './safe-url.js';

/**
 * Written in full: `https://host…`, `http://host…` or `mailto:…`. A relative URL is not (nothing in
 * the data is resolved against the page that shows it), nor forms a browser reads as another host
 * or another scheme than they seem to have (`//host`, `\\host`, `https:host`, `http:/x`, `java\tscript:`).
 */
const FULL = /^\s*(?:https?:\/\/[^/\\]|mailto:)/i;

/** An address from the data, when it is written in full (FULL) and its scheme is one of `schemes`, serialised; otherwise undefined. */
export const dataUrl = (url: string | undefined, schemes: readonly string[] = LINK_SCHEMES): string | undefined =>
  // `FULL.test(undefined)` tests the text "undefined": false.
  FULL.test(url!) ? allowedUrl(url, schemes) : undefined;

/** An http(s) address from the data, written in full (dataUrl); else undefined. A feed's relative links: importers/link.ts. */
export const webUrl = (url: string | undefined): string | undefined => dataUrl(url, WEB_SCHEMES);
