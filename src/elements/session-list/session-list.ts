import { html, nothing, type CSSResult, type PropertyDeclarations, type PropertyValues } from 'lit';
import { isProgrammeFormat } from '../../data/formats.js';
import { activeFilters, displayTitle, filtersFrom, shownList, starState, type ActiveFilter, type ListItem, type StarState } from '../../data/list-model.js';
import type { ProgrammeIndex } from '../../data/programme-index.js';
import { safeHref } from '../../data/safe-url.js';
import { clashes } from '../../data/clashes.js';
import { hasFilters, type SessionFilters } from '../../data/session-filter.js';
import { rowDays, sessionRows, type SessionRow } from '../../data/session-rows.js';
import type { ScheduleStore } from '../../schedule/store.js';
import { formatDay, viewerTimeZone, zoneName } from '../../time/format.js';
import { setZonePreference } from '../../time/zone-preference.js';
import { wordsFor, type Words } from '../../words.js';
import { englishWords } from '../../words-list.js';
import { dayTabs } from '../shared/day-tabs.js';
import { keepClearOfStickyHeading } from '../shared/focus-visible.js';
import { LazyParts } from '../shared/lazy-parts.js';
import { localOffer } from '../shared/local-offer-slot.js';
import { localeOf } from '../shared/locale.js';
import { ProgrammeController } from '../shared/programme-controller.js';
import { ScheduleElement } from '../shared/programme-element.js';
import { ScheduleController } from '../shared/schedule-controller.js';
import { pendingView, statusViews } from '../shared/status-view.js';
import { zoneNote } from '../shared/zone-note.js';
import { StarToggle } from '../star-toggle/star-toggle.js';
import { wellFormed, writeHash } from './deep-link.js';
import { ListLinks } from './list-links.js';
import type { ListSharing } from './list-sharing.js';
import type * as GridView from './grid-view.js';
import type { TimetableBlock } from '../../data/timetable-layout.js';
import { controlsFrom, controlsView } from './list-controls.js';
import { rowsView, signInLine } from './list-rows.js';
import { programmeDays } from './programme-days.js';
import { RowWindow } from './row-window.js';
import { styles } from './session-list.styles.js';

export type { ListItem };

/** Below this container width the timetable turns into the list. */
const GRID_MIN_WIDTH = 640;
/** From this container width the filters are open until the reader closes them. */
const FILTERS_OPEN_WIDTH = 960;

/**
 * The programme as a list by day and time, or as a timetable by room for one day, with day tabs,
 * search, filters, a time-zone switch, deep links and iCalendar downloads. Each row shows its
 * time and length, title, people, theme and room; its title opens the panel's papers in place.
 * Renders only what is near the viewport, so a 5,000-session programme shows at once.
 *
 * @tagname session-list
 * @summary The whole programme, filtered and searchable, as a list or a timetable.
 * @csspart base - The wrapper.
 * @csspart filters - The search and filter controls.
 * @csspart days - The day buttons.
 * @csspart sign-in - The line that says how to sign in, when the stars need an account (or why the schedule could not be read).
 * @csspart offer - The offer of stars pressed in this browser before signing in, into the account.
 * @csspart missing - The line that says a part loaded on demand (a `lazy/` chunk) could not be loaded.
 * @csspart clash - The note under a starred session that overlaps others of the reader's schedule.
 * @csspart address - The box with the calendar address or the share link, to copy.
 * @csspart shared - The banner above someone else's shared schedule.
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
 * @cssprop --programme-muted - Secondary text (times, people, count, notes).
 * @cssprop --programme-radius - Corner radius of controls, chips and timetable cells.
 * @cssprop --programme-surface - Background of the sticky day and room headings and of controls. Defaults to Canvas.
 * @cssprop --programme-focus-ring - The focus outline. Defaults to 2px solid the accent.
 * @cssprop --programme-error-color - Border of the error message. Defaults to #b3261e (#ff8a80 where the page is dark).
 * @fires programme-star-change - From its stars, after a press.
 * @fires programme-login-request - From its stars, when a signed-out reader presses one.
 * @fires programme-error - When its own `src` cannot be loaded, or loads without some items that have mistakes (`partial`); when the reader's schedule cannot be read (`schedule`, once); when a part loaded on demand is missing (`missing-code`).
 */
export class SessionList extends ScheduleElement {
  static override readonly tag = 'session-list';
  /** `<panel-card>` is defined too, once a row first opens (panel-card.ts loads then). */
  static override readonly dependencies = { 'star-toggle': StarToggle };

