import { ContextConsumer } from '@lit/context';
import type { ReactiveController } from 'lit';
import { displayContext, programmeContext, type DisplaySettings, type TimeZoneChoice } from '../../context.js';
import type { ProgrammeIndex } from '../../data/programme-index.js';
import type { ProgrammeState } from '../../data/programme-state.js';
import type { Conference } from '../../data/types.js';
import { viewerTimeZone } from '../../time/format.js';
import { onZonePreference, zonePreference } from '../../time/zone-preference.js';
import { coreEnglishWords, type CoreWords } from '../../words.js';
import { ErrorReports } from './error-reports.js';
import type { ProgrammeElement } from './programme-element.js';
import { ProgrammeTask, renderState, statusOf, type TaskRenderers, type TaskStatus } from './programme-task.js';

type Host = ProgrammeElement & { timeZone?: string | null };

/**
 * Gives an element its programme, shaped like Lit's `Task` (`status`, `value`,
 * `render({ pending, complete, error })`): from its own `src` when it has one (ProgrammeTask),
 * otherwise from the closest `<programme-source>` through context. With neither, it says so
 * instead of waiting forever, unless the programme is `optional` to it (a star can work from an
 * id alone). What the element reports as `programme-error` is decided in ErrorReports.
 */
export class ProgrammeController implements ReactiveController {
  readonly reports: ErrorReports;
  readonly #task: ProgrammeTask;
  readonly #programme: ContextConsumer<typeof programmeContext, Host>;
  readonly #display: ContextConsumer<typeof displayContext, Host>;
  #orphanCheck?: ReturnType<typeof setTimeout>;
  #orphan = false;
  #absent = false;
  #stopZone?: () => void;

  constructor(
    private readonly host: Host,
    private readonly options: { optional?: () => boolean } = {},
  ) {
    host.addController(this);
    this.reports = new ErrorReports(host);
    this.#task = new ProgrammeTask(host, this.reports);
    this.#programme = new ContextConsumer(host, { context: programmeContext, subscribe: true });
    this.#display = new ContextConsumer(host, { context: displayContext, subscribe: true });
  }

  /** True when an element that can do without a programme has none coming (no `src`, no provider). */
  get absent(): boolean {
    return this.#absent && !this.#task.active && !this.#programme.value;
  }

  /** The programme as this element should show it. */
  get state(): ProgrammeState {
    if (this.#task.active) return this.#task.state;
    if (this.#programme.value) return this.#programme.value;
    if (this.#orphan) return { status: 'error', message: coreEnglishWords.needsSource, reason: 'needsSource' };
    return { status: 'loading' };
  }

  get status(): TaskStatus {
    return statusOf(this.state);
  }

  /** The programme, once it is ready. */
  get value(): ProgrammeIndex | undefined {
    const state = this.state;
    return state.status === 'ready' ? state.index : undefined;
  }

  /** Renders what the element shows while the programme is on its way, once it is ready, or when it failed. */
  render<R>(renderers: TaskRenderers<R>): R | undefined {
    return renderState(this.state, renderers);
  }

  /**
   * The IANA zone to show times in: the element's own `time-zone`, then the provider's, then the
   * reader's remembered switch, then the conference's.
   */
  timeZone(conference: Conference): string {
    const provided = (this.#display.value as DisplaySettings | undefined)?.timeZone;
    const choice: TimeZoneChoice =
      this.host.timeZone || (provided && provided !== 'conference' ? provided : undefined) || zonePreference(conference.id) || 'conference';
    if (choice === 'conference') return conference.timeZone;
    if (choice === 'viewer') return viewerTimeZone();
    return choice;
  }

  /** Whether the element or its provider fixes the zone, so a reader's switch does not apply. */
  get zoneFixed(): boolean {
    const provided = (this.#display.value as DisplaySettings | undefined)?.timeZone;
    return !!this.host.timeZone || (!!provided && provided !== 'conference');
  }

  /**
   * What an element says when the item it shows (`what`: `Panel`, `Paper`) is not in the ready
   * programme: that it was left out for its mistakes, or that it is not in this programme. It is
   * reported after rendering (ErrorReports, rule 3).
   */
  missing(index: ProgrammeIndex, what: string, id: string, words: CoreWords): string {
    const skipped = !!index.source.skipped?.ids.includes(id);
    const message = words[skipped ? 'notShown' : 'notInProgramme'](what, id || `(no ${what.toLowerCase()}-id)`);
    this.reports.missing(index, id, message, skipped, this.#task.active);
    return message;
  }

  hostUpdated(): void {
    this.reports.rendered();
  }

  hostConnected(): void {
    this.#stopZone = onZonePreference(() => this.host.requestUpdate());
    this.#orphan = false;
    this.#absent = false;
    // Providers answer context requests synchronously; a provider upgraded later answers on its own
    // (see ContextRoot in programme-source). Give the page one task before calling this an orphan.
    this.#orphanCheck = setTimeout(() => {
      if (this.#task.active || this.#programme.value) return;
      if (this.options.optional?.()) {
        this.#absent = true;
      } else {
        this.#orphan = true;
        this.reports.noSource(coreEnglishWords.needsSource);
      }
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#stopZone?.();
    clearTimeout(this.#orphanCheck);
  }
}
