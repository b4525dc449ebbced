import { ContextProvider } from '@lit/context';
import { css, html, type PropertyDeclarations } from 'lit';
import { displayContext, programmeContext, scheduleContext, type TimeZoneChoice } from '../../context.js';
import { ScheduleElement } from '../shared/programme-element.js';
import { ErrorReports } from '../shared/error-reports.js';
import { ProgrammeTask } from '../shared/programme-task.js';

/**
 * Loads a programme once and provides it, with display settings and the schedule to use, to
 * every programme element inside it. Shows nothing itself: its children are rendered as they are.
 *
 * @tagname programme-source
 * @summary Loads the programme for the elements inside it.
 * @slot - The programme elements (and any other content) that use this programme.
 * @fires programme-error - When the programme cannot be loaded: `{ message, kind, problems? }`.
 */
export class ProgrammeSource extends ScheduleElement {
  static override readonly tag = 'programme-source';

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Lit's reactive properties (and their attributes), declared without decorators: smaller, and the same. */
  static override properties: PropertyDeclarations = {
    timeZone: { attribute: 'time-zone' },
  };

  /**
   * Which zone times are shown in, for every element inside: `conference` (default), `viewer` for
   * the reader's own zone, or an IANA name such as `Europe/London`.
   */
  declare timeZone: TimeZoneChoice;

  constructor() {
    super();
    this.timeZone = 'conference';
  }

  readonly #programme = new ContextProvider(this, { context: programmeContext, initialValue: { status: 'loading' } });
  readonly #display = new ContextProvider(this, { context: displayContext, initialValue: { timeZone: 'conference' } });
  readonly #schedule = new ContextProvider(this, { context: scheduleContext, initialValue: {} });
  readonly #reports = new ErrorReports(this);
  readonly #task = new ProgrammeTask(this, this.#reports, () => this.#programme.setValue(this.#task.state));

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('src') && !this.src) {
      const message = `<programme-source> needs a src attribute naming the programme's JSON.`;
      this.#programme.setValue({ status: 'error', message, reason: 'needsSource' });
      this.#reports.noSource(message);
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
