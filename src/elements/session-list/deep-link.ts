/** What the URL hash names: a day (`#2024-06-09`), an item (`#P021`), or nothing. */
export type HashTarget = { day: string } | { id: string } | undefined;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readHash(hash = window.location.hash): HashTarget {
  let value: string;
  try {
    value = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  if (!value) return undefined;
  return DAY.test(value) ? { day: value } : { id: value };
}

/** The text with any lone surrogate replaced, so that it can go into a URL (ids are data). */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Writes the hash without reloading, scrolling, or adding a history entry per filter change. */
export function writeHash(value: string | undefined): void {
  const url = new URL(window.location.href);
  url.hash = value ? encodeURIComponent(wellFormed(value)) : '';
  const next = value ? url.href : url.href.replace(/#$/, '');
  if (next !== window.location.href) history.replaceState(history.state, '', next);
}
