import { isKnownTimeZone } from '../validate.js';
import type { Notes } from './notes.js';
import { offsetText, zoneOffset } from '../../time/zone.js';
import { formatInstant } from './time.js';

/** An instant as the source wrote it: when, and at which offset. */
export interface Sample {
  epoch: number;
  offset: number;
}

/** Zones tried first when the offsets change during the programme (daylight saving time). */
const COMMON = [
  'Europe/Berlin',
  'Europe/London',
  'Europe/Helsinki',
  'Europe/Lisbon',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Australia/Adelaide',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'Asia/Tehran',
  'America/St_Johns',
];

const fits = (zone: string, samples: Sample[]) => samples.every((s) => zoneOffset(zone, s.epoch) === s.offset);

/** `Etc/GMT-1` for +01:00 (the Etc zones' sign is inverted), `UTC` for 0; undefined when not whole hours. */
export function fixedZone(offset: number): string | undefined {
  if (offset === 0) return 'UTC';
  if (offset % 60 !== 0 || offset < -12 * 60 || offset > 14 * 60) return undefined;
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset / 60)}`;
}

/** The earliest and the latest sample at each offset seen: enough to test a zone against. */
function representative(samples: Sample[]): Sample[] {
  const byOffset = new Map<number, [Sample, Sample]>();
  for (const s of samples) {
    const seen = byOffset.get(s.offset);
    if (!seen) byOffset.set(s.offset, [s, s]);
    else if (s.epoch < seen[0].epoch) seen[0] = s;
    else if (s.epoch > seen[1].epoch) seen[1] = s;
  }
  return [...byOffset.values()].flat();
}

/** A zone whose offsets match every sample: a fixed Etc zone when there is one offset, else a region. */
function zoneFitting(samples: Sample[], stated: string | undefined): string | undefined {
  const offsets = new Set(samples.map((s) => s.offset));
  if (offsets.size === 1) {
    const fixed = fixedZone(samples[0].offset);
    if (fixed) return fixed;
  }
  const area = stated?.split('/')[0];
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const candidates = [...COMMON, ...all].sort((a, b) => Number(b.split('/')[0] === area) - Number(a.split('/')[0] === area));
  return candidates.find((z) => isKnownTimeZone(z) && fits(z, samples));
}

/**
 * The conference's IANA zone: the stated one when it is known and agrees with the offsets the
 * source's date-times carry; otherwise one that agrees with them, with a note saying why.
 * The instants themselves never change: only the zone they are shown in by default.
 */
export function chooseZone(stated: string | undefined, all: Sample[], notes: Notes, field: string): string {
  const samples = representative(all);
  const first = all[0];
  const example = first ? ` (e.g. ${formatInstant(first.epoch, first.offset)})` : '';
  const seen = [...new Set(samples.map((s) => s.offset))].map((o) => offsetText(o)).join(', ');
  const known = stated !== undefined && isKnownTimeZone(stated);

  if (known && fits(stated, samples)) return stated;
  const chosen = samples.length ? zoneFitting(samples, stated) : undefined;
  const because = !stated
    ? `The source names no time zone (${field})`
    : !known
      ? `The source's ${field} ${JSON.stringify(stated)} is not a time zone this browser knows`
      : `The source's ${field} says ${JSON.stringify(stated)}, but its times carry ${seen}${example}, which ${stated} does not have then`;

  const reason = !stated ? 'unnamed' : !known ? 'unknown' : 'disagrees';
  if (chosen) {
    notes.zone = { reason, stated, shown: chosen };
    const offsets = samples.length && new Set(samples.map((s) => s.offset)).size === 1 ? ` (UTC${offsetText(samples[0].offset)})` : '';
    notes.add(`${because}; the programme is shown in ${chosen}${offsets}, which matches ${stated ? 'the times' : `the offset of its times${example}`}.`);
    return chosen;
  }
  const fallback = known ? stated : 'UTC';
  notes.zone = { reason, stated, shown: fallback };
  const rest = samples.length
    ? `, and no single time zone matches all of its offsets (${seen}); the programme is shown in ${fallback}, and every time keeps its own offset, so the instants are right.`
    : `, and its times carry no offset; they are read as ${fallback} times.`;
  notes.add(because + rest);
  return fallback;
}
