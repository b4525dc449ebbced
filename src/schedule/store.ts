import { SignedOutError, UnreachableError, type ScheduleAdapter, type ScheduleUser } from './adapter.js';
import { LocalScheduleAdapter } from './local-adapter.js';
import { Outbox } from './outbox.js';

/** First wait before sending again changes that could not be sent; it doubles up to the maximum. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

export type ScheduleStatus = 'loading' | 'signed-out' | 'signed-in' | 'error';

/** Fired as `change` when what some stars show has changed. `ids` undefined means "all". */
export interface ScheduleChange {
  ids?: string[];
}

/**
 * Fired as `failure` when a change did not persist: rolled back when the server refused it, or
 * `queued` (kept, shown as pending, sent when the server is back) when it could not be sent.
 */
export interface ScheduleFailure {
  itemId: string;
  message: string;
  queued?: boolean;
  /** The element whose press started the change that failed. */
  origin?: EventTarget;
}

/**
 * The starred set every star on the page shows, for one adapter. A press updates every star for
 * that item at once (optimistic), then sends the change; on failure it rolls back and says why.
 * For each item, at most one request is in flight and the next one waits for it, so requests
 * never overtake each other and a burst of presses converges on the last choice.
 */
export class ScheduleStore extends EventTarget {
  status: ScheduleStatus = 'loading';
  user: ScheduleUser | null = null;
  /** Why the schedule could not be read, when status is `error`. */
  message = '';
  /** True for the browser-storage adapter: the schedule lives only in this browser. */
  readonly local: boolean;

  /** What the adapter holds, as far as we know. */
  #confirmed = new Set<string>();
  /** The person's latest choice, for items whose change is not yet confirmed. */
  #wanted = new Map<string, boolean>();
  #sending = new Set<string>();
  #origin = new Map<string, EventTarget | undefined>();
  #started?: Promise<void>;
  #unsubscribe?: () => void;
  /** Changes waiting for the server to be reachable again, kept across reloads. */
  #outbox?: Outbox;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #retryDelay = RETRY_FIRST_MS;

  constructor(readonly adapter: ScheduleAdapter) {
    super();
    this.local = adapter instanceof LocalScheduleAdapter;
  }

  /** Reads who is signed in and their starred items, once however many stars ask. */
  start(): Promise<void> {
    return (this.#started ??= this.#load());
  }

  /** Reads the person and their stars again (after signing in elsewhere, or to retry). */
  refresh(): Promise<void> {
    this.#started = this.#load();
    return this.#started;
  }

  isStarred(id: string): boolean {
    return this.#wanted.get(id) ?? this.#confirmed.has(id);
  }

  /** A change for this item is on its way to the adapter, or waiting to be sent. */
  isPending(id: string): boolean {
    return this.#wanted.has(id);
  }

  /** Sends every change that is waiting for the server now (a reconnect calls this too). */
  flush(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    for (const id of this.#outbox?.entries().keys() ?? []) if (!this.#sending.has(id)) void this.#send(id);
  }

  /** Every item starred, as the page shows it now. */
  starredIds(): Set<string> {
    const ids = new Set(this.#confirmed);
    for (const [id, on] of this.#wanted) on ? ids.add(id) : ids.delete(id);
    return ids;
  }

  /**
   * The person pressed a star: show it everywhere at once, then send it. `origin` is the element
   * pressed, told first if the change fails.
   */
  set(id: string, starred: boolean, origin?: EventTarget): void {
    if (this.status !== 'signed-in') return;
    this.#wanted.set(id, starred);
    this.#origin.set(id, origin);
    this.#changed([id]);
    if (!this.#sending.has(id)) void this.#send(id);
  }

  async #send(id: string): Promise<void> {
    this.#sending.add(id);
    try {
      for (;;) {
        const wanted = this.#wanted.get(id);
        if (wanted === undefined || wanted === this.#confirmed.has(id)) break;
        await this.adapter.setStarred(id, wanted);
        if (wanted) this.#confirmed.add(id);
        else this.#confirmed.delete(id);
      }
      this.#wanted.delete(id);
      this.#outbox?.delete(id);
      this.#retryDelay = RETRY_FIRST_MS;
      this.#changed([id]);
    } catch (e) {
      if (e instanceof UnreachableError && this.#outbox && this.#wanted.has(id)) {
        this.#outbox.put(id, this.#wanted.get(id)!);
        this.#retryLater();
        const failure: ScheduleFailure = { itemId: id, message: e.message, queued: true, origin: this.#origin.get(id) };
        this.dispatchEvent(new CustomEvent<ScheduleFailure>('failure', { detail: failure }));
        return;
      }
      this.#outbox?.delete(id);
      this.#wanted.delete(id);
      const signedOut = e instanceof SignedOutError;
      if (signedOut) {
        this.status = 'signed-out';
        this.user = null;
        this.#confirmed.clear();
        this.#wanted.clear();
      }
      this.#changed(signedOut ? undefined : [id]);
      const failure: ScheduleFailure = { itemId: id, message: (e as Error)?.message || String(e), origin: this.#origin.get(id) };
      this.dispatchEvent(new CustomEvent<ScheduleFailure>('failure', { detail: failure }));
    } finally {
      this.#sending.delete(id);
    }
  }

  async #load(): Promise<void> {
    this.status = 'loading';
    this.#changed();
    try {
      this.user = await this.adapter.user();
      this.#confirmed = this.user ? new Set(await this.adapter.starred()) : new Set();
      this.status = this.user ? 'signed-in' : 'signed-out';
      this.#openOutbox();
      this.message = '';
      this.#unsubscribe ??= this.adapter.subscribe?.((ids) => {
        this.#confirmed = new Set(ids);
        this.#changed();
      });
    } catch (e) {
      this.status = 'error';
      this.message = (e as Error)?.message || String(e);
      this.#started = undefined;
    }
    this.#changed();
  }

  /** Picks up what this person pressed while the server was out of reach, even before a reload. */
  #openOutbox(): void {
    if (!this.user || this.local) return;
    const base = (this.adapter as { base?: unknown }).base;
    const scope = typeof base === 'string' ? base : 'adapter';
    this.#outbox = new Outbox(scope, this.user.id);
    for (const [id, starred] of this.#outbox.entries()) this.#wanted.set(id, starred);
    if (this.#outbox.entries().size) queueMicrotask(() => this.flush());
    window.addEventListener('online', this.#onOnline);
  }

  #onOnline = () => this.flush();

  #retryLater(): void {
    if (this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => this.flush(), this.#retryDelay);
    this.#retryDelay = Math.min(this.#retryDelay * 2, RETRY_MAX_MS);
  }

  #changed(ids?: string[]): void {
    this.dispatchEvent(new CustomEvent<ScheduleChange>('change', { detail: { ids } }));
  }
}

const stores = new WeakMap<ScheduleAdapter, ScheduleStore>();

/** The one store for this adapter on the page. */
export function storeFor(adapter: ScheduleAdapter): ScheduleStore {
  let store = stores.get(adapter);
  if (!store) stores.set(adapter, (store = new ScheduleStore(adapter)));
  return store;
}
