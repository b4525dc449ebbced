/** One choice the person made for an item: starred or not, and when (ms since 1970, with fractions). */
export interface Choice {
  starred: boolean;
  at: number;
}

/** A choice made now, timed with the sub-millisecond precision that tells two quick presses apart. */
export const choose = (starred: boolean): Choice => ({ starred, at: performance.timeOrigin + performance.now() });

/** True when `a` was chosen after `b` (or there is no `b`); a tie goes to starring, alike on every page. */
export const later = (a: Choice, b: Choice | undefined): boolean => !b || a.at > b.at || (a.at === b.at && a.starred && !b.starred);
