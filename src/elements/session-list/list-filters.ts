import { css, html, nothing } from 'lit';
import { facetOptions, rowsToDownload, type ActiveFilter, type Facet } from '../../data/list-model.js';
import type { Conference } from '../../data/types.js';
import type { ScheduleStore } from '../../schedule/store.js';
import type { SessionFilters } from '../../data/session-filter.js';
import type { SessionRow } from '../../data/session-rows.js';
import { formatDay } from '../../time/format.js';
import type { ListWords, Words } from '../../words.js';
import type { ControlsInput } from './list-controls.js';

/**
 * The parts of the list's controls that load on first use: the filters behind the "Filters"
 * button, the chips of the filters in force, the downloads menu, and their styles.
 */

/** What each filter is called, on its select and its chip. */
function filterLabel(key: ActiveFilter['key'], words: Words): string {
  const labels: Record<ActiveFilter['key'], string> = {
    day: words.day,
    theme: words.theme,
    panelFormat: words.format,
    location: words.location,
    person: words.person,
    affiliation: words.affiliation,
    panelIds: words.panels,
    starredOnly: words.starredOnly,
  };
  return labels[key];
}

/** The filters behind the "Filters" button: each option says how many sessions it would leave. */
export function filterPanel(input: ControlsInput) {
  const { show, words, filters, on } = input;
  const options = input.options;
  const select = (facet: Exclude<Facet, 'day'>, label: string, any: string) => {
    const list = options?.[facet] ?? [];
    if (list.length < 2 && !filters[facet]) return nothing;
    return html`<label class="field">
      <span>${label}</span>
      <select .value=${filters[facet] ?? ''} @change=${(e: Event) => on.setFilter(facet, (e.target as HTMLSelectElement).value || undefined)}>
        <option value="" ?selected=${!filters[facet]}>${any}</option>
        ${list.map((o) => html`<option value=${o.value} ?selected=${filters[facet] === o.value}>${words.optionCount(o.value, o.count)}</option>`)}
      </select>
    </label>`;
  };
  const zones = input.zones;
  return html`<div id="filter-panel" class="filter-panel">
    ${
      show.has('filters')
        ? html`${select('theme', words.theme, words.allThemes)} ${select('panelFormat', words.format, words.allFormats)}
          ${select('location', words.location, words.allLocations)}
          <label class="check">
            <input type="checkbox" .checked=${!!filters.starredOnly} @change=${(e: Event) => on.setFilter('starredOnly', (e.target as HTMLInputElement).checked)} />
            <span>${words.starredOnly}</span>
          </label>`
        : nothing
    }
    ${
      show.has('zone') && zones
        ? html`<fieldset class="choice">
          <legend>${words.timesLegend}</legend>
          <label><input type="radio" name="zone" .checked=${!zones.showingViewer} @change=${() => on.setZone('conference')} />${words.conferenceTime(zones.conference)}</label>
          <label><input type="radio" name="zone" .checked=${zones.showingViewer} @change=${() => on.setZone('viewer')} />${words.myTime(zones.viewer)}</label>
        </fieldset>`
        : nothing
    }
  </div>`;
}

/** The filters in force as chips that remove them, and "Clear all". */
export function chips(active: ActiveFilter[], { words, on, days, zone, locale }: ControlsInput) {
  if (!active.length) return nothing;
  const valueText = (filter: ActiveFilter) => {
    if (filter.key !== 'day') return filter.value;
    const first = days.find((d) => d.value === filter.value)?.first;
    return first ? formatDay(new Date(first.start), zone, locale) : filter.value;
  };
  return html`<ul class="chips" aria-label=${words.filtersLabel}>
    ${active.map((filter) => {
      const text = words.chip(filterLabel(filter.key, words), valueText(filter));
      return html`<li>
        <button type="button" class="chip" aria-label=${words.removeFilter(text)} @click=${() => on.removeFilter(filter)}>
          ${text}<span aria-hidden="true" class="x">×</span>
        </button>
      </li>`;
    })}
    <li><button type="button" class="clear" @click=${on.clearAll}>${words.clearAll}</button></li>
  </ul>`;
}

