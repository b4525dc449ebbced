/**
 * Time-zone arithmetic, from instants only: the one place on the page that knows what offset a zone
 * has at an instant. The display, day grouping, labels, the importers and the `.ics` writer all
 * ask here, so none of them depends on the zone the browser itself runs in.
 *
 * Why not date-fns-tz here: its `getTimezoneOffset(zone, date)` reads the date's wall-clock fields
 * in the browser's own zone, so near a clock change it answers for the wrong instant; and
 * `formatInTimeZone` builds a Date whose local fields are the zone's wall clock, which skips an
 * hour when that reading falls in a spring-forward gap of the browser's own zone (New York 02:30
 * on 30 March 2025 reads 03:30 in a browser in Berlin). `Intl.DateTimeFormat` works from the
 * instant alone.
 */

const QUARTER_HOUR = 15 * 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function fieldsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The offset from UTC, in minutes, that `zone` has at the instant `epoch` (ms): +300 for Almaty in
 * June 2024, −150 for St John's on a summer night. Zones change offset only on a quarter hour, so
 * answers are kept per zone and quarter hour: a 5,000-session programme asks Intl a few hundred times.
 * Throws a RangeError for a zone the browser does not know.
 */
export function zoneOffset(zone: string, epoch: number): number {
  const quarter = Math.floor(epoch / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${zone} ${quarter}`;
  let offset = offsets.get(key);
  if (offset !== undefined) return offset;
  const p: Record<string, string> = {};
  for (const part of fieldsFormatter(zone).formatToParts(new Date(quarter))) p[part.type] = part.value;
  const year = p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
  wall.setUTCHours(Number(p.hour) % 24, Number(p.minute), Number(p.second), 0);
  offset = Math.round((wall.getTime() - quarter) / 60_000);
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** What clocks in `zone` read at `epoch`, as a Date whose UTC fields are that reading. */
export function wallClock(epoch: number, zone: string): Date {
  return new Date(epoch + zoneOffset(zone, epoch) * 60_000);
}

/**
 * The instant at which clocks in `zone` read `wall` (ms of the reading taken as if it were UTC).
 * A reading that happens twice (clocks going back) is the earlier instant; one that never happens
 * (clocks going forward) is read with the offset from before the change, as most calendars do.
 */
export function instantInZone(wall: number, zone: string): number {
  const before = zoneOffset(zone, wall - 86_400_000);
  const after = zoneOffset(zone, wall + 86_400_000);
  // Of the offsets in force around then, the ones that give back this very reading.
  const fits = [before, after].filter((o) => zoneOffset(zone, wall - o * 60_000) === o);
  const offset = fits.length ? Math.max(...fits) : before;
  return wall - offset * 60_000;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `+01:00` for 60, `-05:30` for −330 (`minus` lets a label use the typographic sign). */
export const offsetText = (minutes: number, minus = '-') =>
  `${minutes < 0 ? minus : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/** "UTC+05:00", "UTC−03:30", "UTC" for an offset in minutes, as a reader reads it. */
export const offsetLabelOf = (minutes: number) => (minutes ? `UTC${offsetText(minutes, '\u2212')}` : 'UTC');

const FIXED = /^(?:Etc\/)?(?:GMT|UTC|UCT|Zulu|Universal|Greenwich)(?:([+-])(\d{1,2}))?$/i;

/**
 * A zone's name as a reader should see it. IANA names stay (`Europe/Berlin`); the fixed `Etc/GMT±N`
 * zones, whose sign is the reverse of what people expect (`Etc/GMT-1` is UTC+01:00), become the
 * offset they stand for, and `Etc/UTC` and its aliases become `UTC`.
 */
export function zoneLabel(zone: string): string {
  const m = FIXED.exec(zone);
  if (!m) return zone;
  if (!m[1] || Number(m[2]) === 0) return 'UTC';
  return offsetLabelOf((m[1] === '-' ? 60 : -60) * Number(m[2]));
}
