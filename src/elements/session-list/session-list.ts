import { isProgrammeFormat } from '../../data/formats.js';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ScheduleElement } from '../shared/programme-element.js';
import { PanelCard } from '../panel-card/panel-card.js';
import { StarToggle } from '../star-toggle/star-toggle.js';
import { setStyles } from '../shared/set-styles.js';
import type { ProgrammeIndex } from '../../data/programme-index.js';
import { safeHref } from '../../data/safe-url.js';
import { filterRows, hasFilters, isStarredRow, type SessionFilters } from '../../data/session-filter.js';
import { dayOfRow, facets, rowDays, sessionRows, type SessionRow } from '../../data/session-rows.js';
import type { ScheduleStore } from '../../schedule/store.js';
import { formatDay, timeRange, viewerTimeZone } from '../../time/format.js';
import { setZonePreference } from '../../time/zone-preference.js';
import { zoneLabel } from '../../time/zone.js';
import { zoneNote } from '../shared/zone-note.js';
import { wordsFor, type Words } from '../../words.js';
import { localeOf } from '../shared/locale.js';
import { ProgrammeController } from '../shared/programme-controller.js';
import { ScheduleController } from '../shared/schedule-controller.js';
import { statusViews } from '../shared/status-view.js';
import { readHash, wellFormed, writeHash } from './deep-link.js';
import type { gridView as GridView } from './grid-view.js';
import { RowWindow } from './row-window.js';
import { styles } from './session-list.styles.js';

/** A day heading or a session, in the order the list shows them. */
export type ListItem = { kind: 'day'; day: string; first: SessionRow } | { kind: 'row'; row: SessionRow; position: number };

/** Below this container width the timetable turns into the list. */
const GRID_MIN_WIDTH = 640;

/**
 * The programme as a list by day and time, or as a timetable by room for one day, with filters,
 * text search, a time-zone switch, deep links and an iCalendar download. Renders only what is
 * near the viewport, so a 5,000-session programme shows at once.
 *
 * @tagname session-list
 * @summary The whole programme, filtered and searchable, as a list or a timetable.
 * @csspart base - The wrapper.
 * @csspart filters - The search and filter controls.
 * @csspart skipped - The note that some items of the programme have mistakes and are not shown.
 * @csspart count - The line that says how many sessions are shown.
 * @csspart day - A day's heading.
 * @csspart row - One session in the list.
 * @csspart now - The "happening now" badge.
 * @csspart grid - The timetable.
 * @csspart empty - The "no sessions match" message.
 * @csspart star - The stars.
 * @csspart status - The loading or error line.
 * @csspart retry - The retry button of the error state.
 * @cssprop --session-list-row-gap - Space between sessions. Defaults to 0.75rem.
 * @cssprop --session-list-now-color - Colour of the "happening now" mark. Defaults to #0b6e4f (#6ee7b7 where the page is dark).
 * @cssprop --session-list-grid-slot - Height of a quarter hour in the timetable. Defaults to 1.25rem.
 * @cssprop --programme-accent - Links, focus ring, selected controls.
 * @cssprop --programme-border - Rules between sessions, control borders.
 * @cssprop --programme-muted - Secondary text (meta line, count, notes).
 * @cssprop --programme-radius - Corner radius of controls and timetable cells.
 * @cssprop --programme-surface - Background of the sticky day and room headings and of controls. Defaults to Canvas.
 * @cssprop --programme-focus-ring - The focus outline. Defaults to 2px solid the accent.
 * @cssprop --programme-error-color - Border of the error message. Defaults to #b3261e (#ff8a80 where the page is dark).
 * @fires programme-star-change - From its stars, after a press.
 * @fires programme-login-request - From its stars, when a signed-out reader presses one.
 * @fires programme-error - When its own `src` cannot be loaded, or loads without some items that have mistakes (`partial`).
 */
export class SessionList extends ScheduleElement {
  static override readonly tag = 'session-list';
  static override readonly dependencies = { 'panel-card': PanelCard, 'star-toggle': StarToggle };

  static override styles = styles;

