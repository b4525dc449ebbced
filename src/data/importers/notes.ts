import type { ZoneGuess } from '../programme-index.js';
import type { SkippedItem } from '../skipped.js';

/** How many examples a summarised note names before it says "…". */
const EXAMPLES = 3;

interface Tally {
  say: (count: number) => string;
  count: number;
  examples: string[];
}

/**
 * What an importer changed, guessed or left out, in sentences for the person who publishes the
 * programme. Repeated cases are summarised ("12 events have no duration …: "A", "B", "C", …")
 * so that a 5,000-event file does not produce 5,000 notes.
 */
export class Notes {
  /** Set when the source did not itself say which zone the programme is shown in. */
  zone?: ZoneGuess;
  /** What the source calls its events ("session" for Sessionize), in the notes that count them. */
  noun = 'event';
  #lines: string[] = [];
  #tallies = new Map<string, Tally>();
  #skipped: SkippedItem[] = [];

  /**
   * An item of the source that is not in the programme's schedule, and why: reported to the reader
   * and in the `partial` programme-error, never only to the console.
   */
  skip(item: { path: string; kind: SkippedItem['kind']; id?: string; reason: string }): void {
    const { path, kind, id, reason } = item;
    this.#skipped.push({ path, kind, ...(id !== undefined ? { id } : {}), problems: [{ path, message: reason }] });
  }

  /** What `skip` was told, in source order. */
  skipped(): SkippedItem[] {
    return [...this.#skipped];
  }

  /** "1 event has" / "3 events have", in the source's own noun. */
  events(n: number, singular = 'has', plural = 'have'): string {
    return `${n === 1 ? '1' : n} ${this.noun}${n === 1 ? '' : 's'} ${n === 1 ? singular : plural}`;
  }

  add(line: string): void {
    this.#lines.push(line);
  }

  /** Counts one more case of `key`; the note is `say(count)` followed by the first few examples. */
  tally(key: string, example: string, say: (count: number) => string): void {
    let t = this.#tallies.get(key);
    if (!t) this.#tallies.set(key, (t = { say, count: 0, examples: [] }));
    t.count++;
    if (t.examples.length < EXAMPLES) t.examples.push(example);
  }

  list(): string[] {
    const tallies = [...this.#tallies.values()].map(
      (t) => `${t.say(t.count)}: ${t.examples.map((e) => JSON.stringify(e)).join(', ')}${t.count > t.examples.length ? ', …' : ''}.`,
    );
    return [...this.#lines, ...tallies];
  }
}

/** "1 event has" / "3 events have". */
export const events = (n: number, singular = 'has', plural = 'have') => (n === 1 ? `1 event ${singular}` : `${n} events ${plural}`);
