import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { missingPart } from '../../data/missing-part.js';
import { emit } from '../../events.js';

/**
 * The parts an element loads on first use (lazy/ chunks), each asked for once. When one cannot be
 * loaded, the element says so in words (`view`), the console and a `programme-error` of kind
 * `missing-code` give the detail (which part, why, and the usual cause: a copy of the file
 * without its lazy/ folder), and the rest of the element keeps working.
 */
export class LazyParts implements ReactiveController {
  readonly #loading = new Map<string, Promise<unknown>>();
  /** The detailed message of the first part that could not be loaded. */
  failed?: string;
  readonly #missing = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The part's module, once; undefined when it could not be loaded (reported, never thrown). */
  load<T>(part: string, importer: () => Promise<T>): Promise<T | undefined> {
    let loading = this.#loading.get(part) as Promise<T | undefined> | undefined;
    if (!loading) {
      loading = importer().catch((error: unknown) => this.report(part, error));
      this.#loading.set(part, loading);
    }
    return loading;
  }

  /**
   * A part could not be loaded (also for one loaded elsewhere, as a download's writer): said in
   * words, in the console and as `programme-error`, once. Resolves nothing, for `.catch`.
   */
  report(part: string, error: unknown): undefined {
    const message = missingPart(part, error);
    this.#missing.add(part);
    console.error(`programme-elements: ${message}`);
    if (!this.failed) {
      this.failed = message;
      emit(this.host, 'programme-error', { message, kind: 'missing-code' });
    }
    this.host.requestUpdate();
    return undefined;
  }

  /** Whether this part was asked for and could not be loaded (the element does without it). */
  missing(part: string): boolean {
    return this.#missing.has(part);
  }

  /** The line that tells the reader, when a part is missing. */
  view(text: string) {
    return this.failed ? html`<p part="missing" class="missing" role="alert">${text}</p>` : nothing;
  }
}