  /** Lit's reactive properties (and their attributes), beside those of every element (ProgrammeElement). */
  static override properties: PropertyDeclarations = {
    view: { reflect: true },
    day: {},
    theme: {},
    format: {},
    location: {},
    starredOnly: { attribute: 'starred-only', type: Boolean },
    query: {},
    panelHref: { attribute: 'panel-href' },
    timeZone: { attribute: 'time-zone' },
    deepLink: { attribute: 'deep-link' },
    headingLevel: { attribute: 'heading-level', type: Number },
    now: { converter: (v: string | null) => (v ? new Date(v) : undefined) },
    words: { attribute: false },
    filters: { state: true, attribute: false },
    narrow: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    searchText: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  /** `list` (default) or `grid`: a timetable by room for one day (the list again in a narrow container). */
  declare view: 'list' | 'grid';

  /** Show only this day, `yyyy-MM-dd` in the zone shown. The reader can change it. */
  declare day: string | null;
  /** Show only this theme. */
  declare theme: string | null;
  /**
   * Two meanings, told apart by value: `auto`, `native`, `frab`, `c3voc2` or `pretalx` say what
   * `src` holds (as on the other elements); any other value shows only panels of that format
   * (`Roundtable`).
   */
  declare format: string | null;
  /** Show only this location. */
  declare location: string | null;
  /** Show only what is on the reader's schedule. */
  declare starredOnly: boolean;
  /** Text search over titles, people, affiliations and abstracts. */
  declare query: string | null;

  /** Where a panel's title leads, `{id}` standing for its id, e.g. `/programme/{id}`. Without it, a row opens the panel in place. */
  declare panelHref: string | null;

  /** Zone to show times in: `conference` (default), `viewer`, or an IANA name. Fixed zones hide the switch. */
  declare timeZone: string | null;

  /** `hash` (default): the URL hash names a day or an item, and the list writes it back. `none` leaves the URL alone. */
  declare deepLink: 'hash' | 'none';

  /** Heading level of the day headings (1 to 5); sessions go one level below. */
  declare headingLevel: number;

  /** The present moment, for "happening now" (ISO 8601 or a Date). Defaults to the clock. */
  declare now?: Date;

  /** Strings to override for this list only. */
  declare words?: Partial<Words>;

  /** What the reader narrowed the list to; starts from the attributes. */
  declare private filters: SessionFilters;
  declare private narrow: boolean;
  declare private expanded: Set<string>;
  declare private searchText: string;
  /** A short answer to the reader's last action (nothing to download), shown by the count. */
  declare private notice: string;

  constructor() {
    super();
    this.view = 'list';
    this.day = null;
    this.theme = null;
    this.format = null;
    this.location = null;
    this.query = null;
    this.panelHref = null;
    this.timeZone = null;
    this.starredOnly = false;
    this.deepLink = 'hash';
    this.headingLevel = 2;
    this.filters = {};
    this.narrow = false;
    this.expanded = new Set();
    this.searchText = '';
    this.notice = '';
  }

  readonly #programme = new ProgrammeController(this);
  /** Only "starred only" depends on the stars; each row's star follows its own item. */
  readonly #schedule = new ScheduleController(this, { watch: () => (this.filters.starredOnly ? 'all' : undefined) });
  readonly #window = new RowWindow<ListItem>(this, {
    chunkSize: 24,
    // A day heading is drawn beside its chunk, not in it, so that it stays in view for the whole day.
    estimate: (item) => (item.kind === 'day' ? 0 : 104),
    breakBefore: (item) => item.kind === 'day',
    container: () => this.renderRoot.querySelector('.rows'),
  });
  /** The timetable, loaded the first time a reader (or the host) asks for it: most pages never do. */
  #gridView?: typeof GridView;
  #resize?: ResizeObserver;
  #clock?: ReturnType<typeof setInterval>;
  #searchTimer?: ReturnType<typeof setTimeout>;
  #store?: ScheduleStore;
  #index?: ProgrammeIndex;
  #pendingTarget?: string;
  #memo?: { key: unknown[]; rows: SessionRow[]; items: ListItem[]; days: string[] };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(([entry]) => {
      const narrow = entry.contentRect.width < GRID_MIN_WIDTH;
      // Re-render in the next frame, not inside the observer's own callback (no layout loop).
      if (narrow !== this.narrow) requestAnimationFrame(() => (this.narrow = narrow));
    });
    this.#resize.observe(this);
    this.#clock = setInterval(() => this.now || this.requestUpdate(), 60_000);
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    clearInterval(this.#clock);
    clearTimeout(this.#searchTimer);
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const presets = ['day', 'theme', 'format', 'location', 'starredOnly', 'query'] as const;
    if (presets.some((p) => changed.has(p))) {
      this.filters = {
        day: this.day ?? undefined,
        theme: this.theme ?? undefined,
        format: isProgrammeFormat(this.format) ? undefined : (this.format ?? undefined),
        location: this.location ?? undefined,
        starredOnly: this.starredOnly,
        query: this.query ?? undefined,
      };
      this.searchText = this.query ?? '';
    }
    const state = this.#programme.state;
    if (state.status === 'ready' && state.index !== this.#index) {
      this.#index = state.index;
      this.#applyHash();
    }
  }

  protected override updated(): void {
    if (this.#pendingTarget) {
      const row = this.renderRoot.querySelector<HTMLElement>(`[data-session="${CSS.escape(this.#pendingTarget)}"]`);
      if (row) {
        this.#pendingTarget = undefined;
        row.scrollIntoView({ block: 'start' });
        row.focus({ preventScroll: true });
      }
    }
  }

  protected override render() {
    const words = wordsFor(this.words, localeOf(this));
    return this.#programme.render({ ...statusViews(words), complete: (index) => this.#view(index, words) });
  }

  #view(index: ProgrammeIndex, words: Words) {
    const conference = index.conference;
    const zone = this.#programme.timeZone(conference);
    const locale = localeOf(this, conference.locale);
    const store = (this.#store = this.#schedule.resolve(conference.id));
    const all = sessionRows(index);
    const days = rowDays(all, zone);
    const { rows, items, days: shownDays } = this.#shown(all, days, store);
    this.#window.setItems(items);
    const grid = this.view === 'grid' && !this.narrow;
    if (grid && !this.#gridView) this.#loadGrid();
    const level = Math.min(Math.max(this.headingLevel || 2, 1), 5);
    const zoneGuess = zoneNote(index.source.zone, zone, conference.timeZone, words);

    return html`<div part="base" class="base">
      ${this.#toolbar(all, days, zone, locale, words)}
      ${index.source.skipped && html`<p part="skipped">${words.skipped(index.source.skipped.items.length)}</p>`}
      <p part="count" class="count" role="status">${words.showing(rows.length, all.length)}${this.notice ? html` <span class="notice">${this.notice}</span>` : nothing}</p>
      ${
        rows.length === 0
          ? html`<div part="empty" class="empty">
            <p>${all.length ? words.noMatch : words.noSessionsInProgramme}</p>
            ${hasFilters(this.filters) ? html`<button type="button" @click=${this.#clearFilters}>${words.clearFilters}</button>` : nothing}
          </div>`
          : grid && this.#gridView
            ? this.#gridView({ rows, days: shownDays, day: this.filters.day, zone, locale, level, words, now: this.#now(), star: (row) => this.#star(row) })
            : this.#list(zone, locale, level, words)
      }
      <p class="note">${words.timesIn(zoneLabel(zone), zone === conference.timeZone)}${zoneGuess ? html` ${zoneGuess}` : nothing}${store.local ? html` ${words.localNote}` : nothing}</p>
    </div>`;
  }

  /** Rows and list items for the current filters, computed again only when an input changed. */
  #shown(all: SessionRow[], days: string[], store: ScheduleStore) {
    const starred = this.filters.starredOnly ? store.starredIds() : undefined;
    const key = [all, days, this.filters, starred && [...starred].sort().join('\n')];
    if (this.#memo && key.every((k, i) => k === this.#memo!.key[i])) return this.#memo;
    const rows = filterRows(all, days, this.filters, starred ?? new Set());
    const dayOf = dayOfRow(all, days);
    const shownDays = rows.map((row) => dayOf.get(row)!);
    const items: ListItem[] = [];
    let current = '';
    rows.forEach((row, position) => {
      const day = shownDays[position];
      if (day !== current) {
        items.push({ kind: 'day', day: (current = day), first: row });
      }
      items.push({ kind: 'row', row, position });
    });
    this.#memo = { key, rows, items, days: shownDays };
    return this.#memo;
  }

  #now(): number {
    return (this.now ?? new Date()).getTime();
  }

  #toolbar(all: SessionRow[], days: string[], zone: string, locale: string, words: Words) {
    const f = this.filters;
    const { themes, formats, locations } = facets(all);
    const dayOptions = [...new Map(days.map((d, i) => [d, all[i]])).entries()];
    const conferenceZone = this.#index!.conference.timeZone;
    const viewer = viewerTimeZone();
    const showZoneSwitch = !this.#programme.zoneFixed && viewer !== conferenceZone;
    const select = (label: string, key: keyof SessionFilters, options: Array<[string, string]>, any: string) => html`<label class="field">
      <span>${label}</span>
      <select .value=${(f[key] as string) ?? ''} @change=${(e: Event) => this.#setFilter(key, (e.target as HTMLSelectElement).value || undefined)}>
        <option value="" ?selected=${!f[key]}>${any}</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${f[key] === value}>${text}</option>`)}
      </select>
    </label>`;
    const asOptions = (values: string[]) => values.map((v) => [v, v] as [string, string]);

    return html`<form part="filters" class="filters" role="search" aria-label=${words.filtersLabel} @submit=${(e: Event) => e.preventDefault()}>
      <label class="field search">
        <span>${words.search}</span>
        <input type="search" .value=${this.searchText} @input=${this.#onSearch} autocomplete="off" />
      </label>
      ${select(
        words.day,
        'day',
        dayOptions.map(([d, row]) => [d, formatDay(new Date(row.start), zone, locale)]),
        words.allDays,
      )}
      ${themes.length > 1 ? select(words.theme, 'theme', asOptions(themes), words.allThemes) : nothing}
      ${formats.length > 1 ? select(words.format, 'format', asOptions(formats), words.allFormats) : nothing}
      ${locations.length > 1 ? select(words.location, 'location', asOptions(locations), words.allLocations) : nothing}
      <label class="check">
        <input type="checkbox" .checked=${!!f.starredOnly} @change=${(e: Event) => this.#setFilter('starredOnly', (e.target as HTMLInputElement).checked)} />
        <span>${words.starredOnly}</span>
      </label>
      ${
        showZoneSwitch
          ? html`<fieldset class="choice">
            <legend>${words.timesLegend}</legend>
            <label><input type="radio" name="zone" .checked=${zone === conferenceZone} @change=${() => this.#setZone('conference')} />${words.conferenceTime(zoneLabel(conferenceZone))}</label>
            <label><input type="radio" name="zone" .checked=${zone === viewer} @change=${() => this.#setZone('viewer')} />${words.myTime(zoneLabel(viewer))}</label>
          </fieldset>`
          : nothing
      }
      ${
        this.narrow
          ? nothing
          : html`<fieldset class="choice">
            <legend>${words.viewLegend}</legend>
            <label><input type="radio" name="view" .checked=${this.view !== 'grid'} @change=${() => (this.view = 'list')} />${words.listView}</label>
            <label><input type="radio" name="view" .checked=${this.view === 'grid'} @change=${() => (this.view = 'grid')} />${words.gridView}</label>
          </fieldset>`
      }
      <div class="actions">
        <button type="button" @click=${() => this.#download('shown')}>${words.downloadShown}</button>
        <button type="button" @click=${() => this.#download('starred')}>${words.downloadStarred}</button>
      </div>
    </form>`;
  }

  /**
   * The rows, in chunks that the row window draws when they come near the reader. Each day starts
   * a chunk, and its heading sits before that chunk, directly in `.rows`: sticky there, it stays
   * at the top for the whole day, however many chunks the day takes, until the next day's covers it.
   */
  #list(zone: string, locale: string, level: number, words: Words) {
    const now = this.#now();
    return html`<div class="rows">
      ${this.#window.chunks().map((chunk) => {
        const [first, ...rest] = chunk.items;
        const heading = first?.kind === 'day' ? this.#dayHeading(first, zone, locale, level) : nothing;
        const rows = first?.kind === 'day' ? rest : chunk.items;
        return html`${heading}${
          chunk.rendered
            ? html`<div class="chunk" data-chunk=${chunk.index}>${rows.map((item) => (item.kind === 'row' ? this.#row(item.row, item.position, zone, locale, level, now, words) : nothing))}</div>`
            : html`<div class="chunk placeholder" data-chunk=${chunk.index} aria-hidden="true" ${setStyles({ height: `${chunk.height}px` })}></div>`
        }`;
      })}
    </div>`;
  }

  #dayHeading(item: { day: string; first: SessionRow }, zone: string, locale: string, level: number) {
    return html`<div part="day" class="day" role="heading" aria-level=${level} id=${`day-${item.day}`}>${formatDay(new Date(item.first.start), zone, locale)}</div>`;
  }

  #row(row: SessionRow, position: number, zone: string, locale: string, level: number, now: number, words: Words) {
    const { panel, session } = row;
    const range = timeRange(row.start, row.end, zone, locale);
    const href = this.panelHref ? safeHref(this.panelHref.replaceAll('{id}', encodeURIComponent(wellFormed(panel.id)))) : undefined;
    const live = row.start <= now && now < row.end;
    const open = this.expanded.has(session.id);
    const title = session.title && (panel.sessions?.length ?? 0) > 1 ? session.title : '';
    const meta = [panel.format, panel.theme, row.location].filter(Boolean);
    return html`<div part="row" class="row ${live ? 'live' : ''}" data-session=${session.id} tabindex="-1">
      <div class="when">
        <time datetime=${session.start}>${range}</time>
        ${live ? html`<span part="now" class="now">${words.happeningNow}</span>` : nothing}
      </div>
      <div class="what">
        <div role="heading" aria-level=${level + 1} class="title">
          ${href ? html`<a class="panel-title" href=${href}>${panel.title}</a>` : html`<span class="panel-title">${panel.title}</span>`}${title ? html`: <span class="session-title">${title}</span>` : nothing}
        </div>
        ${meta.length ? html`<p class="meta">${meta.map((m, i) => html`${i ? html`<span aria-hidden="true"> · </span>` : nothing}<span>${m}</span>`)}</p>` : nothing}
        ${
          href
            ? nothing
            : html`<button type="button" class="details" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`detail-${position}`} @click=${() => this.#toggle(session.id, panel.id)}>
              ${open ? words.hideDetails : words.showDetails}<span class="visually-hidden">: ${panel.title}</span>
            </button>`
        }
        <div id=${`detail-${position}`} class="detail">
          ${
            open
              ? html`<panel-card panel-id=${panel.id} src=${this.src ?? nothing} time-zone=${zone} heading-level=${Math.min(level + 2, 5)} .scheduleAdapter=${this.scheduleAdapter} schedule=${this.schedule ?? nothing} login-url=${this.loginUrl ?? nothing} .words=${this.words}></panel-card>`
              : nothing
          }
        </div>
      </div>
      ${this.#star(row)}
    </div>`;
  }

  #star(row: SessionRow) {
    const title = row.session.title && (row.panel.sessions?.length ?? 0) > 1 ? `${row.panel.title}: ${row.session.title}` : row.panel.title;
    return html`<star-toggle part="star" item-id=${row.session.id} item-title=${title} .store=${this.#store} .words=${this.words}></star-toggle>`;
  }

  #loadGrid() {
    void import('./grid-view.js').then(({ gridView }) => {
      this.#gridView = gridView;
      this.requestUpdate();
    });
  }

  #onSearch(e: Event) {
    this.searchText = (e.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#setFilter('query', this.searchText.trim() || undefined), 150);
  }

  #setFilter<K extends keyof SessionFilters>(key: K, value: SessionFilters[K]) {
    this.filters = { ...this.filters, [key]: value };
    if (key === 'day' && this.deepLink !== 'none') writeHash(value as string | undefined);
  }

  #clearFilters() {
    this.filters = {};
    this.searchText = '';
    if (this.deepLink !== 'none') writeHash(undefined);
  }

  #setZone(preference: 'conference' | 'viewer') {
    if (this.#index) setZonePreference(this.#index.conference.id, preference);
  }

  #toggle(sessionId: string, panelId: string) {
    const expanded = new Set(this.expanded);
    if (expanded.has(sessionId)) expanded.delete(sessionId);
    else {
      expanded.add(sessionId);
      if (this.deepLink !== 'none') writeHash(panelId);
    }
    this.expanded = expanded;
  }

  #onHashChange = () => this.#applyHash();

  /** Follows the URL hash: a day filters the list to it; an item is scrolled to and focused. */
  #applyHash() {
    if (this.deepLink === 'none' || !this.#index) return;
    const target = readHash();
    if (!target) return;
    if ('day' in target) {
      this.filters = { ...this.filters, day: target.day };
      return;
    }
    const found = this.#index.find(target.id);
    if (!found) return;
    const session = found.kind === 'panel' ? found.item.sessions?.[0] : found.kind === 'session' ? found.item : found.session;
    if (!session) return;
    // Clear what would hide it, then render its chunk and focus it.
    this.filters = {};
    this.searchText = '';
    this.#pendingTarget = session.id;
    void this.updateComplete.then(() => {
      const items = this.#memo?.items ?? [];
      const position = items.findIndex((item) => item.kind === 'row' && item.row.session.id === session.id);
      if (position >= 0) this.#window.reveal(position);
    });
  }

  async #download(which: 'shown' | 'starred') {
    if (!this.#index || !this.#store) return;
    const all = sessionRows(this.#index);
    const starred = this.#store.starredIds();
    const rows = which === 'starred' ? all.filter((row) => isStarredRow(row, starred)) : (this.#memo?.rows ?? all);
    if (!rows.length) {
      this.notice = wordsFor(this.words, localeOf(this)).nothingToDownload;
      return;
    }
    this.notice = '';
    const { toICalendar } = await import('../../ics/ics.js');
    const { downloadICalendar, calendarFileName } = await import('../../ics/download.js');
    const conference = this.#index.conference;
    downloadICalendar(toICalendar(rows, { conference }), calendarFileName(conference.id, which));
  }
}
