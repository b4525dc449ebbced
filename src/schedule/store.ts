import { SignedOutError, UnreachableError, type ScheduleAdapter, type ScheduleUser } from './adapter.js';
import { choose, later, type Choice } from './choice.js';
import type { Outbox } from './outbox.js';
import { rememberPress, takePress } from './sign-in-intent.js';

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
  /** The change is kept because the reader is signed out: it is sent once they sign in again. */
  signedOut?: boolean;
  /** The element whose press started the change that failed. */
  origin?: EventTarget;
}

/**
 * The starred set every star on the page shows, for one adapter. A press updates every star for
 * that item at once (optimistic), then sends the change. For each item, at most one request is in
 * flight and the next one waits for it, so requests never overtake each other and a burst of
 * presses converges on the last choice.
 *
 * When the adapter refuses a change, the star is put back and the reader told why. When it could
 * not be delivered (`UnreachableError`: no connection, no answer, server unavailable), the change
 * is kept: shown as pending, held in this browser across reloads (outbox.ts), sent again after
 * pauses from 2 s doubling to a minute, and at once when the browser is back online. Pages of the
 * same schedule and person in this browser tell each other every choice (through the outbox), so
 * they show and send the same, and the choice made last wins.
 */
export class ScheduleStore extends EventTarget {
  status: ScheduleStatus = 'loading';
  user: ScheduleUser | null = null;
  /** Why the schedule could not be read, when status is `error`. */
  message = '';
  /** Whether an element has reported the current `error` yet (each failure to read is reported once per page). */
  #errorReported = false;
  /** True when the adapter says the schedule lives only in this browser. */
  readonly local: boolean;

  /** What the adapter holds, as far as we know. */
  #confirmed = new Set<string>();
  /** The latest choice known for each item pressed (here, or on another page). */
  #chosen = new Map<string, Choice>();
  /** The choice this page last had the adapter take, per item: pending while it is not the latest. */
  #done = new Map<string, Choice>();
  #sending = new Set<string>();
  #origin = new Map<string, EventTarget | undefined>();
  #started?: Promise<void>;
  /** Set once the adapter's changes are followed; a store lives as long as the page, so it is kept, not called. */
  // eslint-disable-next-line no-unused-private-class-members -- written once with ??=, as a guard
  #unsubscribe?: () => void;
  /** Choices not yet confirmed, kept across reloads and shared with other pages (server schedules only). */
  #outbox?: Outbox;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #retryDelay = RETRY_FIRST_MS;