  static override styles = styles;

  /** Lit's reactive properties (and their attributes), beside those of every element (ProgrammeElement). */
  static override properties: PropertyDeclarations = {
    format: {},
    view: { reflect: true },
    day: {},
    theme: {},
    panelFormat: { attribute: 'panel-format' },
    location: {},
    starredOnly: { attribute: 'starred-only', type: Boolean },
    query: {},
    panelIds: { attribute: 'panel-ids' },
    person: {},
    affiliation: {},
    controls: {},
    panelHref: { attribute: 'panel-href' },
    timeZone: { attribute: 'time-zone' },
    deepLink: { attribute: 'deep-link' },
    headingLevel: { attribute: 'heading-level', type: Number },
    now: { converter: (v: string | null) => (v ? new Date(v) : undefined) },
    words: { attribute: false },
    filters: { state: true, attribute: false },
    width: { state: true, attribute: false },
    filtersOpen: { state: true, attribute: false },
    menuOpen: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    searchText: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    dialogRow: { state: true, attribute: false },
  };

  /**
   * What `src` holds: `auto` (default), `native`, `frab`, `c3voc2` or `pretalx`, as on every
   * element. (Any other value is read as `panel-format`, as it was before that attribute existed.)
   */
  declare format: string | null;
  /** `list` (default) or `grid`: a timetable by room for one day (the list again in a narrow container). */
  declare view: 'list' | 'grid';
  /** Show only this day, `yyyy-MM-dd` in the zone shown. The reader can change it, as every preset. */
  declare day: string | null;
  /** Show only this theme. */
  declare theme: string | null;
  /** Show only panels of this format (`Roundtable`). */
  declare panelFormat: string | null;
  /** Show only this location. */
  declare location: string | null;
  /** Show only what is on the reader's schedule. */
  declare starredOnly: boolean;
  /** Text search over titles, people, affiliations and abstracts. */
  declare query: string | null;
  /** Show only these panels: ids separated by spaces, e.g. `P021 P034` ("our panels"). */
  declare panelIds: string | null;
  /** Show only sessions naming this person (convenor, chair, discussant or author); case and accents do not matter. */
  declare person: string | null;
  /** Show only sessions naming someone of this affiliation, e.g. `University of Tartu`. */
  declare affiliation: string | null;
  /**
   * Which controls to show, by name: `search`, `days`, `filters`, `zone`, `view`, `downloads`
   * (default: all), or `none`. Presets still apply to controls not shown.
   */
  declare controls: string | null;
  /** Where a panel's title leads, `{id}` standing for its id, e.g. `/programme/{id}`. Without it, the title opens the panel in place. */
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
  /** The element's width, once measured. */
  declare private width: number;
  /** The reader opened or closed the filters (undefined: open only in a wide container). */
  declare private filtersOpen: boolean | undefined;
  declare private menuOpen: boolean;
  declare private expanded: Set<string>;
  declare private searchText: string;
  /** A short answer to the reader's last action (nothing to download), shown by the count. */
  declare private notice: string;
  /** The timetable cell whose panel is open in the dialog. */
  declare private dialogRow?: SessionRow;

  constructor() {
    super();
    this.format = 'auto';
    this.view = 'list';
    this.day = null;
    this.theme = null;
    this.panelFormat = null;
    this.location = null;
    this.starredOnly = false;
    this.query = null;
    this.panelIds = null;
    this.person = null;
    this.affiliation = null;
    this.controls = null;
    this.panelHref = null;
    this.timeZone = null;
    this.deepLink = 'hash';
    this.headingLevel = 2;
    this.filters = {};
    this.width = 0;
    this.filtersOpen = undefined;
    this.menuOpen = false;
    this.expanded = new Set();
    this.searchText = '';
    this.notice = '';
  }

