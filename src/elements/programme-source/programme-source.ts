import { ContextProvider } from '@lit/context';
import type { ProgrammeFormat } from '../../data/formats.js';
import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import { defineElement } from '../shared/define-element.js';
import { displayContext, programmeContext, scheduleContext, type TimeZoneChoice } from '../../context.js';
import type { ScheduleAdapter } from '../../schedule/adapter.js';
import { emit } from '../../events.js';
import { SourceLoader } from '../shared/source-loader.js';

/**
 * Loads a programme once and provides it, with display settings and the schedule to use, to
 * every programme element inside it. Shows nothing itself: its children are rendered as they are.
 *
 * @tagname programme-source
 * @summary Loads the programme for the elements inside it.
 * @slot - The programme elements (and any other content) that use this programme.
 * @fires programme-error - When the programme cannot be loaded: `{ message, kind, problems? }`.
 */
export class ProgrammeSource extends LitElement {
  /** Registers this element as `tag` (default `programme-source`); a no-op when the name is taken already. */
  static define(tag = 'programme-source'): void {
    defineElement(tag, this);
  }

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Lit's reactive properties (and their attributes), declared without decorators: smaller, and the same. */
  static override properties: PropertyDeclarations = {
    src: {},
    format: {},
    timeZone: { attribute: 'time-zone' },
    schedule: {},
    loginUrl: { attribute: 'login-url' },
    scheduleAdapter: { attribute: false },
  };

  /** URL of the programme JSON (format v1). Relative URLs resolve against the page. */
  src: string | null = null;

  /** What `src` holds: `auto` (default: tells a programme v1, frab, c3voc v2 and pretalx apart), `native`, `frab`, `c3voc2` or `pretalx`. */
  format: ProgrammeFormat = 'auto';

  /**
   * Which zone times are shown in: `conference` (default), `viewer` for the reader's own zone,
   * or an IANA name such as `Europe/London`.
   */
  timeZone: TimeZoneChoice = 'conference';

  /** `local` (default: this browser's storage) or the base URL of an HTTP schedule API for every star inside. */
  schedule: string | null = null;

  /** Where a signed-out press of a star leads, with the HTTP schedule. `{return}` becomes this page's URL. */
  loginUrl: string | null = null;

  /** A host's own schedule adapter for every star inside. Wins over `schedule`. */
  scheduleAdapter?: ScheduleAdapter;

  readonly #programme = new ContextProvider(this, { context: programmeContext, initialValue: { status: 'loading' } });
  readonly #display = new ContextProvider(this, { context: displayContext, initialValue: { timeZone: 'conference' } });
  readonly #schedule = new ContextProvider(this, { context: scheduleContext, initialValue: {} });
  readonly #loader = new SourceLoader(this, () => this.#programme.setValue(this.#loader.state));

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('src') && !this.src) {
      const message = `<programme-source> needs a src attribute naming the programme's JSON.`;
      this.#programme.setValue({ status: 'error', message, reason: 'needsSource' });
      emit(this, 'programme-error', { message, kind: 'no-source' });
    }
    if (changed.has('schedule') || changed.has('loginUrl') || changed.has('scheduleAdapter')) {
      this.#schedule.setValue({ adapter: this.scheduleAdapter, schedule: this.schedule, loginUrl: this.loginUrl });
    }
    if (changed.has('timeZone')) this.#display.setValue({ timeZone: this.timeZone || 'conference' });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
