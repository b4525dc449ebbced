/**
 * From what an element or its provider was told (a host's adapter, `schedule`, `login-url`) to the
 * store its stars use: the one place that decides.
 */
import type { ScheduleAdapter } from './adapter.js';
import { deferredHttpAdapterFor } from './deferred-http-adapter.js';
import { localAdapterFor } from './local-adapter.js';
import { onePer } from './registry.js';
import { ScheduleStore } from './store.js';

/**
 * Which schedule the stars use, as a `<programme-source>` was told: a host's own adapter, or the
 * declarative choice (`local`, or the base URL of an HTTP schedule API) with its login page.
 * Each element turns it into the one store for that adapter (the local one needs the conference id).
 */
export interface ScheduleChoice {
  adapter?: ScheduleAdapter;
  schedule?: string | null;
  loginUrl?: string | null;
}

/** Whether a choice names this browser's storage (`local`, or nothing), which is kept per conference. */
export function isLocalChoice(choice: ScheduleChoice): boolean {
  const schedule = choice.schedule?.trim();
  return !choice.adapter && (!schedule || schedule === 'local');
}

/**
 * The adapter a choice names: the host's own, else the HTTP API at `schedule`, else this browser's
 * storage for the conference (`local`, the default).
 */
export function resolveAdapter(choice: ScheduleChoice, conferenceId = 'default'): ScheduleAdapter {
  if (choice.adapter) return choice.adapter;
  if (isLocalChoice(choice)) return localAdapterFor(conferenceId);
  return deferredHttpAdapterFor(choice.schedule!.trim(), choice.loginUrl ?? undefined);
}

/** The one store for this adapter on the page. */
export function storeFor(adapter: ScheduleAdapter): ScheduleStore {
  return onePer(adapter, () => new ScheduleStore(adapter));
}

/** The store a choice names, for the conference the programme names. */
export function storeForChoice(choice: ScheduleChoice, conferenceId?: string): ScheduleStore {
  return storeFor(resolveAdapter(choice, conferenceId));
}
