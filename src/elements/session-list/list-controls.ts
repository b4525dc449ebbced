import { html, nothing } from 'lit';
import { activeFilters, type ActiveFilter, type Facet, type FacetOption } from '../../data/list-model.js';
import type { SessionFilters } from '../../data/session-filter.js';
import type { Words } from '../../words.js';

/** The controls a host can show with `controls`: all of them by default, `none` for none. */
export const CONTROLS = ['search', 'days', 'filters', 'zone', 'view', 'downloads'] as const;
export type Control = (typeof CONTROLS)[number];

/** The controls named by a `controls` attribute (space-separated names, `all`, or `none`). */
export function controlsFrom(value: string | null | undefined): Set<Control> {
  const names = (value ?? 'all')
    .trim()
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!names.length || names.includes('all')) return new Set(CONTROLS);
  return new Set(CONTROLS.filter((c) => names.includes(c)));
}

export interface ControlsInput {
  show: Set<Control>;
  words: Words;
  zone: string;
  locale: string;
  filters: SessionFilters;
  searchText: string;
  /** The options of each facet, with what they would leave (worked out while the filters are open). */
  options?: Record<Facet, FacetOption[]>;
  /** Every day of the programme, for a day chip's label. */
  days: FacetOption[];
  /** The filters, chips and menu, once loaded (list-filters.ts). */
  more?: typeof import('./list-filters.js');
  /** Whether the filters behind the "Filters" button are shown. */
  open: boolean;
  /** Whether the downloads menu is open. */
  menuOpen: boolean;
  /** The conference's and the reader's zones, when a reader may switch between them. */
  zones?: { conference: string; viewer: string; showingViewer: boolean };
  /** Whether the menu offers a calendar subscription (a signed-in schedule whose adapter has `calendarUrl`). */
  subscribe?: boolean;
  /** Whether the menu offers a link that shares the reader's schedule (signed in, adapter with `shareToken`). */
  share?: boolean;
  /** The view switch, when the container is wide enough for a timetable. */
  view?: 'list' | 'grid';
  on: {
    search: (e: Event) => void;
    toggleFilters: () => void;
    setFilter: <K extends keyof SessionFilters>(key: K, value: SessionFilters[K]) => void;
    removeFilter: (filter: ActiveFilter) => void;
    clearAll: () => void;
    setZone: (preference: 'conference' | 'viewer') => void;
    setView: (view: 'list' | 'grid') => void;
    toggleMenu: () => void;
    download: (which: 'shown' | 'starred') => void;
    subscribe: () => void;
    share: () => void;
  };
}

/**
 * The list's controls, light on the page: the search box stays in view; the other filters sit
 * behind a "Filters" button that says how many are in force; those in force show as chips that
 * remove them, with "Clear all"; downloads are a small menu. The filters, chips and menu load
 * (list-filters.ts) the first time they are needed: a reader who only scrolls and searches never
 * downloads them.
 */
export function controlsView(input: ControlsInput) {
  const { show, words, filters, on } = input;
  const active = activeFilters(filters);
  const hasPanel = show.has('filters') || (show.has('zone') && input.zones);
  const bar = show.has('search') || hasPanel || (show.has('view') && input.view) || show.has('downloads');
  if (!bar && !active.length) return nothing;
  return html`<form part="filters" class="controls" role="search" aria-label=${words.filtersLabel} @submit=${(e: Event) => e.preventDefault()}>
    <div class="bar">
      ${
        show.has('search')
          ? html`<label class="search">
            <span class="visually-hidden">${words.search}</span>
            <input id="search" type="search" .value=${input.searchText} @input=${on.search} autocomplete="off" placeholder=${words.search} />
          </label>`
          : nothing
      }
      ${
        hasPanel
          ? html`<button type="button" class="filters-button" aria-expanded=${input.open ? 'true' : 'false'} aria-controls=${input.open && input.more ? 'filter-panel' : nothing} @click=${on.toggleFilters}>
            ${words.filters(active.filter((f) => f.key !== 'day').length)}
          </button>`
          : nothing
      }
      ${show.has('view') && input.view ? viewSwitch(input) : nothing} ${show.has('downloads') ? downloads(input) : nothing}
    </div>
    ${hasPanel && input.open ? input.more?.filterPanel(input) : nothing} ${active.length ? input.more?.chips(active, input) : nothing}
  </form>`;
}

function viewSwitch({ view, words, on }: ControlsInput) {
  const button = (value: 'list' | 'grid', text: string) =>
    html`<button type="button" aria-pressed=${view === value ? 'true' : 'false'} @click=${() => on.setView(value)}>${text}</button>`;
  return html`<div class="segmented" role="group" aria-label=${words.viewLegend}>${button('list', words.listView)}${button('grid', words.gridView)}</div>`;
}

function downloads(input: ControlsInput) {
  const { menuOpen, words, on } = input;
  return html`<div class="menu">
    <button type="button" class="menu-button" aria-expanded=${menuOpen ? 'true' : 'false'} aria-controls=${menuOpen && input.more ? 'downloads' : nothing} @click=${on.toggleMenu}>
      ${words.download}<span aria-hidden="true" class="caret"></span>
    </button>
    ${menuOpen ? input.more?.menuItems(input) : nothing}
  </div>`;
}
