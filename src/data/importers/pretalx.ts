import type { Draft } from './build.js';
import { frabDraft, isFrabShaped, scheduleOf } from './frab.js';
import { list, obj, text } from './json.js';
import type { Notes } from './notes.js';
import { isPretalxWidget, pretalxWidgetDraft } from './pretalx-widget.js';
import { parseDateTime } from './time.js';

const clock = (s: unknown) => {
  const t = parseDateTime(text(s));
  return t ? Math.floor(t.wall / 60_000) % 1440 : undefined;
};

/**
 * True when a frab-shaped schedule.json came from pretalx. Newer pretalx says so
 * (`generator.name`); older exports such as the democon example do not, but carry pretalx's
 * fingerprints: speakers with a `code`, or days cut at 04:00 and 03:59 the next morning.
 */
export function isPretalxSchedule(json: unknown): boolean {
  if (!isFrabShaped(json)) return false;
  const schedule = scheduleOf(json);
  const generator = text(obj(obj(json).generator).name) ?? text(obj(schedule.generator).name);
  if (generator) return /pretalx/i.test(generator);
  if ([schedule.url, schedule.base_url].some((u) => /pretalx/i.test(text(u) ?? ''))) return true;
  const days = list(obj(schedule.conference).days).map(obj);
  const events = days.flatMap((d) => Object.values(obj(d.rooms)).flatMap(list)).map(obj);
  if (events.some((e) => list(e.persons).some((p) => typeof obj(p).code === 'string'))) return true;
  return days.length > 0 && days.every((d) => clock(d.day_start) === 4 * 60 && clock(d.day_end) === 3 * 60 + 59);
}

/**
 * pretalx, in either of its public JSON exports: the widget JSON, or its schedule.json, which is
 * frab's v1 and read with the frab mapping. Its quirks are handled there and in the shared steps:
 * a `time_zone_name` that can contradict the offsets of its dates (the democon example says UTC,
 * its dates say +01:00: the zone is then chosen from the dates, with a note), speakers under `name`
 * as well as the deprecated `public_name`, Markdown in abstracts and descriptions, and `track`
 * null for talks without one.
 */
export function pretalxDraft(json: unknown, notes: Notes, url?: string): Draft {
  return isPretalxWidget(json) ? pretalxWidgetDraft(json, notes, url) : frabDraft(json, notes, 'pretalx');
}
