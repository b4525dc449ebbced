import { html, nothing, type PropertyDeclarations } from 'lit';
import { ScheduleElement } from '../shared/programme-element.js';
import { AbstractView } from '../abstract-view/abstract-view.js';
import { StarToggle } from '../star-toggle/star-toggle.js';
import type { ProgrammeIndex } from '../../data/programme-index.js';
import type { Panel, Person, Session } from '../../data/types.js';
import { panelDetails } from '../../data/panel-details.js';
import { dataUrl } from '../../data/data-url.js';
import { sessionTime } from '../../time/format.js';
import { zoneLabel } from '../../time/zone.js';
import { zoneNote } from '../shared/zone-note.js';
import { coreEnglishWords, wordsFor, type CoreWords, type Words } from '../../words.js';
import { localeOf } from '../shared/locale.js';
import { ProgrammeController } from '../shared/programme-controller.js';
import { ScheduleController } from '../shared/schedule-controller.js';
import type { ScheduleStore } from '../../schedule/store.js';
import { LazyParts } from '../shared/lazy-parts.js';
import { localOffer } from '../shared/local-offer-slot.js';
import { errorView, statusViews } from '../shared/status-view.js';
import { paragraphs } from '../shared/paragraphs.js';
import { styles } from './panel-card.styles.js';

/**
 * One panel, all of it: title, format, theme, location, convenors, chairs and discussants, its
 * sessions with day, date, time range and time zone, and the papers of each session with their
 * authors and abstracts.
 *
 * Renders an `<abstract-view>` for each paper and a `<star-toggle>` for the panel and each paper:
 * `PanelCard.define(tag)` registers those two under their usual names too.
 *
 * @tagname panel-card
 * @summary A whole panel: details, sessions and papers.
 * @slot star - Replaces the star beside the panel's title.
 * @csspart base - The card.
 * @csspart title - The panel's title.
 * @csspart details - The list of format, theme, location and people.
 * @csspart sessions - The list of session times.
 * @csspart time-zone - The line naming the time zone.
 * @csspart zone-note - Why the times are shown in the zone they are, when the programme's source did not name it.
 * @csspart skipped - The note that some sessions or papers of the panel have mistakes and are not shown.
 * @csspart papers - The accepted papers of one session.
 * @csspart paper - One paper.
 * @csspart star - The personal-schedule stars (`<star-toggle>`), on the panel and each paper.
 * @csspart note - The line under the card about where the schedule is saved, signing in, or a schedule that could not be read.
 * @csspart add-to-calendar - A session's "Add to calendar" disclosure (Google Calendar, Outlook, a `.ics` file).
 * @csspart offer - The offer of stars pressed in this browser before signing in, into the account.
 * @csspart missing - The line that says a part loaded on demand (a `lazy/` chunk) could not be loaded.
 * @csspart status - The loading or error line.
 * @csspart retry - The retry button of the error state.
 * @cssprop --panel-card-padding - Space inside the card. Defaults to `--programme-space` (1rem).
 * @cssprop --panel-card-border - The card's border. Defaults to 1px solid `--programme-border`.
 * @cssprop --panel-card-background - The card's background. Defaults to transparent (the page's).
 * @cssprop --panel-card-title-size - Font size of the panel's title. Defaults to 1.375em.
 * @cssprop --programme-accent - Links and focus ring.
 * @cssprop --programme-muted - Secondary text (labels, affiliations).
 * @cssprop --programme-border - Borders and rules.
 * @cssprop --programme-radius - Corner radius.
 * @cssprop --programme-space - Default padding of the card. Defaults to 1rem.
 * @cssprop --programme-focus-ring - The focus outline. Defaults to 2px solid the accent.
 * @cssprop --programme-error-color - Border of the error message. Defaults to #b3261e (#ff8a80 where the page is dark).
 * @fires programme-star-change - From its stars, after a press.
 * @fires programme-login-request - From its stars, when a signed-out reader presses one.
 * @fires programme-error - When its own `src` cannot be loaded or loads without some items that have mistakes (`partial`), or `panel-id` is not in the programme (`not-found`) or was left out for its mistakes (`partial`); when the reader's schedule cannot be read (`schedule`, once); when a part loaded on demand is missing (`missing-code`).
 */
export class PanelCard extends ScheduleElement {
  static override readonly tag = 'panel-card';
  static override readonly dependencies = { 'abstract-view': AbstractView, 'star-toggle': StarToggle };

