import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProgrammeState } from '../../context.js';
import { isProgrammeFormat, type ProgrammeFormat } from '../../data/formats.js';
import { absoluteUrl, loadProgramme, onProgrammeLoaded } from '../../data/load.js';
import { ProgrammeLoadError } from '../../data/load-error.js';
import { emit } from '../../events.js';

type Host = ReactiveControllerHost & HTMLElement & { src?: string | null; format?: string | null; sourceFormat?: ProgrammeFormat };

/**
 * Loads the programme named by its host's `src` whenever `src` changes, and keeps the state
 * (loading, ready, error with retry). The element that owns a `src` reports its failure: it fires
 * `programme-error` with the detailed reason and logs validation problems to the console. It also
 * fires one, of kind `partial`, when the programme loaded without some items that have mistakes.
 */
export class SourceLoader implements ReactiveController {
  state: ProgrammeState = { status: 'loading' };
  /** What was last loaded: `src` and `format`. */
  #key: string | undefined;
  #abort?: AbortController;

  constructor(
    private readonly host: Host,
    private readonly onChange: () => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  /** Whether the host names its own programme. */
  get active(): boolean {
    return !!this.host.src;
  }

  #stopListening?: () => void;

  hostConnected(): void {
    if (this.host.src && this.state.status !== 'ready') this.#load();
    // A neighbour's successful retry of the same URL ends this element's error too.
    this.#stopListening = onProgrammeLoaded((url) => {
      if (this.state.status === 'error' && this.host.src && absoluteUrl(this.host.src) === url) this.#load();
    });
  }

  hostUpdate(): void {
    if (this.#keyOf() !== this.#key) this.#load();
  }

  #keyOf(): string | undefined {
    return this.host.src ? `${this.host.src}|${this.#format()}` : undefined;
  }

  /** The host's `format`, or its `sourceFormat` where `format` means something else too. */
  #format(): ProgrammeFormat {
    const format = this.host.sourceFormat ?? this.host.format;
    return isProgrammeFormat(format) ? format : 'auto';
  }

  hostDisconnected(): void {
    this.#stopListening?.();
    this.#abort?.abort();
    this.#abort = undefined;
    this.#key = undefined;
  }

  /** Loads again, from the network if the last attempt failed. */
  retry = () => this.#load();

  #load(): void {
    this.#abort?.abort();
    this.#key = this.#keyOf();
    const src = this.host.src;
    if (!src) {
      this.#abort = undefined;
      return;
    }
    const abort = (this.#abort = new AbortController());
    this.#set({ status: 'loading' });
    loadProgramme(src, abort.signal, this.#format()).then(
      (index) => {
        if (abort.signal.aborted) return;
        const { format, notes, skipped } = index.source;
        if (format !== 'native') console.info(`programme-elements: read ${src} as ${format}.${notes.map((n) => `\n  ${n}`).join('')}`);
        this.#set({ status: 'ready', index });
        // Shown without the items that have mistakes: say which, as a failed load would (load.ts logs it once).
        if (skipped) emit(this.host, 'programme-error', { ...skipped });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        const kind = error instanceof ProgrammeLoadError ? error.kind : 'network';
        const problems = error instanceof ProgrammeLoadError ? error.problems : [];
        this.#set({ status: 'error', message, reason: 'loadFailed', retry: this.retry });
        if (problems.length) console.error(`programme-elements: ${message}\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
        emit(this.host, 'programme-error', { message, kind, ...(problems.length ? { problems } : {}) });
      },
    );
  }

  #set(state: ProgrammeState): void {
    this.state = state;
    this.onChange();
  }
}
