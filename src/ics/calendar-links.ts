/**
 * Links that open one session in a web calendar's "new event" form, for readers whose calendar
 * is Google Calendar or Outlook on the web (a `.ics` file serves Apple Calendar and desktop
 * apps). Pure string work; instants in UTC, so the calendar shows them in the reader's own zone.
 */

export interface CalendarEvent {
  title: string;
  /** ms since 1970 */
  start: number;
  end: number;
  location?: string;
  details?: string;
}

/** `20240607T040000Z`, or undefined for a time that is not one. */
const compact = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '') : undefined);
const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.\d{3}/, '') : undefined);

function withOptional(query: URLSearchParams, pairs: [string, string | undefined][]): string {
  for (const [key, value] of pairs) if (value) query.set(key, value);
  return query.toString();
}

/** Google Calendar's event template. */
export function googleCalendarUrl(event: CalendarEvent): string | undefined {
  const start = compact(event.start);
  const end = compact(event.end > event.start ? event.end : event.start);
  if (!start || !end) return undefined;
  const query = new URLSearchParams({ action: 'TEMPLATE', text: event.title, dates: `${start}/${end}` });
  return `https://calendar.google.com/calendar/render?${withOptional(query, [
    ['location', event.location],
    ['details', event.details],
  ])}`;
}

/** Outlook on the web's new-event form (outlook.live.com; work and school accounts are sent on to theirs). */
export function outlookCalendarUrl(event: CalendarEvent): string | undefined {
  const start = iso(event.start);
  const end = iso(event.end > event.start ? event.end : event.start);
  if (!start || !end) return undefined;
  const query = new URLSearchParams({ path: '/calendar/action/compose', rru: 'addevent', subject: event.title, startdt: start, enddt: end });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${withOptional(query, [
    ['location', event.location],
    ['body', event.details],
  ])}`;
}
