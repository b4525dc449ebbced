import type { ScheduleAdapter, ScheduleUser } from './adapter.js';
import { onePer } from './registry.js';

const PREFIX = 'programme-elements:schedule:';

/** Where this browser keeps the schedule of a conference (localStorage). */
export const localScheduleKey = (conferenceId: string): string => PREFIX + conferenceId;

/** Somebody who is always "signed in": the schedule belongs to this browser. */
const BROWSER_USER: ScheduleUser = { id: 'this-browser' };

/**
 * The schedule in this browser's storage, keyed by conference id, kept in step between tabs
 * through the `storage` event. No account: the elements say that the schedule lives only here.
 */
export class LocalScheduleAdapter implements ScheduleAdapter {
  readonly key: string;
  readonly local = true;
  readonly scope: string;
  /** Used when storage is unavailable (private mode, blocked cookies): the schedule lasts for this page. */
  #memory = new Set<string>();

  constructor(readonly conferenceId: string) {
    this.key = this.scope = localScheduleKey(conferenceId);
  }

  async user(): Promise<ScheduleUser> {
    return BROWSER_USER;
  }

  async starred(): Promise<Set<string>> {
    return this.#read();
  }

  async setStarred(itemId: string, starred: boolean): Promise<void> {
    const ids = this.#read();
    if (starred) ids.add(itemId);
    else ids.delete(itemId);
    this.#memory = ids;
    try {
      localStorage.setItem(this.key, JSON.stringify([...ids]));
    } catch (e) {
      throw new Error(`This browser would not save the schedule (${(e as Error).message}).`);
    }
  }

  subscribe(onChange: (ids: Iterable<string>) => void): () => void {
    const listener = (event: StorageEvent) => {
      if (event.key === this.key || event.key === null) onChange(this.#read());
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  }

  #read(): Set<string> {
    try {
      const raw = localStorage.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []);
    } catch {
      return new Set(this.#memory);
    }
  }
}

/** One local adapter per conference on the page, so every star for it shares one store. */
export function localAdapterFor(conferenceId: string): LocalScheduleAdapter {
  return onePer(`local-adapter|${conferenceId}`, () => new LocalScheduleAdapter(conferenceId));
}
