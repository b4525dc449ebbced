/**
 * Stars pressed in this browser before the reader had an account (the browser-only schedule of
 * the conference), offered into the account once they sign in: "Add your 3 starred items to your
 * account?". Accepted, they are starred in the account (as presses made now) and the browser-only
 * schedule is emptied; declined, the offer is not made again for that person and conference, and
 * the browser's stars stay as they were.
 */
import { localScheduleKey } from './local-adapter.js';
import type { ScheduleStore } from './store.js';

const declinedKey = (conferenceId: string, userId: string) => `programme-elements:offer-declined:${conferenceId}|${userId}`;

function localIds(conferenceId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(localScheduleKey(conferenceId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** The items of this browser's own schedule for the conference that the signed-in account lacks. */
export function localItemsToOffer(store: ScheduleStore, conferenceId: string): string[] {
  if (store.local || store.status !== 'signed-in' || !store.user) return [];
  try {
    if (localStorage.getItem(declinedKey(conferenceId, store.user.id))) return [];
  } catch {
    return [];
  }
  return localIds(conferenceId).filter((id) => !store.isStarred(id));
}

/** Stars the offered items in the account and empties this browser's own schedule of the conference. */
export function acceptLocalItems(store: ScheduleStore, conferenceId: string): number {
  const ids = localItemsToOffer(store, conferenceId);
  for (const id of ids) store.set(id, true);
  try {
    localStorage.removeItem(localScheduleKey(conferenceId));
  } catch {
    // Storage refused: the offer may come again; starring twice changes nothing.
  }
  return ids.length;
}

/** Not into the account: the offer is not made again to this person for this conference. */
export function declineLocalItems(store: ScheduleStore, conferenceId: string): void {
  if (!store.user) return;
  try {
    localStorage.setItem(declinedKey(conferenceId, store.user.id), '1');
  } catch {
    // Storage refused: the offer comes again on the next page.
  }
}
