import { dayTabs } from './list-actions.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { record, settled, visibleText } from './helpers.js';
import { scrollToEnd } from './reader.js';

/**
 * The real exports of the formats read today (copied unchanged from data/interop/), loaded over
 * HTTP into a <session-list> and read the way a reader reads them: every session counted, every
 * day filtered, and every time checked, scrolled to the end, against the file itself: the clock
 * time written in it, at the offset written beside it. Runs with the browser in several zones.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

document.documentElement.lang = 'en-GB';

interface Expected {
  /** The panel id the importer gives it (the event's guid). */
  id: string;
  /** The local date and the clock times as the file writes them. */
  date: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `2019-08-21T11:00:00+02:00` → its date, clock time and offset (minutes), as written. */
function written(s: string) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?([+-]\d{2}):?(\d{2})$/.exec(s)!;
  const offset = (m[3][0] === '-' ? -1 : 1) * (Math.abs(Number(m[3])) * 60 + Number(m[4]));
  return { date: m[1], clock: m[2], offset, epoch: Date.parse(s) };
}
/** The clock time at `offset` of an instant. */
const clockAt = (epoch: number, offset: number) => {
  const w = new Date(epoch + offset * 60_000);
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
};
const minutes = (d: string) => {
  const [h, m] = d.split(':').map(Number);
  return h * 60 + m;
};

/** frab v1 (and pretalx's schedule.json): days → rooms → events, with `date` and a `duration`. */
function frabExpected(json: Json): Expected[] {
  return json.schedule.conference.days
    .flatMap((d: Json) => Object.values(d.rooms).flat())
    .map((e: Json) => {
      const w = written(e.date);
      return { id: e.guid, date: w.date, start: w.clock, end: clockAt(w.epoch + minutes(e.duration) * 60_000, w.offset) };
    });
}
/** c3voc schedule v2: a flat events list with `start` and `end` instants. */
function v2Expected(json: Json): Expected[] {
  return json.schedule.events.map((e: Json) => {
    const s = written(e.start);
    return { id: e.guid, date: s.date, start: s.clock, end: clockAt(Date.parse(e.end), s.offset) };
  });
}

const FILES: Array<{ name: string; events: number; expected: (json: Json) => Expected[]; zoneNote?: RegExp }> = [
  { name: 'frab-camp2019', events: 79, expected: frabExpected },
  // Says time_zone_name UTC while its dates carry +01:00: shown at +01:00, and the page says why.
  { name: 'pretalx-democon', events: 36, expected: frabExpected, zoneNote: /says its time zone is UTC, but its times do not match it/ },
  { name: 'hub-schedule2', events: 2, expected: v2Expected },
];

let counter = 0;
const dash = '\u2009\u2013\u2009';

for (const file of FILES) {
  describe(`the real export ${file.name}.json, as a reader sees it`, function () {
    this.timeout(60_000);
    let raw: Json;
    let expected: Expected[];
    const url = () => `/test/fixtures/interop/${file.name}.json?t=${Date.now()}-${++counter}`;

    before(async () => {
      await setViewport({ width: 1000, height: 800 });
      raw = await (await fetch(url())).json();
      expected = file.expected(raw);
    });
    afterEach(() => window.scrollTo(0, 0));

    it(`lists all ${file.events} of its events, each at the time the file gives, in its own zone`, async () => {
      expect(expected.length).to.equal(file.events);
      const errors: unknown[] = [];
      const el = await fixture<SessionList>(
        html`<session-list src=${url()} deep-link="none" time-zone="conference" @programme-error=${(e: Event) => errors.push(e)}></session-list>`,
      );
      await settled(el);
      expect(el.shadowRoot!.querySelector('[part=count]')!.textContent!.trim()).to.equal(`${file.events} ${file.events === 1 ? 'session' : 'sessions'}`);
      expect(errors, 'nothing was left out').to.deep.equal([]);

      const seen = new Map<string, string>();
      await scrollToEnd(el, (row) => seen.set(row.dataset.session!, row.querySelector('time')!.textContent!.trim()));
      const shown = expected.map((e) => [e.id, seen.get(`${e.id}-1`)]);
      const wanted = expected.map((e) => [
        e.id,
        e.end === e.start || minutes(e.end) > minutes(e.start) ? `${e.start}${dash}${e.end}` : `${e.start}${dash}…${e.end}`,
      ]);
      // A session that ends after midnight names the end's day: compare its clock times only.
      const norm = ([id, text]: (string | undefined)[]) => [id, text?.replace(/\u2009\u2013\u2009.*(\d{2}:\d{2})$/, `${dash}…$1`)];
      expect(shown.map(norm)).to.deep.equal(wanted.map(norm));
    });

    it('files each event under the day the file dates it, one day at a time', async () => {
      const el = await fixture<SessionList>(html`<session-list src=${url()} deep-link="none" time-zone="conference"></session-list>`);
      await settled(el);
      const days = [...new Set(expected.map((e) => e.date))].sort();
      // One tab per day (and "All days"), or a select past 14 days.
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>('.day-select select');
      const offered = select ? [...select.options].map((o) => o.value) : dayTabs(el).map((t) => t.dataset.day);
      expect(offered.filter(Boolean)).to.deep.equal(days);
      for (const day of days) {
        if (select) {
          select.value = day;
          select.dispatchEvent(new Event('change'));
        } else
          dayTabs(el)
            .find((t) => t.dataset.day === day)!
            .click();
        await el.updateComplete;
        expect(
          select ? select.value : el.shadowRoot!.querySelector('.day-tab[aria-pressed=true]')!.getAttribute('data-day'),
          'the day chosen shows as chosen',
        ).to.equal(day);
        const n = expected.filter((e) => e.date === day).length;
        const count = el.shadowRoot!.querySelector('[part=count]')!.textContent!.trim();
        expect(count, day).to.equal(n === file.events ? `${n} sessions` : `Showing ${n} of ${file.events} sessions`);
      }
    });

    it(file.zoneNote ? 'says on the page why its zone is not the one the file names' : 'says nothing about its zone beyond naming it', async () => {
      const el = await fixture<SessionList>(html`<session-list src=${url()} deep-link="none" time-zone="conference"></session-list>`);
      await settled(el);
      const note = el.shadowRoot!.querySelector('.note')!.textContent!;
      if (file.zoneNote) expect(note).to.match(file.zoneNote);
      else expect(note).not.to.match(/does not|do not match/);
    });
  });
}