const optionsMemo = new WeakMap<SessionFilters, { all: SessionRow[]; days: string[]; starred: string; value: ReturnType<typeof facetOptions> }>();

/** What each filter option would leave (list-model's `facetOptions`), worked out once per state of the filters. */
export function optionsFor(all: SessionRow[], days: string[], filters: SessionFilters, starred: ReadonlySet<string>) {
  const starredKey = filters.starredOnly ? [...starred].sort().join('\n') : '';
  const memo = optionsMemo.get(filters);
  if (memo && memo.all === all && memo.days === days && memo.starred === starredKey) return memo.value;
  const value = facetOptions(all, days, filters, starred);
  optionsMemo.set(filters, { all, days, starred: starredKey, value });
  return value;
}

/**
 * Downloads the shown or the starred sessions as an iCalendar file (its code loads now). Returns
 * what to tell the reader instead, when there is nothing to download or nobody is signed in.
 */
export async function download(
  conference: Conference,
  all: SessionRow[],
  shown: SessionRow[],
  store: ScheduleStore,
  which: 'shown' | 'starred',
  words: Pick<ListWords, 'starredNeedsSignIn' | 'nothingToDownload'>,
): Promise<string> {
  if (which === 'starred' && store.status === 'signed-out') return words.starredNeedsSignIn;
  const rows = rowsToDownload(all, shown, store.starredIds(), which);
  if (!rows.length) return words.nothingToDownload;
  const [{ toICalendar }, { downloadICalendar, calendarFileName }] = await Promise.all([import('../../ics/ics.js'), import('../../ics/download.js')]);
  downloadICalendar(toICalendar(rows, { conference }), calendarFileName(conference.id, which));
  return '';
}

/** The downloads menu's items. */
export function menuItems({ words, on, subscribe, share }: ControlsInput) {
  return html`<div id="downloads" class="menu-items">
    <button type="button" @click=${() => on.download('shown')}>${words.downloadShown}</button>
    <button type="button" @click=${() => on.download('starred')}>${words.downloadStarred}</button>
    ${subscribe ? html`<button type="button" @click=${on.subscribe}>${words.subscribeCalendar}</button>` : nothing}
    ${share ? html`<button type="button" @click=${on.share}>${words.shareSchedule}</button>` : nothing}
  </div>`;
}

/**
 * An address for the reader to copy, in a box of its own: the calendar address to subscribe to,
 * or the link that shares their schedule. A read-only field (selected on focus) with a Copy button,
 * an optional link that opens it (webcal: for a calendar app), and what it is.
 */
export interface AddressBox {
  heading: string;
  label: string;
  address: string;
  open?: { href: string; text: string };
  note: string;
}

export interface AddressInput {
  words: Words;
  box: AddressBox;
  copied: boolean;
  copy: () => void;
  close: () => void;
}

export function addressView({ words, box, copied, copy, close }: AddressInput) {
  return html`<section part="address" class="subscribe" aria-labelledby="address-heading">
    <h3 id="address-heading" class="subscribe-heading">${box.heading}</h3>
    <label for="address">${box.label}</label>
    <div class="subscribe-row">
      <input id="address" type="text" readonly .value=${box.address} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      <button type="button" @click=${copy}>${words.copyAddress}</button>
    </div>
    <p class="subscribe-links">${box.open ? html`<a href=${box.open.href}>${box.open.text}</a> ` : nothing}<span role="status">${copied ? words.addressCopied : ''}</span></p>
    <p class="subscribe-note">${box.note}</p>
    <button type="button" class="subscribe-close" @click=${close}>${words.closeSubscribe}</button>
  </section>`;
}

/** The calendar address as a box. */
export const calendarBox = (words: Words, calendar: { url: string; webcal: string }): AddressBox => ({
  heading: words.subscribeCalendar,
  label: words.calendarAddress,
  address: calendar.url,
  open: { href: calendar.webcal, text: words.openInCalendarApp },
  note: words.calendarAddressNote,
});

