import type { FacetOption } from '../../data/list-model.js';
import type { SessionRow } from '../../data/session-rows.js';

const byDays = new WeakMap<string[], FacetOption[]>();

/** Every day of the programme in the zone shown, with its first session and how many it has: the day tabs. */
export function programmeDays(rows: SessionRow[], days: string[]): FacetOption[] {
  let out = byDays.get(days);
  if (!out) {
    const found = new Map<string, FacetOption>();
    days.forEach((day, i) => {
      const option = found.get(day);
      if (option) option.count++;
      else found.set(day, { value: day, count: 1, first: rows[i] });
    });
    byDays.set(days, (out = [...found.values()]));
  }
  return out;
}