  readonly #programme = new ProgrammeController(this);
  /** Re-renders on every change of the stars: each row's star shows "partly" through its panel and papers. */
  readonly #schedule = new ScheduleController(this, { watch: () => 'all' });
  /** The parts loaded on first use; a missing one is said in words. */
  readonly #parts = new LazyParts(this);
  /** The calendar address, the share link and shared schedules (list-sharing.ts), loaded when first wanted. */
  #sharing?: ListSharing;
  #sharingCode?: Promise<ListSharing>;
  readonly #window = new RowWindow<ListItem>(this, {
    chunkSize: 24,
    // A day heading is drawn beside its chunk, not in it, so that it stays in view for the whole day.
    estimate: (item) => (item.kind === 'day' ? 0 : 120),
    breakBefore: (item) => item.kind === 'day',
    container: () => this.renderRoot.querySelector('.rows'),
  });
  /** The timetable's days, each drawn when it comes near the reader. */
  readonly #gridWindow = new RowWindow<TimetableBlock>(this, {
    chunkSize: 1,
    estimate: (block) => block.estimate,
    container: () => this.renderRoot.querySelector('.grid-days'),
    chunks: '.grid-body > [data-chunk]',
    // A block is wide (every room): drawing less far ahead keeps the first frame small.
    margin: '300px 0px',
  });
  /** The URL hash: a day, or an item to scroll to. */
  readonly #links = new ListLinks(this, {
    enabled: () => this.deepLink !== 'none',
    index: () => this.#index,
    hasDay: (day) => {
      const index = this.#index!;
      return rowDays(sessionRows(index), this.#programme.timeZone(index.conference)).includes(day);
    },
    chooseDay: (day) => (this.filters = { ...this.filters, day }),
    noDay: (day) => {
      const locale = localeOf(this, this.#index?.conference.locale);
      this.notice = wordsFor(englishWords, this.words, localeOf(this)).noSessionsOnDay(formatDay(new Date(`${day}T12:00:00Z`), 'UTC', locale));
    },
    prepare: (target) => {
      // Clear what would hide it, open its panel for a paper, then draw its chunk.
      this.filters = {};
      this.searchText = '';
      if (target.paperId) {
        this.#defineCard();
        this.expanded = new Set([...this.expanded, target.sessionId]);
      }
      void this.updateComplete.then(() => {
        const position = (this.#memo?.items ?? []).findIndex((item) => item.kind === 'row' && item.row.session.id === target.sessionId);
        if (position >= 0) this.#window.reveal(position);
      });
    },
  });
  /** The timetable, loaded the first time a reader (or the host) asks for it: most pages never do. */
  #gridView?: typeof GridView;
  /** The filters, chips and downloads menu, loaded the first time they show. */
  #more?: typeof import('./list-filters.js');
  #resize?: ResizeObserver;
  #clock?: ReturnType<typeof setInterval>;
  #searchTimer?: ReturnType<typeof setTimeout>;
  #store?: ScheduleStore;
  #index?: ProgrammeIndex;
  #memo?: { key: unknown[]; rows: SessionRow[]; items: ListItem[]; days: string[] };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(([entry]) => {
      const width = entry.contentRect.width;
      // Re-render in the next frame, not inside the observer's own callback (no layout loop).
      if (this.#band(width) !== this.#band(this.width)) requestAnimationFrame(() => (this.width = width));
    });
    this.#resize.observe(this);
    this.#clock = setInterval(() => this.now || this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    clearInterval(this.#clock);
    clearTimeout(this.#searchTimer);
  }

  /** Which layout a width calls for: 0 narrow (no timetable), 1 medium, 2 wide (filters open). */
  #band(width: number): number {
    return width >= FILTERS_OPEN_WIDTH ? 2 : width >= GRID_MIN_WIDTH ? 1 : width ? 0 : -1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const presets = ['day', 'theme', 'panelFormat', 'format', 'location', 'starredOnly', 'query', 'panelIds', 'person', 'affiliation'] as const;
    if (presets.some((p) => changed.has(p))) {
      const legacyFormat = this.format && !isProgrammeFormat(this.format) ? this.format : undefined;
      if (legacyFormat && changed.has('format'))
        console.warn(`programme-elements: <session-list format="${legacyFormat}"> filters by panel format; use panel-format instead.`);
      this.filters = filtersFrom({
        day: this.day,
        theme: this.theme,
        panelFormat: this.panelFormat ?? legacyFormat,
        location: this.location,
        starredOnly: this.starredOnly,
        query: this.query,
        panelIds: this.panelIds,
        person: this.person,
        affiliation: this.affiliation,
      });
      this.searchText = this.query ?? '';
    }
    // The timetable's code is asked for as soon as it is wanted, not after the list has been drawn.
    if (this.view === 'grid' && !this.#gridView) this.#loadGrid();
    const index = this.#programme.value;
    if (index && index !== this.#index) {
      this.#index = index;
      this.#links.follow();
    }
  }

  protected override render() {
    const words = wordsFor(englishWords, this.words, localeOf(this));
    return this.#programme.render({ ...statusViews(words), complete: (index) => this.#view(index, words) });
  }

  #view(index: ProgrammeIndex, words: Words) {
    const conference = index.conference;
    const zone = this.#programme.timeZone(conference);
    const locale = localeOf(this, conference.locale);
    const store = (this.#store = this.#schedule.resolve(conference.id));
    const starred = store.starredIds();
    const all = sessionRows(index);
    const days = rowDays(all, zone);
    const { rows, items, days: shownDays } = this.#shown(all, days, starred);
    this.#window.setItems(items);
    const show = controlsFrom(this.controls);
    const narrow = this.#band(this.width) === 0;
    // Without its code (a copy without lazy/), the timetable is the list.
    const grid = this.view === 'grid' && !narrow && !this.#parts.missing('timetable');
    const level = Math.min(Math.max(this.headingLevel || 2, 1), 5);
    const viewer = viewerTimeZone();
    const signedOut = store.status === 'signed-out';
    // Zones are named with their offset at the programme's start: a June conference reads in summer time.
    const at = all[0]?.start;
    const open = this.filtersOpen ?? this.#band(this.width) === 2;
    const tabs = programmeDays(all, days);
    // The filters, chips and menu load the first time they show.
    if (!this.#more && (open || this.menuOpen || activeFilters(this.filters).length)) void this.#loadMore();

    return html`<div part="base" class="base">
      ${controlsView({
        show,
        words,
        zone,
        locale,
        filters: this.filters,
        searchText: this.searchText,
        options: open ? this.#more?.optionsFor(all, days, this.filters, starred) : undefined,
        days: tabs,
        more: this.#more,
        open,
        menuOpen: this.menuOpen,
        zones:
          !this.#programme.zoneFixed && viewer !== conference.timeZone
            ? { conference: zoneName(conference.timeZone, locale, at), viewer: zoneName(viewer, locale, at), showingViewer: zone === viewer }
            : undefined,
        view: narrow ? undefined : this.view,
        subscribe: store.status === 'signed-in' && typeof store.adapter.calendarUrl === 'function',
        share: store.status === 'signed-in' && typeof store.adapter.shareToken === 'function',
        on: this.#on,
      })}
      ${this.#sharing?.render(this.#more, words, nothing) ?? nothing}
      ${show.has('days') ? dayTabs({ days: tabs, current: this.filters.day, zone, locale, words, choose: (day) => this.#setFilter('day', day) }) : nothing}
      ${signedOut ? signInLine(store.adapter.login, words) : nothing}
      ${localOffer(this, store, conference.id, words)}
      ${store.status === 'error' ? html`<p part="sign-in" class="sign-in" role="status">${words.scheduleUnreadable(store.message)}</p>` : nothing}
      ${this.#parts.view(words.missingPart)}
      ${index.source.skipped && html`<p part="skipped">${words.skipped(index.source.skipped.items.length)}</p>`}
      <p part="count" class="count" role="status">${words.showing(rows.length, all.length)}${this.notice ? html` <span class="notice">${this.notice}</span>` : nothing}</p>
      ${
        rows.length === 0
          ? html`<div part="empty" class="empty">
            <p>${all.length ? (this.filters.starredOnly && signedOut ? words.starredNeedsSignIn : words.noMatch) : words.noSessionsInProgramme}</p>
            ${hasFilters(this.filters) ? html`<button type="button" @click=${this.#clearFilters}>${words.clearFilters}</button>` : nothing}
          </div>`
          : grid
            ? (this.#gridView?.gridView({
                host: this,
                chunks: (this.#gridWindow.setItems(this.#gridView.timetable(rows, shownDays, index)), this.#gridWindow.chunks()),
                all,
                zone,
                locale,
                level,
                words,
                now: this.#now(),
                themes: conference.themes,
                jump: () => this.#gridView!.showNow(this.#now(), all, days, this.filters.day, (day) => this.#setFilter('day', day), this.#gridWindow, this),
                star: (row) => this.#star(row, starState(row, starred)),
                open: (row) => (this.#defineCard(), (this.dialogRow = row)),
                href: (row) => this.#href(row),
              }) ?? pendingView(words))
            : html`<div class="list" @focusin=${keepClearOfStickyHeading}>
              ${rowsView({
                chunks: this.#window.chunks(),
                zone,
                locale,
                level,
                now: this.#now(),
                words,
                themes: conference.themes,
                starred,
                clashes: this.#clashes(all, starred),
                readersZone: zone === viewer && zone !== conference.timeZone,
                expanded: this.expanded,
                href: (row) => this.#href(row),
                toggle: (row) => this.#toggle(row.session.id, row.panel.id),
                card: (row) => this.#card(row, zone, level),
                star: (row, state) => this.#star(row, state),
              })}
            </div>`
      }
      <p class="note" title=${zone}>
        ${words.timesIn(zoneName(zone, locale, at), zone === conference.timeZone)}${this.#zoneNote(index, zone, words)}${store.local ? html` ${words.localNote}` : nothing}
      </p>
      ${this.dialogRow ? this.#gridView?.panelDialog(this.#card(this.dialogRow, zone, level), displayTitle(this.dialogRow), words, () => (this.dialogRow = undefined)) : nothing}
    </div>`;
  }

  protected override updated(): void {
    this.#gridView?.showDialog(this.renderRoot);
    // A share link (`#shared-schedule=…`): the code that shows someone's schedule loads now.
    if (!this.#sharingCode && this.#store && window.location.hash.startsWith('#shared-schedule=')) void this.#loadSharing();
  }

  #loadSharing(): Promise<ListSharing> {
    return (this.#sharingCode ??= this.#parts
      .load('sharing', () => import('./list-sharing.js'))
      .then((code) => {
        if (!code) throw new Error('not loaded');
        const sharing = (this.#sharing = new code.ListSharing(this));
        sharing.hostUpdated();
        return sharing;
      }));
  }

  /** Rows and list items for the current filters, computed again only when an input changed. */
  #shown(all: SessionRow[], days: string[], starred: ReadonlySet<string>) {
    // A share link shows the sharer's sessions: their stars stand in for the reader's in the filter.
    const shared = this.#sharing?.shared?.ids;
    const filters = shared ? { ...this.filters, starredOnly: true } : this.filters;
    const starredKey = !shared && this.filters.starredOnly ? [...starred].sort().join('\n') : undefined;
    const key = [all, days, this.filters, starredKey, shared];
    if (this.#memo && key.every((k, i) => k === this.#memo!.key[i])) return this.#memo;
    this.#memo = { key, ...shownList(all, days, filters, shared ?? starred) };
    return this.#memo;
  }

  #zoneNote(index: ProgrammeIndex, zone: string, words: Words) {
    const note = zoneNote(index.source.zone, zone, index.conference.timeZone, words);
    return note ? ` ${note}` : '';
  }

  #now(): number {
    return (this.now ?? new Date()).getTime();
  }

  #href(row: SessionRow): string | undefined {
    return this.panelHref ? safeHref(this.panelHref.replaceAll('{id}', encodeURIComponent(wellFormed(row.panel.id)))) : undefined;
  }

  #card(row: SessionRow, zone: string, level: number) {
    return html`<panel-card
      panel-id=${row.panel.id}
      src=${this.src ?? nothing}
      format=${this.sourceFormat}
      time-zone=${zone}
      heading-level=${Math.min(level + 2, 5)}
      .scheduleAdapter=${this.scheduleAdapter}
      schedule=${this.schedule ?? nothing}
      login-url=${this.loginUrl ?? nothing}
      .words=${this.words}
    ></panel-card>`;
  }

  #star(row: SessionRow, state: StarState) {
    return html`<star-toggle
      part="star"
      item-id=${row.session.id}
      item-title=${displayTitle(row)}
      ?partly=${state === 'partly'}
      quiet
      .store=${this.#store}
      .words=${this.words}
    ></star-toggle>`;
  }

  #loadMore(): Promise<typeof import('./list-filters.js') | undefined> {
    return this.#parts
      .load('filters and menu', () => import('./list-filters.js'))
      .then((more) => {
        if (more && !this.#more) {
          this.#adopt(more.filterStyles);
          this.#more = more;
          this.requestUpdate();
        }
        return more;
      });
  }

  #loadGrid() {
    void this.#parts
      .load('timetable', () => import('./grid-view.js'))
      .then((grid) => {
        if (!grid || this.#gridView) return;
        this.#adopt(grid.gridStyles);
        this.#gridView = grid;
        this.requestUpdate();
      });
  }

  /** Adds the styles of a part that loaded on first use to the element's own. */
  #adopt(styles: CSSResult) {
    const root = this.renderRoot as ShadowRoot;
    const sheet = styles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** What the controls call. */
  readonly #on = {
    search: (e: Event) => {
      this.searchText = (e.target as HTMLInputElement).value;
      clearTimeout(this.#searchTimer);
      this.#searchTimer = setTimeout(() => this.#setFilter('query', this.searchText.trim() || undefined), 150);
    },
    toggleFilters: () => (this.filtersOpen = !(this.filtersOpen ?? this.#band(this.width) === 2)),
    setFilter: <K extends keyof SessionFilters>(key: K, value: SessionFilters[K]) => this.#setFilter(key, value),
    removeFilter: (filter: ActiveFilter) => {
      this.#setFilter(filter.key, undefined);
      // The chip is gone: focus goes to the search box rather than to the top of the page.
      void this.updateComplete.then(() => this.#focusSearch());
    },
    clearAll: () => {
      this.#clearFilters();
      void this.updateComplete.then(() => this.#focusSearch());
    },
    setZone: (preference: 'conference' | 'viewer') => {
      if (this.#index) setZonePreference(this.#index.conference.id, preference);
    },
    setView: (view: 'list' | 'grid') => (this.view = view),
    toggleMenu: () => (this.menuOpen = !this.menuOpen),
    download: (which: 'shown' | 'starred') => void this.#download(which),
    subscribe: () => {
      this.menuOpen = false;
      void this.#loadSharing().then((sharing) => sharing.subscribe());
    },
    share: () => {
      this.menuOpen = false;
      void this.#loadSharing().then((sharing) => sharing.share());
    },
  };

  // What ListSharing (list-sharing.ts) needs of the list.
  get sharingStore(): ScheduleStore | undefined {
    return this.#store;
  }

  async sharingViews(): Promise<typeof import('./list-filters.js')> {
    const more = await this.#loadMore();
    if (!more) throw new Error(this.#parts.failed ?? 'not loaded');
    return more;
  }

  sharingWords(): Words {
    return wordsFor(englishWords, this.words, localeOf(this));
  }

  sharingNotice(text: string): void {
    this.notice = text;
  }

  sharingFocusBack(): void {
    (this.renderRoot.querySelector<HTMLElement>('.menu-button') ?? this.renderRoot.querySelector<HTMLElement>('#search'))?.focus();
  }

  #clashMemo?: { all: SessionRow[]; key: string; value: ReadonlyMap<string, SessionRow[]> };

  /** The reader's overlapping sessions, worked out again only when the rows or the starred ids change. */
  #clashes(all: SessionRow[], starred: ReadonlySet<string>): ReadonlyMap<string, SessionRow[]> {
    const key = [...starred].sort().join('\n');
    if (this.#clashMemo?.all !== all || this.#clashMemo.key !== key) this.#clashMemo = { all, key, value: clashes(all, starred) };
    return this.#clashMemo.value;
  }

  #focusSearch() {
    (this.renderRoot.querySelector<HTMLElement>('#search') ?? this.renderRoot.querySelector<HTMLElement>('.filters-button'))?.focus();
  }

  #setFilter<K extends keyof SessionFilters>(key: K, value: SessionFilters[K]) {
    this.filters = { ...this.filters, [key]: value };
    this.notice = '';
    if (key === 'day' && this.deepLink !== 'none') writeHash(value as string | undefined);
  }

  #clearFilters() {
    this.filters = {};
    this.searchText = '';
    this.notice = '';
    if (this.deepLink !== 'none') writeHash(undefined);
  }

  /**
   * The card that shows an open row's panel: its code loads the first time a row opens, so a page
   * of only a list does not download it before its first render.
   */
  #defineCard(): void {
    if (!customElements.get('panel-card'))
      void this.#parts.load('panel card', () => import('../panel-card/panel-card.js')).then((code) => code?.PanelCard.define());
  }

  #toggle(sessionId: string, panelId: string) {
    const expanded = new Set(this.expanded);
    if (expanded.has(sessionId)) expanded.delete(sessionId);
    else {
      this.#defineCard();
      expanded.add(sessionId);
      if (this.deepLink !== 'none') writeHash(panelId);
    }
    this.expanded = expanded;
  }

  async #download(which: 'shown' | 'starred') {
    this.menuOpen = false;
    if (!this.#index || !this.#store || !this.#more) return;
    const all = sessionRows(this.#index);
    this.notice = await this.#more
      .download(this.#index.conference, all, this.#memo?.rows ?? [], this.#store, which, wordsFor(englishWords, this.words, localeOf(this)))
      .catch((error: unknown) => (this.#parts.report('calendar file', error), ''));
    this.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus();
  }
}