  constructor(readonly adapter: ScheduleAdapter) {
    super();
    this.local = adapter.local === true;
    // Back online: send what is waiting at once. A store lives as long as the page.
    if (!this.local) window.addEventListener('online', () => this.flush());
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

  /** The item whose press was kept across signing in and applied on return, until a star for it has taken focus. */
  #returnedTo?: string;

  /** True once, for the star of the item pressed before signing in: it scrolls into view and takes focus. */
  claimReturn(id: string): boolean {
    if (this.#returnedTo !== id) return false;
    this.#returnedTo = undefined;
    return true;
  }

  /** True once per failure to read the schedule: the element that asks first reports it. */
  claimError(): boolean {
    if (this.status !== 'error' || this.#errorReported) return false;
    return (this.#errorReported = true);
  }

  isStarred(id: string): boolean {
    return this.isPending(id) ? this.#chosen.get(id)!.starred : this.#confirmed.has(id);
  }

  /** A change for this item is on its way to the adapter, or waiting to be sent. */
  isPending(id: string): boolean {
    return this.#chosen.has(id) && this.#chosen.get(id) !== this.#done.get(id);
  }

  /** Sends every change that is waiting for the server now (a reconnect calls this too). */
  flush(): void {
    if (this.status === 'signed-in') for (const id of this.#chosen.keys()) if (this.isPending(id) && !this.#sending.has(id)) void this.#send(id);
  }

  /** Every item starred, as the page shows it now. */
  starredIds(): Set<string> {
    const ids = new Set(this.#confirmed);
    for (const id of this.#chosen.keys()) {
      if (!this.isPending(id)) continue;
      if (this.isStarred(id)) ids.add(id);
      else ids.delete(id);
    }
    return ids;
  }

  /**
   * A signed-out reader pressed the star of `id` and is on the way to sign in: once they are back
   * and signed in to this schedule (in this tab, within a quarter of an hour), the item is starred.
   */
  starAfterSignIn(id: string): void {
    rememberPress(this.adapter.scope ?? 'adapter', id);
  }

  /**
   * The person pressed a star: show it everywhere at once, then send it. `origin` is the element
   * pressed, told first if the change fails.
   */
  set(id: string, starred: boolean, origin?: EventTarget): void {
    if (this.status !== 'signed-in') return;
    const choice = choose(starred);
    this.#outbox?.put(id, choice);
    this.#take(id, choice, origin);
  }

  #take(id: string, choice: Choice, origin?: EventTarget): void {
    this.#chosen.set(id, choice);
    this.#origin.set(id, origin);
    this.#changed([id]);
    if (!this.#sending.has(id)) void this.#send(id);
  }

  /** Another page of this schedule chose: show it, and send it too, unless this page knows a later choice. */
  #onChoice = (id: string, choice: Choice): void => {
    if (this.status === 'signed-in' && later(choice, this.#chosen.get(id))) this.#take(id, choice);
  };

  async #send(id: string): Promise<void> {
    this.#sending.add(id);
    try {
      while (this.isPending(id)) {
        const choice = this.#chosen.get(id)!;
        const held = await this.adapter.setStarred(id, choice.starred, { at: choice.at });
        // The adapter holds a later press (made on another device): that one is what the reader chose last.
        const won = held && held.starred !== choice.starred ? { starred: held.starred, at: held.at ?? choice.at } : choice;
        if (won.starred) this.#confirmed.add(id);
        else this.#confirmed.delete(id);
        if (won !== choice && this.#chosen.get(id) === choice) this.#chosen.set(id, won);
        this.#done.set(id, this.#chosen.get(id) === won ? won : choice);
        this.#outbox?.settle(id, won);
        this.#retryDelay = RETRY_FIRST_MS;
      }
      this.#changed([id]);
    } catch (e) {
      const failure: ScheduleFailure = { itemId: id, message: (e as Error)?.message || String(e), origin: this.#origin.get(id) };
      if (e instanceof SignedOutError) {
        // Kept (in the outbox, for this person) until they are signed in again; then it is sent.
        failure.queued = !this.local;
        failure.signedOut = true;
        if (this.status !== 'signed-out') this.#signedOut();
        this.#changed();
      } else if (e instanceof UnreachableError && this.#outbox && this.isPending(id)) {
        this.#retryLater();
        failure.queued = true;
      } else {
        this.#outbox?.delete(id);
        this.#chosen.delete(id);
        this.#done.delete(id);
        this.#changed([id]);
      }
      this.dispatchEvent(new CustomEvent<ScheduleFailure>('failure', { detail: failure }));
    } finally {
      this.#sending.delete(id);
    }
  }

  /** Something could not be delivered: send again after a pause, longer each time until something goes through. */
  #retryLater(): void {
    if (this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.flush();
    }, this.#retryDelay);
    this.#retryDelay = Math.min(this.#retryDelay * 2, RETRY_MAX_MS);
  }

  #signedOut(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.status = 'signed-out';
    this.user = null;
    this.#confirmed.clear();
    this.#chosen.clear();
    this.#done.clear();
    this.#outbox?.close();
    this.#outbox = undefined;
  }

  async #load(): Promise<void> {
    this.status = 'loading';
    this.#errorReported = false;
    this.#changed();
    try {
      this.user = await this.adapter.user();
      if (!this.user) this.#signedOut();
      else {
        this.#confirmed = new Set(await this.adapter.starred());
        await this.#openOutbox(this.user.id);
        this.status = 'signed-in';
        const pressed = takePress(this.adapter.scope ?? 'adapter');
        if (pressed && !this.isStarred(pressed)) this.set(pressed, true);
        if (pressed) this.#returnedTo = pressed;
      }
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
    this.flush();
  }

  /**
   * For a schedule on a server: picks up what this person chose but the server has not confirmed
   * (pressed while it was out of reach, or on a page since closed), and listens to other pages.
   * Its code loads only here, so pages with the browser-only schedule never download it.
   */
  async #openOutbox(userId: string): Promise<void> {
    if (this.local) return;
    try {
      const { Outbox } = await import('./outbox.js');
      this.#outbox?.close();
      this.#outbox = new Outbox(this.adapter.scope ?? 'adapter', userId, this.#onChoice);
    } catch {
      return; // Its code could not be loaded: changes are still sent, only not kept across reloads.
    }
    for (const [id, choice] of this.#outbox.entries()) if (later(choice, this.#chosen.get(id))) this.#chosen.set(id, choice);
  }

  #changed(ids?: string[]): void {
    this.dispatchEvent(new CustomEvent<ScheduleChange>('change', { detail: { ids } }));
  }
}
