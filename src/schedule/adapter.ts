/** The person signed in. */
export interface ScheduleUser {
  id: string;
  name?: string;
}

/** Someone else's schedule, shown read only from a share link. */
export interface SharedSchedule {
  name?: string;
  items: string[];
}

/** What the elements pass to `setStarred` besides the item and the choice. */
export interface SetStarredOptions {
  /** When the person pressed, in ms since 1970 (with fractions): the later press wins. */
  at?: number;
}

/** The state an adapter holds for one item after a change: when it differs from what was asked, a later press won. */
export interface StarState {
  starred: boolean;
  /** When the press that won was made. */
  at?: number;
}

/**
 * How the elements reach a person's schedule. The contract is fixed: hosts implement it to save
 * stars in their own accounts. See "Adapters" in the README.
 */
export interface ScheduleAdapter {
  /** The person signed in, or null when nobody is. */
  user(): Promise<ScheduleUser | null>;
  /** Ids of the items on that person's schedule. */
  starred(): Promise<Iterable<string>>;
  /**
   * Adds (true) or removes (false) one item; rejects when the change did not persist. `options.at`
   * is when the person pressed (ms since 1970): an adapter that keeps times ignores a press older
   * than the one it holds for the item, and may resolve with the state that won, which the
   * elements then show. Adapters written before `at` existed keep working: it is optional.
   */
  setStarred(itemId: string, starred: boolean, options?: SetStarredOptions): Promise<void | StarState>;
  /** Optional: changes made elsewhere (another tab or device). Returns an unsubscribe function. */
  subscribe?(onChange: (ids: Iterable<string>) => void): () => void;
  /** Optional: what a signed-out press of a star leads to: a URL to open, or a function. */
  login?: string | (() => void);
  /**
   * Optional: true when the schedule lives only in this browser (no account): the stars say so,
   * and nothing needs keeping for a later send.
   */
  readonly local?: boolean;
  /**
   * Optional: the name of the schedule this adapter reaches (an HTTP API's base URL, say). Pages
   * whose adapters share a scope and a signed-in person share the changes waiting to be sent.
   * Without it, every adapter of this kind on the site counts as one schedule.
   */
  readonly scope?: string;
  /** Optional: a new secret calendar URL of the schedule, replacing the one before; null when the server has no calendar feeds. */
  calendarUrl?(): Promise<{ url: string; webcal: string } | null>;
  /** Optional: a token that shows this person's starred items to others, read only (for a share link). */
  shareToken?(): Promise<string | null>;
  /** Optional: the starred items and name of the person whose share token this is, or null when unknown. */
  sharedSchedule?(token: string): Promise<SharedSchedule | null>;
}

/**
 * Rejection of `setStarred` that means "the change could not be delivered now": no connection, no
 * answer in time, or the server saying it cannot take it now (HTTP 5xx). The store keeps the
 * change, shows it as pending, and sends it when the server is back. Any other rejection means the
 * server refused it, and the star is put back.
 */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
}

/**
 * Rejection of `setStarred` that means "nobody is signed in any more". The change is kept in this
 * browser and sent once the same person is signed in again.
 */
export class SignedOutError extends Error {
  override readonly name = 'SignedOutError';
  constructor(message = 'You are no longer signed in.') {
    super(message);
  }
}