  static override styles = styles;

  /** Lit's reactive properties (and their attributes), beside those of every element (ProgrammeElement). */
  static override properties: PropertyDeclarations = {
    panelId: { attribute: 'panel-id' },
    timeZone: { attribute: 'time-zone' },
    headingLevel: { attribute: 'heading-level', type: Number },
    words: { attribute: false },
  };

  /** Id of the panel to show, e.g. `P021`. */
  declare panelId: string;

  /** Zone to show times in: `conference` (default), `viewer`, or an IANA name. Overrides the provider's. */
  declare timeZone: string | null;

  /** Heading level of the panel's title (1 to 4); sessions and papers go one and two levels below. */
  declare headingLevel: number;

  /** Strings to override for this card only. */
  declare words?: Partial<Words>;

  constructor() {
    super();
    this.panelId = '';
    this.timeZone = null;
    this.headingLevel = 2;
  }

  readonly #programme = new ProgrammeController(this);
  /** Re-renders on sign-in and sign-out (the note under the card); the stars follow their own items. */
  readonly #schedule = new ScheduleController(this, { watch: () => [] });
  readonly #parts = new LazyParts(this);

  get #words() {
    return wordsFor(coreEnglishWords, this.words, localeOf(this));
  }

  protected override render() {
    const words = this.#words;
    return this.#programme.render({ ...statusViews(words), complete: (index) => this.#card(index, words) });
  }

  #card(index: ProgrammeIndex, words: CoreWords) {
    const panel = index.panel(this.panelId);
    if (!panel) return errorView(this.#programme.missing(index, 'Panel', this.panelId, words), words);

    const conference = index.conference;
    const zone = this.#programme.timeZone(conference);
    const locale = localeOf(this, conference.locale);
    const level = Math.min(Math.max(this.headingLevel || 2, 1), 4);
    const sessions = [...(panel.sessions ?? [])].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const times = new Map(sessions.map((s) => [s, sessionTime(s.start, s.end, zone, locale)]));
    // A link from the data: written in full, never resolved against this page (data-url.ts).
    const href = dataUrl(panel.url);
    const store = this.#schedule.resolve(conference.id);
    this.#store = store;
    const zoneGuess = zoneNote(index.source.zone, zone, conference.timeZone, words);
    const lost = index.skippedIn(panel.id);

    return html`<article part="base" aria-labelledby="title">
      <header class="header">
        <div role="heading" aria-level=${level} id="title" part="title" class="title">${panel.title}</div>
        <slot name="star">${this.#star(panel.id, panel.title)}</slot>
      </header>
      ${this.#details(panel, words)}
      ${panel.description ? html`<div class="description">${paragraphs(panel.description)}</div>` : nothing}
      <section aria-labelledby="sessions-heading">
        <div role="heading" aria-level=${level + 1} id="sessions-heading" class="section-heading">${words.sessions}</div>
        ${
          sessions.length
            ? html`<ul part="sessions" class="sessions">
                ${sessions.map((s) => this.#sessionLine(s, panel, times.get(s)!, words))}
              </ul>
              <p part="time-zone" class="time-zone">${words.timeZone(zoneLabel(zone), times.get(sessions[0])!.offset)}</p>
              ${zoneGuess ? html`<p part="zone-note" class="time-zone">${zoneGuess}</p>` : nothing}`
            : html`<p class="empty">${words.noSessions}</p>`
        }
      </section>
      ${
        sessions.some((s) => s.papers?.length)
          ? html`<section aria-labelledby="papers-heading">
            <div role="heading" aria-level=${level + 1} id="papers-heading" class="section-heading">${words.acceptedPapers}</div>
            ${sessions.map((s, i) => this.#papers(s, i, times.get(s)!, level + 2))}
          </section>`
          : nothing
      }
      ${lost ? html`<p part="skipped" class="note skipped">${words.partlyShown(lost)}</p>` : nothing}
      ${store.local ? html`<p part="note" class="note">${words.localNote}</p>` : nothing}
      ${store.status === 'signed-out' ? html`<p part="note" class="note">${words.signedOutNote}</p>` : nothing}
      ${store.status === 'error' ? html`<p part="note" class="note" role="status">${words.scheduleUnreadable(store.message)}</p>` : nothing}
      ${localOffer(this, store, conference.id, words)}
      ${this.#parts.view(words.missingPart)}
      ${href ? html`<p class="more"><a href=${href} part="link">${words.moreAboutPanel}<span class="visually-hidden">: ${panel.title}</span></a></p>` : nothing}
    </article>`;
  }

  #store?: ScheduleStore;

  #star(id: string, title: string) {
    return html`<star-toggle part="star" item-id=${id} item-title=${title} .store=${this.#store} .words=${this.words}></star-toggle>`;
  }

  #details(panel: Panel, words: CoreWords) {
    const present = panelDetails(panel, words);
    if (!present.length) return nothing;
    const people = (list: Person[]) =>
      html`<ul class="people">${list.map((p) => html`<li><span class="name">${p.name}</span>${p.affiliation ? html` <span class="affiliation">(${p.affiliation})</span>` : nothing}</li>`)}</ul>`;
    return html`<dl part="details" class="details">
      ${present.map((d) => html`<div class="row"><dt>${d.label}</dt><dd>${d.people ? people(d.people) : d.text}</dd></div>`)}
    </dl>`;
  }

  #sessionLine(session: Session, panel: Panel, time: ReturnType<typeof sessionTime>, words: CoreWords) {
    const where = session.location && session.location !== panel.location ? session.location : undefined;
    return html`<li>
      ${session.title ? html`<span class="session-title">${session.title}:</span> ` : nothing}<time datetime=${session.start}>${time.day}, ${time.range}</time>${where ? html`<span class="where">, ${where}</span>` : nothing}
      ${this.#addToCalendar(session, panel, `${time.day}, ${time.range}`, words)}
    </li>`;
  }

  /** Its code (calendar-menu.ts), once a reader has opened an "Add to calendar". */
  #calendarMenu?: typeof import('./calendar-menu.js');

  /**
   * A session into the reader's calendar: a disclosure whose links (Google Calendar, Outlook on the
   * web, a `.ics` file) load the first time one is opened. A session without a valid time has none.
   */
  #addToCalendar(session: Session, panel: Panel, when: string, words: CoreWords) {
    if (Number.isNaN(Date.parse(session.start))) return nothing;
    const menu = this.#calendarMenu;
    const index = this.#programme.value;
    return html`<details part="add-to-calendar" class="add-calendar" @toggle=${this.#loadCalendarMenu}>
      <summary>${words.addToCalendar}<span class="visually-hidden">: ${session.title ?? panel.title}, ${when}</span></summary>
      ${menu && index ? menu.calendarMenu(session, panel, words, () => void menu.downloadSession(index, session.id).catch((error: unknown) => this.#parts.report('calendar file', error))) : nothing}
    </details>`;
  }

  #loadCalendarMenu = (e: Event) => {
    if (this.#calendarMenu || !(e.target as HTMLDetailsElement).open) return;
    void this.#parts
      .load('calendar links', () => import('./calendar-menu.js'))
      .then((menu) => {
        if (!menu) return;
        this.#calendarMenu = menu;
        this.requestUpdate();
      });
  };

  #papers(session: Session, position: number, time: ReturnType<typeof sessionTime>, level: number) {
    if (!session.papers?.length) return nothing;
    const headingId = `papers-${position}`;
    return html`<section class="session" aria-labelledby=${headingId}>
      <div role="heading" aria-level=${level} id=${headingId} class="session-heading">
        ${session.title ? html`<span class="session-title">${session.title}</span><span aria-hidden="true"> · </span>` : nothing}<time datetime=${session.start}>${time.day}, ${time.range}</time>
      </div>
      <ol part="papers" class="papers">
        ${session.papers.map(
          (paper) => html`<li part="paper" class="paper" data-paper=${paper.id}>
            <div class="paper-header">
              <div role="heading" aria-level=${Math.min(level + 1, 6)} class="paper-title">${paper.title}</div>
              ${this.#star(paper.id, paper.title)}
            </div>
            ${
              paper.authors?.length
                ? html`<p class="authors">
                  ${paper.authors.map(
                    (a, i) =>
                      html`${i ? ', ' : ''}<span class="author">${a.name}</span>${a.affiliation ? html` <span class="affiliation">(${a.affiliation})</span>` : nothing}`,
                  )}
                </p>`
                : nothing
            }
            <abstract-view .paper=${paper} .words=${this.words} exportparts="base: abstract, toggle: abstract-toggle"></abstract-view>
          </li>`,
        )}
      </ol>
    </section>`;
  }
}
