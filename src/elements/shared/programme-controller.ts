import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { displayContext, programmeContext, type DisplaySettings, type ProgrammeState, type TimeZoneChoice } from '../../context.js';
import { emit, type ProgrammeErrorDetail } from '../../events.js';
import type { ProgrammeIndex } from '../../data/programme-index.js';
import type { Conference } from '../../data/types.js';
import { viewerTimeZone } from '../../time/format.js';
import { onZonePreference, zonePreference } from '../../time/zone-preference.js';
import { englishWords, type Words } from '../../words.js';
import { SourceLoader } from './source-loader.js';

type Host = ReactiveControllerHost & HTMLElement & { src?: string | null; timeZone?: string | null };

/**
 * Gives an element its programme: from its own `src` when it has one, otherwise from the closest
 * `<programme-source>` through context. With neither, it says so instead of waiting forever,
 * unless the programme is `optional` to it (a star can work from an id alone).
 */
export class ProgrammeController implements ReactiveController {
  readonly #loader: SourceLoader;
  readonly #programme: ContextConsumer<typeof programmeContext, Host>;
  readonly #display: ContextConsumer<typeof displayContext, Host>;
  #orphanCheck?: ReturnType<typeof setTimeout>;
  #orphan = false;
  #absent = false;

  constructor(
    private readonly host: Host,
    private readonly options: { optional?: () => boolean } = {},
  ) {
    host.addController(this);
    this.#loader = new SourceLoader(host);
    this.#programme = new ContextConsumer(host, { context: programmeContext, subscribe: true });
    this.#display = new ContextConsumer(host, { context: displayContext, subscribe: true });
  }

  /** True when an element that can do without a programme has none coming (no `src`, no provider). */
  get absent(): boolean {
    return this.#absent && !this.#loader.active && !this.#programme.value;
  }

  /** The programme as this element should show it. */
  get state(): ProgrammeState {
    if (this.#loader.active) return this.#loader.state;
    if (this.#programme.value) return this.#programme.value;
    if (this.#orphan) return { status: 'error', message: englishWords.needsSource, reason: 'needsSource' };
    return { status: 'loading' };
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

  /** The `programme-error` to fire after this update, and the last item reported missing. */
  #missing?: ProgrammeErrorDetail;
  #reported?: string;

  /**
   * What an element says when the item it shows (`what`: `Panel`, `Paper`) is not in the ready
   * programme: that it was left out for its mistakes, or that it is not in this programme. After
   * rendering, the element fires `programme-error` once per programme and id, of kind `partial` or
   * `not-found`; not for a skipped item when its own `src` has reported those already (SourceLoader).
   */
  missing(index: ProgrammeIndex, what: string, id: string, words: Words): string {
    const skipped = index.source.skipped?.ids.includes(id);
    const message = words[skipped ? 'notShown' : 'notInProgramme'](what, id || `(no ${what.toLowerCase()}-id)`);
    const key = `${index.conference.id}/${id}`;
    if (id && key !== this.#reported) {
      this.#reported = key;
      if (!skipped || !this.#loader.active) this.#missing = { message, kind: skipped ? 'partial' : 'not-found' };
    }
    return message;
  }

  hostUpdated(): void {
    if (this.#missing) emit(this.host, 'programme-error', this.#missing);
    this.#missing = undefined;
  }

  #stopZone?: () => void;

  hostConnected(): void {
    this.#stopZone = onZonePreference(() => this.host.requestUpdate());
    this.#orphan = false;
    this.#absent = false;
    // Providers answer context requests synchronously; a provider upgraded later answers on its own
    // (see ContextRoot in programme-source). Give the page one task before calling this an orphan.
    this.#orphanCheck = setTimeout(() => {
      if (this.#loader.active || this.#programme.value) return;
      if (this.options.optional?.()) {
        this.#absent = true;
      } else {
        this.#orphan = true;
        emit(this.host, 'programme-error', { message: englishWords.needsSource, kind: 'no-source' });
      }
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#stopZone?.();
    clearTimeout(this.#orphanCheck);
  }
}
