/**
 * Date-times, offsets and durations as other systems write them. All arithmetic is in epoch ms;
 * what a zone's offset is at an instant comes from `time/zone.ts`, as for the display.
 */
import { offsetText } from '../../time/zone.js';

export interface DateTime {
  /** The wall-clock reading, as if it were UTC (Date.UTC of its fields). */
  wall: number;
  /** Offset from UTC in minutes (+60 for `+01:00`); undefined when the text carries none. */
  offset?: number;
  /** Written with `Z`. */
  zulu: boolean;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads `2019-08-21T11:00:00+02:00`, `…Z`, `…+0200` or a local `2019-08-21T11:00` (no offset).
 * Undefined when it is not a date-time or names a day or time that does not exist.
 */
export function parseDateTime(s: string | undefined): DateTime | undefined {
  const m = s ? DATE_TIME.exec(s.trim()) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec = 0] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) return undefined;
  const z = m[8];
  if (!z) return { wall, zulu: false };
  if (z.toUpperCase() === 'Z') return { wall, offset: 0, zulu: true };
  const digits = z.replace(':', '');
  const oh = Number(digits.slice(1, 3));
  const om = Number(digits.slice(3, 5) || 0);
  if (oh > 23 || om > 59) return undefined;
  return { wall, offset: (z[0] === '-' ? -1 : 1) * (oh * 60 + om), zulu: false };
}

/** The instant a date-time with an offset names. */
export const instantOf = (t: DateTime & { offset: number }): number => t.wall - t.offset * 60_000;

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `2019-08-21T11:00:00+02:00`: the instant as read on a clock at that offset. */
export function formatInstant(epoch: number, offset: number, zulu = false): string {
  const w = new Date(epoch + offset * 60_000);
  const date = `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
  const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
  return `${date}T${time}${zulu && offset === 0 ? 'Z' : offsetText(offset)}`;
}

/**
 * A duration in ms from `01:30`, `1:30:00`, `0:45`, ISO 8601 `PT1H30M`, or a number of minutes.
 * Undefined when there is none or it cannot be read.
 */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v * 60_000 : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  let m = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (m) return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000;
  m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(s);
  if (m && s.length > 1 && !/T$/i.test(s)) return (((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
  return undefined;
}
