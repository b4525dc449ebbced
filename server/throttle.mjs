/**
 * Guessing passwords, slowed down: failed sign-ins are counted per account and per address (in
 * the database, so every server process counts the same), and past a limit within a window the
 * answer is 429 with Retry-After, before any password is checked, right or wrong.
 */

/** The window failures are counted in. */
export const WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins to one account within the window before it is locked for the rest of it. */
export const ACCOUNT_LIMIT = 5;
/** Failed sign-ins from one address within the window (a shared network has many readers). */
export const ADDRESS_LIMIT = 30;

/** Thrown when sign-in is refused for now; `retryAfter` is in seconds. */
export class ThrottledError extends Error {
  constructor(message, retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }
}

export function signInThrottle({ db, now = () => Date.now(), windowMs = WINDOW_MS, accountLimit = ACCOUNT_LIMIT, addressLimit = ADDRESS_LIMIT }) {
  const keys = (username, address) => [
    { key: `account:${String(username).toLowerCase()}`, limit: accountLimit },
    { key: `address:${address}`, limit: addressLimit },
  ];
  let lastPrune = 0;
  /** Attempts of this process whose password is being checked: they count before their result is known. */
  const checking = new Map();
  const count = (key, by) => {
    const n = (checking.get(key) ?? 0) + by;
    if (n) checking.set(key, n);
    else checking.delete(key);
  };

  return {
    /**
     * An attempt to sign in starts: throws ThrottledError when this account or address has failed
     * too often lately (counting the attempts still being checked, so that guesses sent at once
     * cannot all slip in before the first has failed). Call `end()` on what it returns when the
     * password has been checked.
     */
    async begin(username, address) {
      const t = now();
      if (t - lastPrune > windowMs) {
        lastPrune = t;
        await db.pruneFailures(t - windowMs);
      }
      const mine = keys(username, address);
      for (const { key, limit } of mine) {
        if ((await db.failuresSince(key, t - windowMs)) + (checking.get(key) ?? 0) >= limit) {
          throw new ThrottledError('Too many attempts to sign in. Wait a few minutes, then try again.', Math.ceil(windowMs / 1000));
        }
      }
      for (const { key } of mine) count(key, 1);
      let ended = false;
      return {
        end() {
          if (ended) return;
          ended = true;
          for (const { key } of mine) count(key, -1);
        },
      };
    },
    /** A wrong password: counts against both. */
    async failed(username, address) {
      const t = now();
      for (const { key } of keys(username, address)) await db.recordFailure(key, t);
    },
    /** A right one: the account starts afresh (the address does not, so one account cannot unlock guessing at others). */
    async succeeded(username) {
      await db.clearFailures(keys(username, '')[0].key);
    },
  };
}
