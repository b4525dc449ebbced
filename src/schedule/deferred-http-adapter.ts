import { missingPart } from '../data/missing-part.js';
import type { ScheduleAdapter, SetStarredOptions } from './adapter.js';
import { apiBase } from './api-base.js';
import { onePer } from './registry.js';

/**
 * The HTTP adapter for a declarative `schedule="https://…"`, whose code loads on first use: pages
 * that keep stars in the browser (the default) never download it. One per API base and login on
 * the page, so every star using it shares one store.
 */
export function deferredHttpAdapterFor(base: string, login?: string): ScheduleAdapter {
  return onePer(`deferred-http-adapter|${apiBase(base)}|${login ?? ''}`, () => {
    const real = import('./http-adapter.js').then(
      ({ httpAdapterFor }) => httpAdapterFor(base, login),
      (e: unknown) => {
        throw new Error(missingPart('HTTP schedule adapter', e));
      },
    );
    return {
      scope: apiBase(base),
      login,
      user: async () => (await real).user(),
      starred: async () => (await real).starred(),
      setStarred: async (itemId: string, starred: boolean, options?: SetStarredOptions) => (await real).setStarred(itemId, starred, options),
      calendarUrl: async () => (await real).calendarUrl(),
      shareToken: async () => (await real).shareToken(),
      sharedSchedule: async (token: string) => (await real).sharedSchedule(token),
    };
  });
}
