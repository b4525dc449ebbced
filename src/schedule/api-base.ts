/** An HTTP schedule API's base URL, absolute and without a trailing slash: the key it is known by. */
export function apiBase(base: string): string {
  return new URL(base, document.baseURI).href.replace(/\/+$/, '');
}
