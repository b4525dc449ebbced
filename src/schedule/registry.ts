/**
 * One of a kind per key on the page: the adapter for a conference's browser storage or for an
 * HTTP API, the store for an adapter. Every star that names the same schedule shares one.
 */
const byKey = new Map<string, unknown>();
const byObject = new WeakMap<object, unknown>();

/** The one value for `key` on the page, made by `make` the first time it is asked for. */
export function onePer<T>(key: string | object, make: () => T): T {
  if (typeof key === 'object') {
    if (!byObject.has(key)) byObject.set(key, make());
    return byObject.get(key) as T;
  }
  if (!byKey.has(key)) byKey.set(key, make());
  return byKey.get(key) as T;
}