/** The share link as a box. */
export const shareBox = (words: Words, link: string): AddressBox => ({
  heading: words.shareSchedule,
  label: words.shareLink,
  address: link,
  note: words.shareNote,
});

/** What the banner of someone else's schedule needs. */
export interface SharedInput {
  words: Words;
  name?: string;
  count: number;
  /** Whether the reader can add them (signed in to a schedule); else they are asked to sign in. */
  canAdd: boolean;
  /** What adding did, once done. */
  added?: string;
  add: () => void;
  leave: () => void;
  signIn: unknown;
}

/**
 * Above the list while it shows someone else's starred sessions (a share link): whose they are,
 * that they are read only, adding them to the reader's own schedule, and the way back.
 */
export function sharedView({ words, name, count, canAdd, added, add, leave, signIn }: SharedInput) {
  return html`<section part="shared" class="subscribe shared" aria-labelledby="shared-heading">
    <h3 id="shared-heading" class="subscribe-heading">${words.sharedHeading(name)}</h3>
    <p class="subscribe-note">${words.sharedNote}</p>
    ${
      added
        ? html`<p id="shared-added" tabindex="-1" role="status">${added}</p>`
        : canAdd
          ? html`<button type="button" class="shared-add" @click=${add}>${words.addShared(count)}</button>`
          : signIn
    }
    <button type="button" class="shared-leave" @click=${leave}>${words.showWholeProgramme}</button>
  </section>`;
}

/** The styles of these parts, adopted by the list's shadow root when they load. */
export const filterStyles = css`
    .menu-items {
      position: absolute;
      inset-inline-end: 0;
      top: calc(100% + 4px);
      z-index: 3;
      display: flex;
      flex-direction: column;
      min-width: max-content;
      padding: 0.25rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--programme-surface, Canvas);
      box-shadow: 0 4px 16px color-mix(in srgb, CanvasText 18%, transparent);
    }
    .menu-items[hidden] {
      display: none;
    }
    .menu-items button {
      text-align: start;
      min-height: 2.5em;
      padding: 0.25em 0.75em;
      border: 0;
      border-radius: var(--_radius);
      background: transparent;
    }
    .menu-items button:hover {
      background: color-mix(in srgb, var(--_accent) 12%, transparent);
    }
    .subscribe {
      display: grid;
      gap: 0.5rem;
      margin-block-end: 0.5rem;
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .subscribe-heading {
      margin: 0;
      font-size: 1em;
    }
    .subscribe-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .subscribe-row input {
      flex: 1 1 16rem;
      min-width: 0;
      font: inherit;
      padding: 0.25em 0.5em;
    }
    .subscribe-links,
    .subscribe-note {
      margin: 0;
    }
    .subscribe > button {
      justify-self: start;
    }
    .subscribe [role='status']:empty {
      display: none;
    }
    .filter-panel {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: flex-end;
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .filter-panel[hidden] {
      display: none;
    }
    .check,
    .choice label {
      display: inline-flex;
      gap: 0.35em;
      align-items: center;
      min-height: 24px;
      font-size: 0.9em;
    }
    .choice {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.75em;
      margin: 0;
      padding: 0.2em 0.6em 0.4em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .choice legend {
      font-size: 0.8em;
      color: var(--_muted);
      padding: 0 0.25em;
    }
    input[type='checkbox'],
    input[type='radio'] {
      accent-color: var(--_accent);
      width: 1.1em;
      height: 1.1em;
      margin: 0;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chip {
      border-radius: 999px;
      background: color-mix(in srgb, var(--_accent) 10%, var(--programme-surface, Canvas));
    }
    .chip .x {
      margin-inline-start: 0.5em;
      font-weight: 700;
    }
    .clear {
      border-color: transparent;
      background: transparent;
      text-decoration: underline;
    }
`;
