import type { ProgrammeIndex } from '../../data/programme-index.js';
import { ProgrammeLoadError } from '../../data/load-error.js';
import type { ScheduleFailure } from '../../schedule/store.js';
import { emit, type ProgrammeErrorDetail } from '../../events.js';

/**
 * When an element fires `programme-error`, decided in one place. The rules:
 *
 * 1. The element that owns a `src` reports what went wrong loading it, with the detailed reason
 *    (and logs validation problems to the console). Elements that take the programme from a
 *    `<programme-source>` do not: the source reports it, once.
 * 2. The owner of a `src` that loaded without some items (mistakes inside them) reports that
 *    once per load, as `partial`.
 * 3. An element whose panel or paper is not in the ready programme reports it once per programme
 *    and id, after it has rendered what it says: `not-found`, or `partial` when the item was left
 *    out for its mistakes, unless the element's own `src` has reported those already (rule 2).
 * 4. An element that needs a programme and has none coming reports `no-source`, once per connection.
 * 5. A star reports each change that did not persist: `save` (put back) or `queued` (kept).
 * 6. When the reader's schedule cannot be read, the first element told of it reports `schedule`,
 *    once per failure (ScheduleController, with `ScheduleStore.claimError`).
 */
export class ErrorReports {
  /** The `programme-error` to fire after the host's next render (rule 3), and the last one fired. */
  #afterRender?: ProgrammeErrorDetail;
  #lastMissing?: string;

  constructor(private readonly host: HTMLElement) {}

  /** Rule 1: the host's own `src` failed to load. */
  loadFailed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const kind = error instanceof ProgrammeLoadError ? error.kind : 'network';
    const problems = error instanceof ProgrammeLoadError ? error.problems : [];
    if (problems.length) console.error(`programme-elements: ${message}\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.#fire({ message, kind, ...(problems.length ? { problems } : {}) });
  }

  /** Rule 2: the host's own `src` loaded. */
  loaded(src: string, index: ProgrammeIndex): void {
    const { format, notes, skipped } = index.source;
    if (format !== 'native') console.info(`programme-elements: read ${src} as ${format}.${notes.map((n) => `\n  ${n}`).join('')}`);
    if (skipped) this.#fire({ ...skipped });
  }

  /**
   * Rule 3: the item `id` is missing from `index`, which the host's own `src` loaded (`ownSrc`)
   * or its provider gave it. `skipped` says whether it was left out for its mistakes.
   */
  missing(index: ProgrammeIndex, id: string, message: string, skipped: boolean, ownSrc: boolean): void {
    const key = `${index.conference.id}/${id}`;
    if (!id || key === this.#lastMissing) return;
    this.#lastMissing = key;
    if (!skipped || !ownSrc) this.#afterRender = { message, kind: skipped ? 'partial' : 'not-found' };
  }

  /** The host has rendered: fire what rule 3 held back. */
  rendered(): void {
    const detail = this.#afterRender;
    this.#afterRender = undefined;
    if (detail) this.#fire(detail);
  }

  /** Rule 4. */
  noSource(message: string): void {
    this.#fire({ message, kind: 'no-source' });
  }

  /** Rule 5. */
  notSaved(failure: ScheduleFailure): void {
    this.#fire({ message: failure.message, kind: failure.queued ? 'queued' : 'save' });
  }

  #fire(detail: ProgrammeErrorDetail): void {
    emit(this.host, 'programme-error', detail);
  }
}
