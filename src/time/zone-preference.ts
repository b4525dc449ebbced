/**
 * The reader's choice between the conference's zone and their own, remembered per conference in
 * this browser, and shared by every element on the page: switch it in one list and every time
 * follows.
 */
export type ZonePreference = 'conference' | 'viewer';

const KEY = 'programme-elements:zone:';
const changes = new EventTarget();
/** The choices made on this page, for when storage is refused (private mode). */
const memory = new Map<string, ZonePreference>();

export function zonePreference(conferenceId: string): ZonePreference | undefined {
  try {
    const value = localStorage.getItem(KEY + conferenceId);
    if (value === 'viewer' || value === 'conference') return value;
  } catch {
    // fall through to what this page remembers
  }
  return memory.get(conferenceId);
}

export function setZonePreference(conferenceId: string, preference: ZonePreference): void {
  memory.set(conferenceId, preference);
  try {
    localStorage.setItem(KEY + conferenceId, preference);
  } catch {
    // Storage refused: the choice lasts as long as the page.
  }
  changes.dispatchEvent(new CustomEvent('change', { detail: { conferenceId, preference } }));
}

/** Calls `listener` whenever the reader switches zones; returns the unsubscribe function. */
export function onZonePreference(listener: (conferenceId: string, preference: ZonePreference) => void): () => void {
  const handler = (e: Event) => {
    const { conferenceId, preference } = (e as CustomEvent).detail;
    listener(conferenceId, preference);
  };
  changes.addEventListener('change', handler);
  return () => changes.removeEventListener('change', handler);
}
