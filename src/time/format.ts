import { offsetLabelOf, wallClock, zoneLabel, zoneOffset } from './zone.js';

/** How one session's time reads in a given zone and locale. */
export interface SessionTime {
  /** The calendar day in that zone, `yyyy-MM-dd`: the key to group and link by. */
  dayKey: string;
  /** "Sunday 9 June 2024" */
  day: string;
  /** "09:00 – 10:45"; carries the end's date when the session runs past midnight. */
  range: string;
  /** "Asia/Almaty" */
  timeZone: string;
  /** "UTC+05:00" at the start instant. */
  offset: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** Intl formatters are costly to build and a list of 5,000 sessions needs only a handful. */
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en', { ...options, timeZone });
    }
    formats.set(key, f);
  }
  return f;
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const TIME_24: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

const clocks = new Map<string, boolean>();
/** Whether the locale writes a 24-hour clock, where "09:00" reads better than "9:00". */
function uses24Hours(locale: string): boolean {
  let h24 = clocks.get(locale);
  if (h24 === undefined) {
    try {
      const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
      h24 = cycle === 'h23' || cycle === 'h24';
    } catch {
      h24 = true;
    }
    clocks.set(locale, h24);
  }
  return h24;
}
const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * The calendar day of `instant` in `timeZone`, as `yyyy-MM-dd`: the zone's offset at that instant
 * (see `zoneOffset`), then the wall-clock date read in UTC, whatever the browser's own zone.
 */
export function dayKey(instant: Date, timeZone: string): string {
  const wall = wallClock(instant.getTime(), timeZone);
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/** "UTC+05:00", "UTC−03:30", "UTC" for the zone's offset at `instant`. */
export function offsetLabel(instant: Date, timeZone: string): string {
  return offsetLabelOf(zoneOffset(timeZone, instant.getTime()));
}

/** "Sunday 9 June 2024" for `instant` in `timeZone`, in `locale`. */
export function formatDay(instant: Date, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, DAY).format(instant);
}

const SHORT_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/** "Fri 7 Jun" for `instant` in `timeZone`, in `locale`: a day tab's label. */
export function formatShortDay(instant: Date, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, SHORT_DAY).format(instant);
}

/** "09:00" in a 24-hour locale, "9:00 AM" in a 12-hour one. */
export function formatTime(instant: Date, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, uses24Hours(locale) ? TIME_24 : TIME).format(instant);
}

/** "09:00 – 10:45", with the end's date when it falls on another day. Cheaper than `sessionTime`. */
export function timeRange(start: number, end: number, timeZone: string, locale: string): string {
  const from = new Date(start);
  const to = new Date(end);
  const endsOtherDay = end - start >= 86_400_000 || dayKey(to, timeZone) !== dayKey(from, timeZone);
  const endText = endsOtherDay ? `${formatDay(to, timeZone, locale)}, ${formatTime(to, timeZone, locale)}` : formatTime(to, timeZone, locale);
  return `${formatTime(from, timeZone, locale)}\u2009\u2013\u2009${endText}`;
}

/** Everything a reader needs to know of a session's time, in `timeZone` and `locale`. */
export function sessionTime(start: string, end: string, timeZone: string, locale: string): SessionTime {
  const from = new Date(start);
  const to = new Date(end);
  return {
    dayKey: dayKey(from, timeZone),
    day: formatDay(from, timeZone, locale),
    range: timeRange(from.getTime(), to.getTime(), timeZone, locale),
    timeZone,
    offset: offsetLabel(from, timeZone),
  };
}

/**
 * A zone as people say it, with its offset: "Kazakhstan Time (UTC+05:00)" (Intl's long generic
 * name in `locale`); a fixed zone is its offset alone ("UTC+01:00"), and a zone Intl has no name
 * for keeps its IANA id ("Europe/Astrakhan (UTC+04:00)").
 */
export function zoneName(zone: string, locale: string, at = Date.now()): string {
  const offset = offsetLabel(new Date(at), zone);
  const label = zoneLabel(zone);
  if (label !== zone) return label;
  let generic: string | undefined;
  try {
    generic = formatter(locale, zone, { timeZoneName: 'longGeneric' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    generic = undefined;
  }
  if (generic && !/^(?:GMT|UTC)/.test(generic)) return `${generic} (${offset})`;
  return zone === offset ? zone : `${zone} (${offset})`;
}

/** The zone this browser is set to, e.g. `Europe/London`. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