describe('exports that lose events say so', () => {
  it('a frab day without rooms: the list says what is not shown, fires partial, and keeps the rest', async () => {
    const json = await (await fetch('/test/fixtures/interop/frab-camp2019.json')).json();
    const lost = Object.values(json.schedule.conference.days[1].rooms).flat().length;
    delete json.schedule.conference.days[1].rooms;
    const src = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    const errors = record<{ kind: string; items: { kind: string; path: string }[]; message: string }>(holder, 'programme-error');
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (...args: unknown[]) => warned.push(args.join(' '));
    try {
      const el = document.createElement('session-list') as SessionList;
      el.setAttribute('src', src);
      el.setAttribute('deep-link', 'none');
      holder.append(el);
      await settled(el);
      await waitUntil(() => errors.length > 0, 'no programme-error');
      expect(el.shadowRoot!.querySelector('[part=count]')!.textContent!.trim()).to.equal(`${79 - lost} sessions`);
      expect(el.shadowRoot!.querySelector('[part=skipped]')!.textContent).to.equal('1 item in this programme has mistakes and is not shown.');
      expect(errors[0].detail.kind).to.equal('partial');
      expect(errors[0].detail.items).to.deep.include({
        path: 'schedule.conference.days[1]',
        kind: 'day',
        id: '2019-08-22',
        problems: [{ path: 'schedule.conference.days[1]', message: '2019-08-22 has no rooms, so none of its events can be read' }],
      });
      expect(warned.join('\n')).to.contain('2019-08-22 has no rooms');
      expect(visibleText(el)).to.contain('not shown');
    } finally {
      console.warn = warn;
    }
  });
});

describe('an export that names no time zone', () => {
  it('is labelled with the offset its times carry, read the right way round, and the page says why, once', async () => {
    const json = await (await fetch('/test/fixtures/interop/frab-camp2019.json')).json();
    delete json.schedule.conference.time_zone_name;
    const first = json.schedule.conference.days[0].rooms[Object.keys(json.schedule.conference.days[0].rooms)[0]][0];
    const src = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
    const holder = await fixture<HTMLDivElement>(html`<div>
      <panel-card src=${src} panel-id=${first.guid} time-zone="conference"></panel-card>
      <session-list src=${src} deep-link="none" time-zone="conference"></session-list>
    </div>`);
    const card = holder.querySelector('panel-card')!;
    const list = holder.querySelector('session-list')!;
    await settled(card);
    await settled(list);
    expect(card.shadowRoot!.querySelector('[part=time-zone]')!.textContent!.trim()).to.equal('Time zone: UTC+02:00');
    expect(card.shadowRoot!.querySelector('[part=zone-note]')!.textContent!.trim()).to.equal(
      'This schedule does not say its time zone, so times are shown at the UTC offset they carry.',
    );
    const note = list.shadowRoot!.querySelector('.note')!.textContent!;
    expect(note).to.contain('Times are in UTC+02:00, the conference’s time zone.');
    expect(note.match(/does not say its time zone/g)).to.have.length(1);
    expect(visibleText(holder)).not.to.contain('Etc/GMT');
    await expect(card).to.be.accessible();
  });
});
