import { html, nothing } from 'lit';
import { webUrl } from '../../data/data-url.js';
import type { Panel, Session } from '../../data/types.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../../ics/calendar-links.js';
import type { CoreWords } from '../../words.js';

/**
 * What an opened "Add to calendar" of a session offers: Google Calendar, Outlook on the web, and a
 * `.ics` file of that session (for Apple Calendar and desktop apps). Loaded the first time a reader
 * opens one, so a page of cards does not carry it before.
 */
export function calendarMenu(session: Session, panel: Panel, words: CoreWords, download: () => void) {
  const event = {
    title: session.title ? `${panel.title}: ${session.title}` : panel.title,
    start: Date.parse(session.start),
    end: Date.parse(session.end),
    location: session.location ?? panel.location,
    details: webUrl(panel.url),
  };
  const google = googleCalendarUrl(event);
  const outlook = outlookCalendarUrl(event);
  return html`<ul class="calendar-links">
    ${google ? html`<li><a href=${google}>Google Calendar</a></li>` : nothing}
    ${outlook ? html`<li><a href=${outlook}>Outlook.com</a></li>` : nothing}
    <li><button type="button" @click=${download}>${words.calendarFile}</button></li>
  </ul>`;
}

/** Downloads the `.ics` of one session of the programme. */
export async function downloadSession(index: import('../../data/programme-index.js').ProgrammeIndex, sessionId: string): Promise<void> {
  const [{ sessionRows }, { toICalendar }, { downloadICalendar, calendarFileName }] = await Promise.all([
    import('../../data/session-rows.js'),
    import('../../ics/ics.js'),
    import('../../ics/download.js'),
  ]);
  const row = sessionRows(index).find((r) => r.session.id === sessionId);
  if (row) downloadICalendar(toICalendar([row], { conference: index.conference }), calendarFileName(index.conference.id, sessionId));
}
