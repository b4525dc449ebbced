import type { ScheduleChoice } from '../context.js';
import type { ScheduleAdapter } from './adapter.js';
import { deferredHttpAdapterFor } from './deferred-http-adapter.js';
import { localAdapterFor } from './local-adapter.js';

/**
 * The adapter a choice names: the host's own, else the HTTP API at `schedule`, else this browser's
 * storage for the conference (`local`, the default).
 */
export function resolveAdapter(choice: ScheduleChoice, conferenceId = 'default'): ScheduleAdapter {
  if (choice.adapter) return choice.adapter;
  const schedule = choice.schedule?.trim();
  if (schedule && schedule !== 'local') return deferredHttpAdapterFor(schedule, choice.loginUrl ?? undefined);
  return localAdapterFor(conferenceId);
}
