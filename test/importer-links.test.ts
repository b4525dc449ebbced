import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { PanelCard } from '../src/elements/panel-card/panel-card.js';
import { importDocument, type ProgrammeFormat } from '../src/data/importers/index.js';
import { feedLink } from '../src/data/importers/link.js';
import { dataUrl } from '../src/data/data-url.js';
import { staticHref } from '../src/render/panel-card.js';
import type { Programme } from '../src/data/types.js';
import { validateProgramme } from '../src/data/validate.js';
import { programmeUrl, settled } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/**
 * Links from the data. A feed's relative links resolve against the feed's own address, and then
 * only on its host; forms a browser reads as another host or a scheme in disguise are no links at
 * all. A programme's own (native) url fields are absolute: a relative one is no link, never one
 * resolved against the page that happens to show it.
 */
const FEED = 'https://feeds.example.org/conf/schedule.xml';
const ON_FEED = 'https://feeds.example.org/';

/** Forms that must never become a link, whatever the base: each leads elsewhere than it seems to, or is no web address. */
const REFUSED: Record<string, string> = {
  'protocol-relative': '//evil.example/x',
  backslashes: '\\\\evil.example\\x',
  'slash backslash': '/\\evil.example/x',
  'scheme without //': 'https:evil.example/x',
  'scheme and one slash': 'http:/evil.example/x',
  'three slashes': 'https:///evil.example/x',
  javascript: 'javascript:alert(1)',
  'javascript with a tab': 'java\tscript:alert(1)',
  'leading spaces': '   //evil.example/x',
  'leading tab': '\t//evil.example/x',
  'tab inside': '/\t/evil.example/x',
  'backslash after spaces': '  \\\\evil.example',
  'control character first': '\u0001//evil.example/x',
  data: 'data:text/html,x',
};
/** Forms that have line breaks (no iCalendar or CSV value holds one as written). */
const REFUSED_MULTILINE: Record<string, string> = {
  'newline first': '\n//evil.example/x',
  'newline inside': '/\n/evil.example/x',
  'javascript with a newline': 'java\nscript:alert(1)',
};
/** Relative forms, and where each leads from the feed's address. */
const RESOLVED: Record<string, string> = {
  '/talks/1': 'https://feeds.example.org/talks/1',
  'talks/1': 'https://feeds.example.org/conf/talks/1',
  ' ../talks/2 ': 'https://feeds.example.org/talks/2',
  '?talk=3': 'https://feeds.example.org/conf/schedule.xml?talk=3',
  '/%2F/evil.example': 'https://feeds.example.org/%2F/evil.example',
  'https://talks.example.org/p/4': 'https://talks.example.org/p/4',
};

const cases = (multiline: boolean) => [
  ...Object.entries({ ...REFUSED, ...(multiline ? REFUSED_MULTILINE : {}) }).map(([name, url]) => ({ name, url, want: undefined as string | undefined })),
  ...Object.entries(RESOLVED).map(([url, want]) => ({ name: url.trim(), url, want })),
];

