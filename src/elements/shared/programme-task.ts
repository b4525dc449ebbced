import type { ReactiveController } from 'lit';
import type { ProgrammeFormat } from '../../data/formats.js';
import { absoluteUrl, loadProgramme, onProgrammeLoaded } from '../../data/load.js';
import type { ProgrammeIndex } from '../../data/programme-index.js';
import type { ProgrammeState } from '../../data/programme-state.js';
import { noteConference } from '../../schedule/page-conference.js';
import type { ErrorReports } from './error-reports.js';
import type { ProgrammeElement } from './programme-element.js';

/** Where a task stands, as Lit's `Task` names it. */
export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

/** What a task's `render` shows in each status, as Lit's `Task.render` takes it. */
export interface TaskRenderers<R> {
  initial?: () => R;
  pending?: () => R;
  complete?: (index: ProgrammeIndex) => R;
  error?: (error: Extract<ProgrammeState, { status: 'error' }>) => R;
}

/** The Task status of a programme state. */
export const statusOf = (state: ProgrammeState): TaskStatus => (state.status === 'ready' ? 'complete' : state.status === 'error' ? 'error' : 'pending');

/** Calls the renderer for the state's status, as `Task.render` does. */
export function renderState<R>(state: ProgrammeState, renderers: TaskRenderers<R>): R | undefined {
  if (state.status === 'ready') return renderers.complete?.(state.index);
  if (state.status === 'error') return renderers.error?.(state);
  return renderers.pending?.();
}

/**
 * Loads the programme its host's own `src` names, as Lit's `Task` runs: its arguments are `src`
 * and the data format; a change of either runs it again, aborting the last run through its
 * `AbortSignal`; `run()` runs it again. ProgrammeController gives elements Task's `status`,
 * `value` and `render`, whether the programme comes from here or from a provider. Failures and
 * partial loads are reported through the host's ErrorReports (rules 1 and 2).
 * A neighbour's successful retry of the same URL ends this task's error too.
 */
export class ProgrammeTask implements ReactiveController {
  /** The programme as this task has it (the context value a `<programme-source>` provides). */
  state: ProgrammeState = { status: 'loading' };
  /** The arguments of the last run. */
  #ran: string | undefined;
  #abort?: AbortController;
  #stopListening?: () => void;
  /** Says the page no longer shows this task's conference. */
  #shown?: () => void;

  constructor(
    private readonly host: ProgrammeElement,
    private readonly reports: ErrorReports,
    private readonly onChange: () => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  /** The task's arguments: the programme's URL and what it holds. */
  get args(): [src: string | null, format: ProgrammeFormat, zone?: string | null] {
    // The host's zone also stands in for a source that names none (`time-zone` on the element).
    return [this.host.src, this.host.sourceFormat, (this.host as { timeZone?: string }).timeZone];
  }

  /** Whether the host names its own programme (else the task stays `initial`). */
  get active(): boolean {
    return !!this.host.src;
  }

  /** Runs the task again with the same arguments: from the network if the last run failed. */
  run = (): void => {
    this.#abort?.abort();
    const [src, format, zone] = this.args;
    this.#ran = this.#key();
    if (!src) {
      this.#abort = undefined;
      return;
    }
    const abort = (this.#abort = new AbortController());
    this.#set({ status: 'loading' });
    loadProgramme(src, abort.signal, format, zone).then(
      (index) => {
        if (abort.signal.aborted) return;
        this.#set({ status: 'ready', index });
        this.#shown?.();
        this.#shown = noteConference(index.conference.id);
        this.reports.loaded(src, index);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.#set({
          status: 'error',
          message: String((error as Error)?.message ?? error),
          reason: (error as { reason?: 'needsTimeZone' }).reason ?? 'loadFailed',
          retry: this.run,
        });
        this.reports.loadFailed(error);
      },
    );
  };

  hostConnected(): void {
    if (this.host.src && this.state.status !== 'ready') this.run();
    else if (this.state.status === 'ready') this.#shown = noteConference(this.state.index.conference.id);
    this.#stopListening = onProgrammeLoaded((url) => {
      if (this.state.status === 'error' && this.host.src && absoluteUrl(this.host.src) === url) this.run();
    });
  }

  hostUpdate(): void {
    if (this.#key() !== this.#ran) this.run();
  }

  hostDisconnected(): void {
    this.#stopListening?.();
    this.#shown?.();
    this.#shown = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#ran = undefined;
  }

  #key(): string | undefined {
    const [src, ...rest] = this.args;
    return src ? [src, ...rest].join('|') : undefined;
  }

  #set(state: ProgrammeState): void {
    this.state = state;
    this.onChange();
  }
}
