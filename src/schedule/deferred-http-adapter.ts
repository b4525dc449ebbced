import type { ScheduleAdapter } from './adapter.js';
import { apiBase } from './api-base.js';

const byBase = new Map<string, ScheduleAdapter & { base: string }>();

/**
 * The HTTP adapter for a declarative `schedule="https://…"`, whose code loads on first use: pages
 * that keep stars in the browser (the default) never download it. One per API base and login on
 * the page, so every star using it shares one store.
 */
export function deferredHttpAdapterFor(base: string, login?: string): ScheduleAdapter & { base: string } {
  const key = `${apiBase(base)}|${login ?? ''}`;
  let adapter = byBase.get(key);
  if (!adapter) {
    const real = import('./http-adapter.js').then(({ httpAdapterFor }) => httpAdapterFor(base, login));
    byBase.set(
      key,
      (adapter = {
        base: apiBase(base),
        login,
        user: async () => (await real).user(),
        starred: async () => (await real).starred(),
        setStarred: async (itemId, starred) => (await real).setStarred(itemId, starred),
      }),
    );
  }
  return adapter;
}