const bytes = (s: string) => new TextEncoder().encode(s);
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replaceAll('\u0001', '');
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One document per format, with one event per case, its title the case's index. */
const documents: Record<string, { format: ProgrammeFormat; multiline: boolean; doc: (urls: string[]) => unknown }> = {
  'frab schedule.json': {
    format: 'frab',
    multiline: true,
    doc: (urls) => ({
      schedule: {
        version: 'test',
        conference: {
          acronym: 'links',
          title: 'Links',
          time_zone_name: 'Europe/Berlin',
          days: [
            {
              index: 1,
              date: '2024-01-05',
              day_start: '2024-01-05T09:00:00+01:00',
              rooms: {
                Hall: urls.map((url, i) => ({
                  id: i + 1,
                  title: `#${i}`,
                  date: '2024-01-05T10:00:00+01:00',
                  start: '10:00',
                  duration: '00:30',
                  url,
                  persons: [],
                })),
              },
            },
          ],
        },
      },
    }),
  },
  'pretalx schedule.json': {
    format: 'pretalx',
    multiline: true,
    doc: (urls) => ({
      schedule: {
        version: 'test',
        base_url: 'https://pretalx.example.org/links/schedule/',
        conference: {
          acronym: 'links',
          title: 'Links',
          time_zone_name: 'Europe/Berlin',
          days: [
            {
              index: 1,
              date: '2024-01-05',
              rooms: {
                Hall: urls.map((url, i) => ({
                  guid: `g${i}`,
                  code: `C${i}`,
                  title: `#${i}`,
                  date: '2024-01-05T10:00:00+01:00',
                  start: '10:00',
                  duration: '00:30',
                  url,
                  persons: [],
                })),
              },
            },
          ],
        },
      },
    }),
  },
  'c3voc schedule v2': {
    format: 'c3voc2',
    multiline: true,
    doc: (urls) => ({
      $schema: 'https://c3voc.de/schedule/schema.json',
      schedule: {
        version: 'test',
        conference: { acronym: 'links', title: 'Links', time_zone_name: 'Europe/Berlin' },
        events: urls.map((url, i) => ({ guid: `g${i}`, title: `#${i}`, start: '2024-01-05T10:00:00+01:00', end: '2024-01-05T10:30:00+01:00', url })),
      },
    }),
  },
  'frab schedule.xml': {
    format: 'auto',
    multiline: true,
    doc: (urls) =>
      bytes(
        `<?xml version="1.0"?><schedule><conference><acronym>links</acronym><title>Links</title><time_zone_name>Europe/Berlin</time_zone_name></conference>` +
          `<day date="2024-01-05" index="1"><room name="Hall">${urls
            .map(
              (url, i) =>
                `<event guid="g${i}" id="${i + 1}"><date>2024-01-05T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><title>#${i}</title><url>${xmlText(url)}</url></event>`,
            )
            .join('')}</room></day></schedule>`,
      ),
  },
  iCalendar: {
    format: 'auto',
    multiline: false,
    doc: (urls) =>
      bytes(
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//test//links//EN',
          'X-WR-CALNAME:Links',
          ...urls.flatMap((url, i) => [
            'BEGIN:VEVENT',
            `UID:e${i}`,
            `SUMMARY:#${i}`,
            'DTSTART:20240105T090000Z',
            'DTEND:20240105T093000Z',
            `URL:${url}`,
            'END:VEVENT',
          ]),
          'END:VCALENDAR',
          '',
        ].join('\r\n'),
      ),
  },
  'Sessionize view/All': {
    format: 'sessionize',
    multiline: true,
    doc: (urls) => ({
      sessions: urls.map((url, i) => ({
        id: `s${i}`,
        title: `#${i}`,
        startsAt: '2024-01-05T10:00:00',
        endsAt: '2024-01-05T10:30:00',
        isServiceSession: false,
        speakers: [],
        categoryItems: [],
        recordingUrl: url,
      })),
      speakers: [],
      categories: [],
      rooms: [],
    }),
  },
  CSV: {
    format: 'auto',
    multiline: true,
    doc: (urls) =>
      bytes(
        [
          'conference_id,conference_title,panel_id,panel_title,panel_url,session_start,session_end',
          ...urls.map((url, i) => ['links', 'Links', `P${i}`, `#${i}`, csvCell(url), '2024-01-05T10:00:00+01:00', '2024-01-05T10:30:00+01:00'].join(',')),
        ].join('\n'),
      ),
  },
};

async function imported(doc: unknown, format: ProgrammeFormat, url = FEED): Promise<Programme> {
  const { programme } = await importDocument(doc, format, { url, timeZone: 'Europe/Berlin' });
  expect(validateProgramme(programme).problems, 'the imported programme validates').to.deep.equal([]);
  return programme as Programme;
}

/** The panel for case `i` (its title is `#i`). */
const urlOf = (p: Programme, i: number) => p.panels.find((x) => x.title === `#${i}`)?.url;

