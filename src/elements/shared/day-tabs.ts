import { html, nothing } from 'lit';
import type { FacetOption } from '../../data/list-model.js';
import { formatDay, formatShortDay } from '../../time/format.js';
import type { Words } from '../../words.js';

/** Above this many days, a select takes less room than a row of buttons. */
export const MAX_DAY_TABS = 14;

export interface DayTabsInput {
  /** Every day of the programme, with what choosing it would leave. */
  days: FacetOption[];
  /** The day chosen, or undefined for all days. */
  current?: string;
  zone: string;
  locale: string;
  words: Words;
  /** The reader chose a day (undefined: all days). */
  choose: (day: string | undefined) => void;
}

/**
 * One button per day (weekday and date in the zone shown) and "All days", the chosen one pressed
 * (`aria-pressed`); a select instead when there are more than MAX_DAY_TABS days. Shared by the
 * list and the timetable.
 */
export function dayTabs({ days, current, zone, locale, words, choose }: DayTabsInput) {
  if (days.length < 2 && !current) return nothing;
  const label = (day: FacetOption) => (day.first ? formatShortDay(new Date(day.first.start), zone, locale) : day.value);
  if (days.length > MAX_DAY_TABS) {
    return html`<label class="field day-select">
      <span>${words.day}</span>
      <select @change=${(e: Event) => choose((e.target as HTMLSelectElement).value || undefined)}>
        <option value="" ?selected=${!current}>${words.allDays}</option>
        ${days.map(
          (day) =>
            html`<option value=${day.value} ?selected=${current === day.value}>${day.first ? formatDay(new Date(day.first.start), zone, locale) : day.value}</option>`,
        )}
      </select>
    </label>`;
  }
  const tab = (value: string | undefined, text: string, full?: string) =>
    html`<button type="button" class="day-tab" data-day=${value ?? ''} aria-pressed=${current === value ? 'true' : 'false'} title=${full ?? nothing} @click=${() => choose(value)}>
      ${text}
    </button>`;
  return html`<div part="days" class="day-tabs" role="group" aria-label=${words.days}>
    ${tab(undefined, words.allDays)}
    ${days.map((day) => tab(day.value, label(day), day.first ? formatDay(new Date(day.first.start), zone, locale) : undefined))}
  </div>`;
}
