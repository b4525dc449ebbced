import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { PanelCard } from '../src/elements/panel-card/panel-card.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../src/ics/calendar-links.js';
import { programmeUrl } from './helpers.js';

/** Each session of a card goes into the reader's calendar: Google Calendar, Outlook on the web, or a one-event `.ics`. */

describe('add a session to a calendar', () => {
  it('builds Google and Outlook links with the instants in UTC, and none for a time that is not one', () => {
    const event = {
      title: 'Panel: Session 1',
      start: Date.parse('2024-06-07T09:00:00+05:00'),
      end: Date.parse('2024-06-07T10:45:00+05:00'),
      location: 'Room 7',
    };
    const google = new URL(googleCalendarUrl(event)!);
    expect(google.origin + google.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('dates')).to.equal('20240607T040000Z/20240607T054500Z');
    expect(google.searchParams.get('text')).to.equal('Panel: Session 1');
    expect(google.searchParams.get('location')).to.equal('Room 7');
    const outlook = new URL(outlookCalendarUrl(event)!);
    expect(outlook.host).to.equal('outlook.live.com');
    expect(outlook.searchParams.get('startdt')).to.equal('2024-06-07T04:00:00Z');
    expect(outlook.searchParams.get('enddt')).to.equal('2024-06-07T05:45:00Z');
    expect(outlook.searchParams.get('subject')).to.equal('Panel: Session 1');
    expect(googleCalendarUrl({ ...event, start: NaN })).to.equal(undefined);
  });

  it('a card offers each session to a calendar, by keyboard, and downloads a file of that session alone', async () => {
    const el = await fixture<PanelCard>(html`<panel-card src=${programmeUrl('demo')} panel-id="P003"></panel-card>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.add-calendar'), 'no way to a calendar', { timeout: 5000 });
    const menus = [...el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('.add-calendar')];
    expect(menus.length, 'one per session').to.equal(2);
    const summary = menus[0].querySelector('summary')!;
    expect(summary.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Add to calendar: .+, .+/);
    summary.focus();
    summary.click();
    expect(menus[0].open).to.equal(true);
    await waitUntil(() => menus[0].querySelector('a'), 'the links never came');
    const links = [...menus[0].querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['Google Calendar', 'Outlook.com']);
    expect(new URL(links[0].href).searchParams.get('dates')).to.equal('20240607T040000Z/20240607T054500Z');
    await expect(el).to.be.accessible();

    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => (blobs.push(blob as Blob), 'blob:stub');
    const stop = (e: Event) => e.preventDefault();
    document.addEventListener('click', stop, true);
    try {
      menus[0].querySelector('button')!.click();
      await waitUntil(() => blobs.length === 1, 'no file');
      const text = await blobs[0].text();
      expect(text.match(/BEGIN:VEVENT/g)).to.have.length(1);
      expect(text).to.contain('UID:P003-1@cess-2024.programme-elements');
      expect(text).to.contain('DTSTART:20240607T040000Z');
    } finally {
      URL.createObjectURL = original;
      document.removeEventListener('click', stop, true);
    }
  });
});