describe('links from the data', () => {
  describe('the rules (data-url.ts dataUrl for the data, importers/link.ts feedLink for a feed)', () => {
    it('refuses every form that leads elsewhere than it seems, with or without a base', () => {
      for (const [name, url] of Object.entries({ ...REFUSED, ...REFUSED_MULTILINE })) {
        expect(dataUrl(url) ?? 'no link', name).to.equal('no link');
        expect(feedLink(url, FEED) ?? 'no link', name).to.equal('no link');
      }
    });

    it('resolves relative forms against the base, on its host, and keeps absolute ones', () => {
      for (const [url, want] of Object.entries(RESOLVED)) expect(feedLink(url, FEED) ?? 'no link', url).to.equal(want);
      // In the browser `new URL('\\\\host\\x', base)` is //host/x: the rule reads it the same way, and refuses it.
      expect(new URL('\\\\evil.example\\x', FEED).host).to.equal('evil.example');
      expect(feedLink('\\\\evil.example\\x', FEED) ?? 'no link').to.equal('no link');
    });

    it('without a base, a relative link is no link: the page showing it is not its base', () => {
      expect(dataUrl('/talks/1') ?? 'no link').to.equal('no link');
      expect(staticHref('/talks/1') ?? 'no link').to.equal('no link');
      expect(dataUrl('mailto:programme@example.org')).to.equal('mailto:programme@example.org');
      expect(dataUrl('HTTPS://Talks.Example.org/p')).to.equal('https://talks.example.org/p');
      expect(staticHref('https:evil.example/x') ?? 'no link').to.equal('no link');
    });
  });

  for (const [name, { format, multiline, doc }] of Object.entries(documents)) {
    it(`${name}: relative links resolve against the feed's address, on its host; the other forms are no links`, async () => {
      const all = cases(multiline);
      const programme = await imported(doc(all.map((c) => c.url)), format);
      all.forEach(({ name: form, want }, i) => {
        const url = urlOf(programme, i);
        // What the reader's card links to: the element takes the url as it is (it is absolute).
        const href = dataUrl(url);
        expect(href ?? 'no link', form).to.equal(url ?? 'no link');
        // A refused form is no link; at most (iCalendar reads a tab in a value as a space) a harmless path on the feed's host.
        if (want === undefined) expect(href === undefined || href.startsWith(ON_FEED), `${form}: ${href}`).to.equal(true);
        else if (want.startsWith(ON_FEED) && name.startsWith('pretalx')) expect(href ?? 'no link', form).to.match(/^https:\/\/(feeds|pretalx)\.example\.org\//);
        else expect(href ?? 'no link', form).to.equal(want);
      });
    });
  }

  it("frab schedule.xml: a <base_url> is the base before the feed's address, and only on its host", async () => {
    const xml = (url: string) =>
      bytes(
        `<schedule><conference><acronym>b</acronym><title>B</title><time_zone_name>Europe/Berlin</time_zone_name><base_url>https://fahrplan.example.org/2024/</base_url></conference>` +
          `<day date="2024-01-05"><room name="A"><event guid="g"><date>2024-01-05T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><title>#0</title><url>${xmlText(url)}</url></event></room></day></schedule>`,
      );
    expect(urlOf(await imported(xml('events/1.html'), 'auto'), 0)).to.equal('https://fahrplan.example.org/2024/events/1.html');
    expect(urlOf(await imported(xml('//evil.example/x'), 'auto'), 0) ?? 'no link').to.equal('no link');
  });

  it('a frab schedule.json loaded without an address drops its relative links, and says so', async () => {
    const json = documents['frab schedule.json'].doc(['/talks/1', 'javascript:alert(1)']);
    const { programme, notes } = await importDocument(json, 'frab', { timeZone: 'Europe/Berlin' });
    expect((programme as Programme).panels.map((p) => p.url ?? 'no link')).to.deep.equal(['no link', 'no link']);
    expect(notes.join('\n')).to.contain(
      '2 events have a link that is not an absolute http(s) address (the address the feed was loaded from is not known); they were left out',
    );
  });

  it("a native programme's url fields: absolute http(s) and mailto are links; relative ones are not, not even on this page", async () => {
    const src = programmeUrl('data-links');
    const json: Json = await (await fetch(src)).json();
    for (const panel of json.panels as Json[]) {
      const el = await fixture<PanelCard>(html`<panel-card panel-id=${panel.id} src=${src}></panel-card>`);
      await settled(el);
      const link = el.shadowRoot!.querySelector('[part=link]');
      const href = link ? link.getAttribute('href') : 'no link';
      const want = panel.id === 'L-abs' ? 'https://talks.example.org/p/abs' : panel.id === 'L-mail' ? 'mailto:programme@example.org' : 'no link';
      expect(href, `${panel.id} ${JSON.stringify(panel.url)}`).to.equal(want);
      expect(staticHref(panel.url) ?? 'no link', panel.id).to.equal(want);
      el.remove();
    }
  });
});
