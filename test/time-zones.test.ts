import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { PanelCard } from '../src/elements/panel-card/panel-card.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { dayKey, formatTime, offsetLabel, sessionTime, viewerTimeZone } from '../src/time/format.js';
import { instantInZone, wallClock, zoneLabel, zoneOffset } from '../src/time/zone.js';
import { settled } from './helpers.js';

/**
 * Time zones, tested from instants, with the browser itself in several zones (see
 * web-test-runner.config.mjs): none of these answers may depend on where the reader is.
 */

document.documentElement.lang = 'en-GB';
const MIN = 60_000;

/** Clock changes: the instant, and the zone's offset (minutes) just before and from then on. */
const CHANGES: Array<[zone: string, at: string, before: number, after: number]> = [
  ['America/St_Johns', '2025-03-09T05:30:00Z', -210, -150],
  ['America/St_Johns', '2025-11-02T04:30:00Z', -150, -210],
  ['Europe/Berlin', '2025-03-30T01:00:00Z', 60, 120],
  ['Europe/Berlin', '2025-10-26T01:00:00Z', 120, 60],
  ['Australia/Adelaide', '2025-04-05T16:30:00Z', 630, 570],
  ['Australia/Adelaide', '2025-10-04T16:30:00Z', 570, 630],
  ['Australia/Lord_Howe', '2025-04-05T15:00:00Z', 660, 630],
  ['Australia/Lord_Howe', '2025-10-04T15:30:00Z', 630, 660],
  ['Pacific/Chatham', '2025-04-05T14:00:00Z', 825, 765],
  ['Pacific/Chatham', '2025-09-27T14:00:00Z', 765, 825],
  ['Asia/Almaty', '2024-02-29T18:00:00Z', 360, 300],
];

/** What Intl itself reads on a clock in `zone` at `epoch`: `yyyy-mm-dd hh:mm`, an oracle apart from ours. */
function intlReading(epoch: number, zone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(epoch))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
const ourReading = (epoch: number, zone: string) => wallClock(epoch, zone).toISOString().slice(0, 16).replace('T', ' ');
const label = (minutes: number) =>
  minutes
    ? `UTC${minutes < 0 ? '\u2212' : '+'}${String(Math.trunc(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`
    : 'UTC';

describe(`time zones, with the reader's browser in ${viewerTimeZone()}`, () => {
  for (const [zone, at, before, after] of CHANGES) {
    it(`${zone} at ${at}: ${label(before)} until the change, ${label(after)} from it`, () => {
      const t = Date.parse(at);
      for (const d of [-6 * 60, -61, -31, -1]) expect(zoneOffset(zone, t + d * MIN), `${d} min`).to.equal(before);
      expect(offsetLabel(new Date(t - MIN), zone)).to.equal(label(before));
      for (const d of [0, 1, 29, 31, 61, 6 * 60]) expect(zoneOffset(zone, t + d * MIN), `+${d} min`).to.equal(after);
      expect(offsetLabel(new Date(t), zone)).to.equal(label(after));
    });

    it(`${zone} around ${at}: every quarter hour reads the clock and the day Intl reads`, () => {
      const t = Date.parse(at);
      for (let e = t - 26 * 60 * MIN; e <= t + 26 * 60 * MIN; e += 15 * MIN) {
        const reading = intlReading(e, zone);
        expect(ourReading(e, zone), new Date(e).toISOString()).to.equal(reading);
        expect(dayKey(new Date(e), zone), new Date(e).toISOString()).to.equal(reading.slice(0, 10));
        // A wall-clock reading goes back to the instant (the earlier one where clocks repeat an hour).
        const back = instantInZone(Date.parse(`${reading.replace(' ', 'T')}:00Z`), zone);
        expect(intlReading(back, zone), `back from ${reading}`).to.equal(reading);
      }
    });
  }

  it("reads a time in a spring-forward gap of the reader's own zone right (New York 02:30 on 30 March 2025)", () => {
    // 02:30 EDT exists in New York that day; in Berlin, the same wall reading falls in the skipped hour.
    expect(formatTime(new Date('2025-03-30T02:30:00-04:00'), 'America/New_York', 'en-GB')).to.equal('02:30');
    expect(formatTime(new Date('2025-03-30T01:30:00Z'), 'America/New_York', 'en-GB')).to.equal('21:30');
  });

  it("shows St John's night of 2 November 2025 on Sunday, from 00:30 NDT to 02:00 NST", () => {
    const t = sessionTime('2025-11-02T00:30:00-02:30', '2025-11-02T02:00:00-03:30', 'America/St_Johns', 'en-GB');
    expect(t.dayKey).to.equal('2025-11-02');
    expect(t.day).to.match(/^Sunday,? 2 November 2025$/);
    expect(t.range).to.equal('00:30\u2009\u2013\u200902:00');
    expect(t.offset).to.equal('UTC\u221202:30');
    // The repeated hour: 01:30 NDT and 01:30 NST are an hour apart, both on Sunday.
    const first = sessionTime('2025-11-02T01:30:00-02:30', '2025-11-02T01:45:00-02:30', 'America/St_Johns', 'en-GB');
    const second = sessionTime('2025-11-02T01:30:00-03:30', '2025-11-02T01:45:00-03:30', 'America/St_Johns', 'en-GB');
    expect([first.range, first.offset]).to.deep.equal(['01:30\u2009\u2013\u200901:45', 'UTC\u221202:30']);
    expect([second.range, second.offset]).to.deep.equal(['01:30\u2009\u2013\u200901:45', 'UTC\u221203:30']);
  });

  it('names fixed-offset zones the way people read them', () => {
    expect(zoneLabel('Etc/GMT-1')).to.equal('UTC+01:00');
    expect(zoneLabel('Etc/GMT+5')).to.equal('UTC\u221205:00');
    expect(zoneLabel('Etc/GMT-14')).to.equal('UTC+14:00');
    expect(zoneLabel('Etc/UTC')).to.equal('UTC');
    expect(zoneLabel('UTC')).to.equal('UTC');
    expect(zoneLabel('Europe/Berlin')).to.equal('Europe/Berlin');
  });
});

