/**
 * A press made while signed out, kept across the trip to the sign-in page: once the reader is
 * back and signed in to the same schedule, the store applies it. Kept in sessionStorage (this
 * tab only) for a quarter of an hour.
 */
const KEY = 'programme-elements:after-sign-in';
const LIFETIME_MS = 15 * 60_000;

interface Intent {
  scope: string;
  itemId: string;
  at: number;
}

/** The reader pressed `itemId`'s star while signed out of the schedule named `scope`. */
export function rememberPress(scope: string, itemId: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ scope, itemId, at: Date.now() } satisfies Intent));
  } catch {
    // Storage refused: the reader presses again after signing in.
  }
}

/** The item pressed before signing in to `scope`, once: it is forgotten as it is read. */
export function takePress(scope: string): string | undefined {
  try {
    const intent = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<Intent> | null;
    if (intent?.scope !== scope || typeof intent.itemId !== 'string' || typeof intent.at !== 'number') return undefined;
    sessionStorage.removeItem(KEY);
    return Date.now() - intent.at < LIFETIME_MS ? intent.itemId : undefined;
  } catch {
    return undefined;
  }
}
