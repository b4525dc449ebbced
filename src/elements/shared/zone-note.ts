import type { ZoneGuess } from '../../data/programme-index.js';
import { zoneLabel } from '../../time/zone.js';
import type { CoreWords } from '../../words.js';

/**
 * Why the times read in the zone they do, when the source did not name it: said only while the
 * conference's own zone is shown (a reader who chose their own zone knows why).
 */
export function zoneNote(guess: ZoneGuess | undefined, shownZone: string, conferenceZone: string, words: CoreWords): string | undefined {
  return guess && shownZone === conferenceZone ? words.zoneGuessed({ ...guess, shown: zoneLabel(guess.shown) }) : undefined;
}
