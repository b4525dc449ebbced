/**
 * What does a person's calendar subscription hold? The sessions on their schedule, as iCalendar
 * text, for a server to answer `GET /calendar/TOKEN.ics` with (server/calendar.mjs). A session is
 * in it when its star is pressed or partly pressed, exactly as the session list's "starred"
 * download decides: the session itself, its panel or one of its papers is starred. The events are
 * the library's own (`toICalendar`); this module only picks the rows and adds how often a
 * subscribed calendar should ask again. Built for Node as `dist/server/calendar-feed.js`.
 */
import { rowsToDownload } from '../data/list-model.js';
import { ProgrammeIndex } from '../data/programme-index.js';
import { salvageProgramme } from '../data/salvage.js';
import { sessionRows } from '../data/session-rows.js';
import { validateProgramme } from '../data/validate.js';
import { foldLine, toICalendar } from '../ics/ics.js';

export interface CalendarFeedOptions {
  /** The DTSTAMP of every event (when the feed was made); defaults to now. */
  now?: Date;
  /** The calendar's name in the reader's calendar app; defaults to the conference's title. */
  calendarName?: string;
}

/**
 * How often a subscribed calendar is asked to fetch the feed again (RFC 7986 REFRESH-INTERVAL,
 * and Outlook's X-PUBLISHED-TTL). Google Calendar keeps to its own pace whatever this says.
 */
export const REFRESH_INTERVAL = 'PT1H';

/** Validated and indexed programmes, by the parsed document they came from: a server passes the same object until its file changes. */
const indexes = new WeakMap<object, ProgrammeIndex>();

/**
 * The programme of a parsed JSON document (programme format v1), validated and indexed. A
 * document with mistakes only inside some panels is used without them, as the elements show it;
 * any other invalid document throws an Error naming its first problems.
 */
function indexOf(programmeJson: unknown): ProgrammeIndex {
  const cacheable = typeof programmeJson === 'object' && programmeJson !== null;
  const cached = cacheable ? indexes.get(programmeJson) : undefined;
  if (cached) return cached;
  let result = validateProgramme(programmeJson);
  if (!result.ok) {
    const salvaged = salvageProgramme(programmeJson, result.problems, 'the programme');
    const rest = salvaged && validateProgramme(salvaged.doc);
    if (!rest?.ok) {
      const problems = result.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
      throw new Error(`The programme is not a valid programme: ${problems.join('; ')}${result.problems.length > 5 ? '; …' : ''}`);
    }
    result = rest;
  }
  const index = new ProgrammeIndex(result.programme);
  if (cacheable) indexes.set(programmeJson, index);
  return index;
}

/**
 * The iCalendar text (CRLF line endings) of the sessions `starredIds` put on a person's schedule:
 * one VEVENT per session, with the same UIDs as the session list's downloads, so that a file
 * imported before and the subscription name the same events. Ids the programme does not have are
 * ignored. No starred session gives a calendar without events. `programmeJson` is the parsed
 * programme file; pass the same object while the file is unchanged (it is validated once) and do
 * not change it afterwards.
 */
export function calendarFeed(programmeJson: unknown, starredIds: Iterable<string>, options: CalendarFeedOptions = {}): string {
  const index = indexOf(programmeJson);
  const starred = new Set(starredIds);
  const all = sessionRows(index);
  const rows = rowsToDownload(all, all, starred, 'starred');
  const conference = { ...index.conference, title: options.calendarName?.trim() || index.conference.title };
  const text = toICalendar(rows, { conference, now: options.now });
  // Calendar properties go before the first component: the first event, or the end of an empty calendar.
  const at = text.search(/^(BEGIN:VEVENT|END:VCALENDAR)\r$/m);
  const refresh = foldLine(`REFRESH-INTERVAL;VALUE=DURATION:${REFRESH_INTERVAL}`) + foldLine(`X-PUBLISHED-TTL:${REFRESH_INTERVAL}`);
  return at < 0 ? text : text.slice(0, at) + refresh + text.slice(at);
}
