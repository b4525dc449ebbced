import { UnreachableError, type ScheduleAdapter, type ScheduleUser } from '../../src/schedule/adapter.js';

/**
 * How `setStarred` answers: saves; refuses (as the HTTP adapter does for a 403: the star is put
 * back); cannot deliver it (as for a 503 or no connection: the change is kept, pending); or never
 * answers at all.
 */
export type SaveMode = 'ok' | 'fail' | 'unreachable' | 'never';

export interface MemoryAdapterOptions {
  /** Somebody is signed in (default true). */
  signedIn?: boolean;
  /** Who is signed in (default a story user). */
  user?: ScheduleUser;
  /** Ids on that person's schedule at first. */
  starred?: Iterable<string>;
  /** Milliseconds every call takes (default 150), so that a press shows its pending state briefly. */
  delay?: number;
  /** How `setStarred` answers (default `ok`). */
  save?: SaveMode;
  /** `user()` rejects: the schedule cannot be read at all. */
  unavailable?: boolean;
  /** Called instead of the default console line when a signed-out reader presses a star. */
  onLogin?: () => void;
  /** The adapter gives a calendar address and a share link (the contract's optional `calendarUrl` and `shareToken`). */
  account?: boolean;
}

/** The message of the `fail` mode: what the HTTP adapter says for a 403. */
export const HTTP_403 = 'The schedule server answered HTTP 403.';
/** The message of the `unreachable` mode: what the HTTP adapter says for a 503. */
export const HTTP_503 = 'The schedule server answered HTTP 503.';
/** The message of `unavailable`. */
export const UNREACHABLE = 'The schedule server could not be reached.';

const STORY_USER: ScheduleUser = { id: 'story-user', name: 'Story Reader' };

/**
 * Story-only schedule adapter that keeps the schedule in memory: every state of a star without a
 * network or an account. Not part of the library. Each story should make its own (the library
 * keeps one store per adapter, so two stories sharing an adapter would share their stars).
 */
export class MemoryScheduleAdapter implements ScheduleAdapter {
  readonly #ids: Set<string>;
  readonly #options: MemoryAdapterOptions;
  readonly #listeners = new Set<(ids: Iterable<string>) => void>();
  /** Every call, in order, for a play function or the console. */
  readonly calls: string[] = [];
  /**
   * Names this schedule (the adapter contract's optional `scope`), as an HTTP adapter's API base
   * does: changes kept for later (the `unreachable` mode) are stored under it and shared only with
   * pages of the same scope, so each story's adapter keeps its own and no story hears another's.
   */
  readonly scope = `memory:${Math.random().toString(36).slice(2)}`;

  /** With `account`: a made-up calendar address (the story has no server to serve it). */
  readonly calendarUrl?: () => Promise<{ url: string; webcal: string }>;
  /** With `account`: a made-up share token. */
  readonly shareToken?: () => Promise<string>;

  constructor(options: MemoryAdapterOptions = {}) {
    this.#options = options;
    this.#ids = new Set(options.starred ?? []);
    if (options.account) {
      this.calendarUrl = async () => ({
        url: 'https://schedule.example.org/calendar/story-token.ics',
        webcal: 'webcal://schedule.example.org/calendar/story-token.ics',
      });
      this.shareToken = async () => 'c3Rvcnk.story-share-token';
    }
  }

  /** A signed-out press of a star ends here (the library calls a function-valued `login`). */
  readonly login = (): void => {
    this.calls.push('login()');
    if (this.#options.onLogin) this.#options.onLogin();
    else console.log('memory adapter: login() called; a host would now sign the reader in.');
  };

  async user(): Promise<ScheduleUser | null> {
    this.calls.push('user()');
    await this.#wait();
    if (this.#options.unavailable) throw new Error(UNREACHABLE);
    return this.#options.signedIn === false ? null : (this.#options.user ?? STORY_USER);
  }

  async starred(): Promise<Set<string>> {
    this.calls.push('starred()');
    await this.#wait();
    return new Set(this.#ids);
  }

  async setStarred(itemId: string, starred: boolean): Promise<void> {
    this.calls.push(`setStarred(${itemId}, ${starred})`);
    const mode = this.#options.save ?? 'ok';
    if (mode === 'never') return new Promise<void>(() => {});
    await this.#wait();
    if (mode === 'fail') throw new Error(HTTP_403);
    if (mode === 'unreachable') throw new UnreachableError(HTTP_503);
    if (starred) this.#ids.add(itemId);
    else this.#ids.delete(itemId);
  }

  subscribe(onChange: (ids: Iterable<string>) => void): () => void {
    this.#listeners.add(onChange);
    return () => this.#listeners.delete(onChange);
  }

  /** Changes the schedule "from another device": every star on the page follows. */
  replace(ids: Iterable<string>): void {
    this.#ids.clear();
    for (const id of ids) this.#ids.add(id);
    for (const listener of this.#listeners) listener(new Set(this.#ids));
  }

  #wait(): Promise<void> {
    const ms = this.#options.delay ?? 150;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }
}

/** A fresh in-memory adapter (see `MemoryScheduleAdapter`). */
export const memoryAdapter = (options: MemoryAdapterOptions = {}) => new MemoryScheduleAdapter(options);
