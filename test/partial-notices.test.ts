import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { AbstractView } from '../src/elements/abstract-view/abstract-view.js';
import type { PanelCard } from '../src/elements/panel-card/panel-card.js';
import { importProgramme } from '../src/data/importers/index.js';
import { settled } from './helpers.js';

/** Nothing disappears in silence: what an importer or the validator leaves out is said, where it shows. */

document.documentElement.lang = 'en-GB';
const blob = (doc: unknown) => URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));
const quiet = () => {
  const warn = console.warn;
  console.warn = () => {};
  return () => (console.warn = warn);
};

/** A panel of two sessions, the second with a start that is not a date-time; and a sound panel. */
const brokenSession = () =>
  blob({
    version: 1,
    conference: { id: `partial-${Math.random()}`, title: 'Partial', timeZone: 'Europe/Dublin' },
    panels: [
      {
        id: 'A',
        title: 'Panel A',
        sessions: [
          { id: 'A-1', start: '2025-06-02T10:00:00+01:00', end: '2025-06-02T11:00:00+01:00', papers: [{ id: 'A-1-a', title: 'Paper', abstract: 'About it.' }] },
          { id: 'A-2', start: 'Tuesday at nine', end: '2025-06-03T10:00:00+01:00' },
        ],
      },
      { id: 'B', title: 'Panel B', sessions: [{ id: 'B-1', start: '2025-06-02T10:00:00+01:00', end: '2025-06-02T11:00:00+01:00' }] },
    ],
  });

describe('a panel shown without some of its parts', () => {
  it('its card says so in the card, and a sound neighbour says nothing', async () => {
    const restore = quiet();
    try {
      const src = brokenSession();
      const a = await fixture<PanelCard>(html`<panel-card src=${src} panel-id="A"></panel-card>`);
      await settled(a);
      expect(a.shadowRoot!.querySelector('[part=skipped]')!.textContent).to.equal('1 item of this panel has mistakes and is not shown.');
      expect(a.shadowRoot!.querySelectorAll('[part=sessions] li').length).to.equal(1);
      await expect(a).to.be.accessible();
      const b = await fixture<PanelCard>(html`<panel-card src=${src} panel-id="B"></panel-card>`);
      await settled(b);
      expect(b.shadowRoot!.querySelector('[part=skipped]')).to.equal(null);
    } finally {
      restore();
    }
  });

  it('an abstract of that panel says so too', async () => {
    const restore = quiet();
    try {
      const el = await fixture<AbstractView>(html`<abstract-view src=${brokenSession()} paper-id="A-1-a"></abstract-view>`);
      await settled(el);
      expect(el.shadowRoot!.textContent).to.contain('About it.');
      expect(el.shadowRoot!.querySelector('[part=skipped]')!.textContent).to.equal('1 item of this panel has mistakes and is not shown.');
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });
});

describe('importers report every item they leave out', () => {
  const paths = (r: ReturnType<typeof importProgramme>) => r.skipped?.items.map((i) => `${i.kind} ${i.path}: ${i.problems[0].message}`);

  it('frab: a day without rooms, a room that is not a list, an event that is not an object, an event with no start', () => {
    const ev = (guid: string, date?: string) => ({ guid, title: `Talk ${guid}`, date, start: date ? '10:00' : undefined, duration: '00:30' });
    const r = importProgramme({
      schedule: {
        conference: {
          acronym: 't',
          title: 'T',
          time_zone_name: 'Europe/Berlin',
          days: [{ date: '2025-06-02', rooms: { Hall: [ev('g1', '2025-06-02T10:00:00+02:00'), 'oops', ev('g2')], Side: 'nothing' } }, { date: '2025-06-03' }],
        },
      },
    });
    expect(paths(r)).to.deep.equal([
      'event schedule.conference.days[0].rooms["Hall"][1]: an event in room "Hall" on 2025-06-02 is not an object',
      'room schedule.conference.days[0].rooms["Side"]: room "Side" on 2025-06-02 is not a list of events, so none of its events can be read',
      'day schedule.conference.days[1]: 2025-06-03 has no rooms, so none of its events can be read',
      'event schedule.conference.days[0].rooms["Hall"][2]: "Talk g2" has no start time, so it is not in the schedule',
    ]);
    expect(r.skipped!.message).to.contain('has mistakes in 4 items');
  });

  it('c3voc v2: an event that is not an object', () => {
    const r = importProgramme({
      $schema: 'https://c3voc.de/schedule/schema2.json',
      schedule: {
        conference: { acronym: 'h', title: 'H', time_zone_name: 'Europe/Berlin' },
        events: [{ guid: 'e1', title: 'One', start: '2024-12-27T10:30:00+01:00', end: '2024-12-27T11:00:00+01:00' }, 7],
      },
    });
    expect(paths(r)).to.deep.equal(['event schedule.events[1]: an event that is not an object cannot be read']);
  });

  it("pretalx's widget JSON: a talk that is not an object (breaks are said, as notes)", () => {
    const r = importProgramme({
      talks: [{ code: 'AB', title: 'Talk', start: '2025-06-02T10:00:00+02:00', end: '2025-06-02T10:30:00+02:00', speakers: [] }, null, { title: 'Coffee' }],
      rooms: [],
      timezone: 'Europe/Berlin',
    });
    expect(paths(r)).to.deep.equal(['event talks[1]: a talk that is not an object cannot be read']);
    expect(r.notes.join(' ')).to.contain('1 break was left out');
  });

  it('a sound export reports nothing', () => {
    const r = importProgramme({
      schedule: { conference: { acronym: 't', title: 'T', time_zone_name: 'Europe/Berlin', days: [{ date: '2025-06-02', rooms: { Hall: [] } }] } },
    });
    expect(r.skipped).to.equal(undefined);
  });

  it('on the page: a list of an export with unreadable events says how many are not shown', async () => {
    const restore = quiet();
    try {
      const src = blob({
        $schema: 'https://c3voc.de/schedule/schema2.json',
        schedule: {
          conference: { acronym: 'h2', title: 'H', time_zone_name: 'Europe/Berlin' },
          events: [{ guid: 'e1', title: 'One', start: '2024-12-27T10:30:00+01:00', end: '2024-12-27T11:00:00+01:00' }, 'x', 'y'],
        },
      });
      const errors: CustomEvent[] = [];
      const el = await fixture<HTMLElement>(
        html`<session-list src=${src} deep-link="none" @programme-error=${(e: CustomEvent) => errors.push(e)}></session-list>`,
      );
      await settled(el);
      await waitUntil(() => errors.length === 1, 'no programme-error');
      expect(errors[0].detail.kind).to.equal('partial');
      expect(errors[0].detail.items).to.have.length(2);
      expect(el.shadowRoot!.querySelector('[part=skipped]')!.textContent).to.equal('2 items in this programme have mistakes and are not shown.');
      expect(el.shadowRoot!.querySelector('[part=count]')!.textContent!.trim()).to.equal('1 session');
    } finally {
      restore();
    }
  });
});
