/** Reading loosely typed JSON from other systems without trusting its shape. */

import { isObject, type Obj } from '../json-guard.js';
import { webUrl } from '../data-url.js';

export { isObject, type Obj };

/** The value when it is an object, else an empty one, so that field reads never throw. */
export const obj = (v: unknown): Obj => (isObject(v) ? v : {});

/** The value when it is an array, else an empty one. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A non-empty trimmed string from a string, a finite number, or a translated value
 * (`{ "en": "…", "de": "…" }`, as pretalx and c3voc v2 write them), taking the first of
 * `languages` that has text, then English, then any.
 */
export function text(v: unknown, languages: readonly (string | undefined)[] = []): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObject(v)) {
    for (const lang of [...languages, 'en']) {
      const t = lang ? text(v[lang]) : undefined;
      if (t) return t;
    }
    for (const value of Object.values(v)) {
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
  }
  return undefined;
}

/** The URL when it is an absolute http(s) URL, else undefined. */
export function httpUrl(v: unknown): string | undefined {
  return webUrl(text(v));
}
