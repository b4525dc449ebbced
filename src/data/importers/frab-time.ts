/**
 * When a frab event happens, read the same way from schedule.xml (frab-xml.ts) and schedule.json
 * (frab.ts): days that run past midnight, the conference's `day_change`, and wafer's (DebConf's)
 * exports, whose every date-time is in UTC while an event's `start` is on the conference's clock.
 */
import { events, type Notes } from './notes.js';
import { formatInstant, instantOf, parseDateTime, parseDuration } from './time.js';
import { zoneOffset } from '../../time/zone.js';

const DAY = 1440;
const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes after midnight of a clock time `HH:MM` or `HH:MM:SS` (seconds dropped); undefined otherwise. */
export function clockMinutes(s: string | undefined): number | undefined {
  const m = s ? /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(s) : null;
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? h * 60 + min : undefined;
}

/** The conference's `day_change` (`04:00:00`, when a day ends and the next begins) in minutes; undefined without one. */
export function dayChangeOf(v: unknown): number | undefined {
  const change = parseDuration(v);
  return change !== undefined && change < DAY * 60_000 ? Math.floor(change / 60_000) : undefined;
}

/** Where a day begins: its calendar date and the minute of that date at which it begins. */
export interface DayStart {
  date: string;
  minutes: number;
}

/**
 * A day's start from its `date` and its start (`start` in XML, `day_start` in JSON). A start that is
 * a date-time is read on the conference's clock when it carries an offset and the zone is known
 * (wafer writes it in UTC); else the day's `date` at its start's clock time, else at the
 * conference's `day_change` (pentabarf), else at 05:00.
 */
export function dayStartOf(date: string | undefined, start: string | undefined, dayChange: number | undefined, zone: string | undefined): DayStart | undefined {
  const at = parseDateTime(start);
  if (at) {
    let wall = at.wall;
    if (at.offset !== undefined && zone) {
      const epoch = instantOf({ ...at, offset: at.offset });
      wall = epoch + zoneOffset(zone, epoch) * 60_000;
    }
    return { date: new Date(wall).toISOString().slice(0, 10), minutes: Math.floor(wall / 60_000) % DAY };
  }
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return undefined;
  return { date, minutes: clockMinutes(start) ?? dayChange ?? 5 * 60 };
}

/**
 * For an event without a date-time: its day's date and its `start` as a local date-time, read in
 * the conference zone later. A start before the day's start (days run past midnight, 10:00 to
 * 04:00) belongs to the next calendar day.
 */
export function startFromDay(day: DayStart | undefined, start: string | undefined): string | undefined {
  const minutes = clockMinutes(start);
  if (!day || minutes === undefined) return undefined;
  const d = new Date(`${day.date}T00:00:00Z`);
  if (minutes < day.minutes) d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
}

/**
 * An event's `date`, as written; or, when it carries an offset whose clock does not read the
 * event's `start` while the conference zone's clock does (wafer writes every `date` in UTC and
 * `start` in local time), the same instant written at the zone's offset, so that the zone the
 * file names is not contradicted by offsets that are only UTC. The instant never changes.
 * `agrees` is false when neither clock reads the `start`.
 */
export function dated(date: string, start: string | undefined, zone: string | undefined): { date: string; agrees: boolean } {
  const t = parseDateTime(date);
  const clock = clockMinutes(start);
  if (!t || clock === undefined || Math.floor(t.wall / 60_000) % DAY === clock) return { date, agrees: true };
  if (t.offset === undefined || !zone) return { date, agrees: false };
  const epoch = instantOf({ ...t, offset: t.offset });
  const offset = zoneOffset(zone, epoch);
  const local = Math.floor((epoch + offset * 60_000) / 60_000) % DAY;
  return local === clock ? { date: formatInstant(epoch, offset), agrees: true } : { date, agrees: false };
}

/**
 * The start of an event as buildProgramme reads it: its `date` when it is a date-time (`dated`: the
 * instant kept, written at the zone's offset when only that reads `start`, with a note when nothing
 * does), else its day's date and `start`, else whatever it has. `names` are the fields as the
 * format writes them, for the note (`<date>`, `<start>`).
 */
export function eventStart(
  input: { date?: string; start?: string; day: DayStart | undefined; zone: string | undefined; label: string },
  notes: Notes,
  names: { date: string; start: string },
): string | undefined {
  const { date, start, day, zone, label } = input;
  if (date && parseDateTime(date)) {
    const read = dated(date, start, zone);
    if (!read.agrees) {
      notes.tally(
        'frab-start',
        `${label}: ${date} / ${start}`,
        (n) => `${events(n)} a ${names.start} that ${n === 1 ? 'its' : 'their'} ${names.date} does not read; the ${names.date} was taken`,
      );
    }
    return read.date;
  }
  return startFromDay(day, start) ?? date ?? start;
}
