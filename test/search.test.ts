import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { fold } from '../src/data/fold.js';
import { settled } from './helpers.js';

document.documentElement.lang = 'en-GB';

/** People and places written in several scripts, each in one session of its own. */
const NAMES: Record<string, string> = {
  fr: 'Élodie Lefèvre',
  ga: 'Seán Ó Súilleabháin',
  kk: 'Қазақстан тарихы',
  ru: 'Алёна Йодкова',
  el: 'Σωκράτης στην Αθήνα',
  tr: 'İstanbul Üniversitesi',
  pl: 'Łódź',
  de: 'Straße der Einheit',
};

const programme = () =>
  URL.createObjectURL(
    new Blob(
      [
        JSON.stringify({
          version: 1,
          conference: { id: `search-${Math.random()}`, title: 'Scripts', timeZone: 'Europe/Dublin' },
          panels: Object.entries(NAMES).map(([id, name], i) => ({
            id,
            title: `Panel ${id}`,
            convenors: [{ name }],
            sessions: [{ id: `${id}-1`, start: `2025-06-0${1 + (i % 3)}T10:00:00+01:00`, end: `2025-06-0${1 + (i % 3)}T11:00:00+01:00` }],
          })),
        }),
      ],
      { type: 'application/json' },
    ),
  );

async function search(el: SessionList, text: string): Promise<string[]> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await waitUntil(() => (el as unknown as { filters: { query?: string } }).filters.query === (text.trim() || undefined), 'search never applied');
  await el.updateComplete;
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row')].map((r) => r.dataset.session!.replace(/-1$/, ''));
}

describe('search ignores case and accents, both ways, in any script', () => {
  it('folds text the same way for the programme and the query', () => {
    expect(fold('Lefèvre')).to.equal(fold('LEFEVRE'));
    expect(fold('Σωκράτης')).to.equal(fold('ΣΩΚΡΑΤΗΣ'));
    expect(fold('İstanbul')).to.equal('istanbul');
  });

  const cases: Array<[query: string, id: string]> = [
    ['Lefevre', 'fr'],
    ['LEFÈVRE', 'fr'],
    ['elodie', 'fr'],
    ['o suilleabhain', 'ga'],
    ['SEÁN', 'ga'],
    ['ҚАЗАҚСТАН', 'kk'],
    ['қазақстан тарихы', 'kk'],
    ['алена', 'ru'],
    ['ИОДКОВА', 'ru'],
    ['σωκρατης', 'el'],
    ['ΑΘΗΝΑ', 'el'],
    ['αθήνα', 'el'],
    ['istanbul universitesi', 'tr'],
    ['lodz', 'pl'],
    ['strasse', 'de'],
  ];
  for (const [query, id] of cases) {
    it(`finds ${JSON.stringify(NAMES[id])} when the reader types ${JSON.stringify(query)}`, async () => {
      const el = await fixture<SessionList>(html`<session-list src=${programme()}></session-list>`);
      await settled(el);
      expect(await search(el, query)).to.deep.equal([id]);
    });
  }
});