/** A programme served from a blob: URL, as a host could give one. */
function programmeOf(doc: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));
}

const session = (id: string, start: string, end: string) => ({ id, start, end });
/** St John's around the end of summer time: Saturday evening, the night of the change, Sunday. */
const stJohns = () =>
  programmeOf({
    version: 1,
    conference: { id: `nl-${Math.random()}`, title: 'Night of the change', timeZone: 'America/St_Johns' },
    panels: [
      { id: 'sat', title: 'Saturday evening', sessions: [session('sat-1', '2025-11-01T22:00:00-02:30', '2025-11-01T23:00:00-02:30')] },
      { id: 'night', title: 'Past midnight', sessions: [session('night-1', '2025-11-02T00:30:00-02:30', '2025-11-02T02:00:00-03:30')] },
      { id: 'twice-a', title: 'First 01:30', sessions: [session('twice-a-1', '2025-11-02T01:30:00-02:30', '2025-11-02T01:45:00-02:30')] },
      { id: 'twice-b', title: 'Second 01:30', sessions: [session('twice-b-1', '2025-11-02T01:30:00-03:30', '2025-11-02T01:45:00-03:30')] },
      { id: 'sun', title: 'Sunday morning', sessions: [session('sun-1', '2025-11-02T09:00:00-03:30', '2025-11-02T10:00:00-03:30')] },
    ],
  });

describe(`a programme across a clock change, on the page, with the reader in ${viewerTimeZone()}`, () => {
  it('puts each session under its own day, names each day once, and reads times as clocks there did', async () => {
    const el = await fixture<SessionList>(html`<session-list src=${stJohns()} time-zone="conference"></session-list>`);
    await settled(el);
    const root = el.shadowRoot!;
    const under: Record<string, string> = {};
    let day = '';
    for (const node of root.querySelectorAll<HTMLElement>('.day:not(.continued), .row')) {
      if (node.classList.contains('day')) day = node.textContent!.trim();
      else under[node.dataset.session!] = `${day} | ${node.querySelector('time')!.textContent!.trim()}`;
    }
    expect(under).to.deep.equal({
      'sat-1': `${root.querySelectorAll('.day')[0].textContent!.trim()} | 22:00\u2009\u2013\u200923:00`,
      'night-1': `${root.querySelectorAll('.day:not(.continued)')[1].textContent!.trim()} | 00:30\u2009\u2013\u200902:00`,
      'twice-a-1': `${root.querySelectorAll('.day:not(.continued)')[1].textContent!.trim()} | 01:30\u2009\u2013\u200901:45`,
      'twice-b-1': `${root.querySelectorAll('.day:not(.continued)')[1].textContent!.trim()} | 01:30\u2009\u2013\u200901:45`,
      'sun-1': `${root.querySelectorAll('.day:not(.continued)')[1].textContent!.trim()} | 09:00\u2009\u2013\u200910:00`,
    });
    const headings = [...root.querySelectorAll('.day:not(.continued)')].map((d) => d.textContent!.trim());
    expect(headings.map((h) => h.replace(',', ''))).to.deep.equal(['Saturday 1 November 2025', 'Sunday 2 November 2025']);
    // The day tabs: short labels, the full date as each tab's title.
    const tabs = [...root.querySelectorAll<HTMLButtonElement>('.day-tab')];
    expect(tabs.map((t) => t.textContent!.trim().replace(',', ''))).to.deep.equal(['All days', 'Sat 1 Nov', 'Sun 2 Nov']);
    expect(tabs.slice(1).map((t) => t.title.replace(',', ''))).to.deep.equal(['Saturday 1 November 2025', 'Sunday 2 November 2025']);
  });

  it("labels a card's times with the offset in force at their start", async () => {
    const src = stJohns();
    const night = await fixture<PanelCard>(html`<panel-card src=${src} panel-id="night" time-zone="conference"></panel-card>`);
    await settled(night);
    expect(night.shadowRoot!.querySelector('[part=time-zone]')!.textContent!.trim()).to.equal('Time zone: America/St_Johns (UTC\u221202:30)');
    const sunday = await fixture<PanelCard>(html`<panel-card src=${src} panel-id="sun" time-zone="conference"></panel-card>`);
    await settled(sunday);
    expect(sunday.shadowRoot!.querySelector('[part=time-zone]')!.textContent!.trim()).to.equal('Time zone: America/St_Johns (UTC\u221203:30)');
  });
});
