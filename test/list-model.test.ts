import { expect } from '@open-wc/testing';
import {
  activeFilters,
  displayTitle,
  facetOptions,
  filtersFrom,
  linkTarget,
  peopleOf,
  rowsToDownload,
  shownList,
  starState,
  titleParts,
} from '../src/data/list-model.js';
import { ProgrammeIndex } from '../src/data/programme-index.js';
import { rowDays, sessionRows } from '../src/data/session-rows.js';
import { themeColor } from '../src/data/theme-colors.js';
import type { Programme } from '../src/data/types.js';
import { validateProgramme } from '../src/data/validate.js';
import { programmeUrl } from './helpers.js';

/** The list's model on its own, on the demo programme: no element, no Lit. */

const demo = async () => new ProgrammeIndex((await (await fetch(programmeUrl('demo'))).json()) as Programme);

describe('the list model', () => {
  it('turns the attributes into filters: blanks mean any, panel ids split on spaces and commas', () => {
    expect(filtersFrom({ theme: ' ', panelIds: 'P021  P034,P040', person: 'Abenova', starredOnly: true })).to.deep.equal({
      day: undefined,
      theme: undefined,
      panelFormat: undefined,
      location: undefined,
      starredOnly: true,
      query: undefined,
      panelIds: ['P021', 'P034', 'P040'],
      person: 'Abenova',
      affiliation: undefined,
    });
  });

  it('titles a row by its panel, and by the session too when the panel has several', async () => {
    const rows = sessionRows(await demo());
    const one = rows.find((r) => r.session.id === 'P021-1')!;
    const two = rows.find((r) => r.session.id === 'P003-2')!;
    expect(displayTitle(one)).to.equal(one.panel.title);
    expect(titleParts(two)).to.deep.equal({ panel: two.panel.title, session: two.session.title });
    expect(displayTitle(two)).to.equal(`${two.panel.title}: ${two.session.title}`);
  });

  it("names a panel's convenors, else its papers' authors, each once", async () => {
    const rows = sessionRows(await demo());
    expect(peopleOf(rows.find((r) => r.session.id === 'P021-1')!)).to.deep.equal(['Aigerim Nurpeisova', 'Katharina Vogel']);
    // No convenors: the authors of the session's papers.
    expect(peopleOf(rows.find((r) => r.session.id === 'P024-1')!)).to.deep.equal(['Alma Dosmukhamedova', 'James Whitfield', 'Daniyar Kassymov']);
  });

  it("gives a session's star one meaning: itself, partly through its panel or a paper, or none", async () => {
    const row = sessionRows(await demo()).find((r) => r.session.id === 'P021-1')!;
    expect(starState(row, new Set(['P021-1']))).to.equal('self');
    expect(starState(row, new Set(['P021']))).to.equal('partly');
    expect(starState(row, new Set(['P021-1-b']))).to.equal('partly');
    expect(starState(row, new Set(['P003']))).to.equal('none');
    // What "only my starred" and the starred download take: self and partly, nothing else.
    const all = sessionRows(await demo());
    const starred = new Set(['P021', 'P003-1', 'P024-2-a']);
    const taken = rowsToDownload(all, [], starred, 'starred').map((r) => r.session.id);
    expect(taken).to.deep.equal(all.filter((r) => starState(r, starred) !== 'none').map((r) => r.session.id));
    expect(taken.sort()).to.deep.equal(['P003-1', 'P021-1', 'P024-2']);
  });

  it('counts what each option would leave, the options narrowing each other; an option that leaves nothing is not offered unless chosen', async () => {
    const all = sessionRows(await demo());
    const days = rowDays(all, 'Asia/Almaty');
    const none = new Set<string>();
    const open = facetOptions(all, days, {}, none);
    const history = open.theme.find((o) => o.value === 'History')!;
    expect(history.count).to.equal(3);
    expect(open.day.map((d) => [d.value, d.count])).to.deep.equal([
      ['2024-06-07', 4],
      ['2024-06-08', 6],
      ['2024-06-09', 4],
      ['2024-06-10', 4],
    ]);
    // Sunday only: every theme's count is Sunday's, themes with no Sunday session are gone.
    const sunday = facetOptions(all, days, { day: '2024-06-09' }, none);
    expect(sunday.theme.map((o) => [o.value, o.count])).to.deep.equal([
      ['Environment and Energy', 1],
      ['History', 1],
      ['Political Science, International Relations, and Law', 2],
    ]);
    // The day's own options still count every day (a facet does not narrow itself).
    expect(sunday.day).to.have.length(4);
    // A chosen option that leaves nothing is still offered, with 0.
    const odd = facetOptions(all, days, { day: '2024-06-09', theme: 'Religion' }, none);
    expect(odd.theme.find((o) => o.value === 'Religion')).to.deep.include({ value: 'Religion', count: 0 });
    expect(shownList(all, days, { day: '2024-06-09', theme: 'Religion' }, none).rows).to.deep.equal([]);
  });

  it('lists the filters in force as chips, search aside', () => {
    expect(activeFilters({ query: 'x', theme: 'History', starredOnly: true, panelIds: ['P1', 'P2'], day: '2024-06-09' })).to.deep.equal([
      { key: 'day', value: '2024-06-09' },
      { key: 'theme', value: 'History' },
      { key: 'panelIds', value: 'P1, P2' },
      { key: 'starredOnly', value: '' },
    ]);
  });

  it('puts a heading before each day, and leads a deep link to a session, and to a paper inside it', async () => {
    const index = await demo();
    const all = sessionRows(index);
    const { items } = shownList(all, rowDays(all, 'Asia/Almaty'), {}, new Set());
    expect(items.filter((i) => i.kind === 'day').map((i) => (i as { day: string }).day)).to.deep.equal([
      '2024-06-07',
      '2024-06-08',
      '2024-06-09',
      '2024-06-10',
    ]);
    expect(linkTarget(index, 'P003')).to.deep.equal({ sessionId: 'P003-1' });
    expect(linkTarget(index, 'P003-2')).to.deep.equal({ sessionId: 'P003-2' });
    expect(linkTarget(index, 'P021-1-b')).to.deep.equal({ sessionId: 'P021-1', paperId: 'P021-1-b' });
    expect(linkTarget(index, 'nope')).to.equal(undefined);
  });

  it('filters by person and affiliation, ignoring case and accents, and by panel ids', async () => {
    const all = sessionRows(await demo());
    const days = rowDays(all, 'Asia/Almaty');
    const ids = (f: Parameters<typeof shownList>[2]) => shownList(all, days, f, new Set()).rows.map((r) => r.session.id);
    expect(ids({ person: 'gulnara ABENOVA' })).to.deep.equal(['P021-1']);
    expect(ids({ panelIds: ['P021', 'P027'] })).to.deep.equal(['P021-1', 'P027-1']);
    const affiliation = all[0].panel.convenors![0].affiliation!;
    expect(ids({ affiliation: affiliation.toUpperCase() })).to.include(all[0].session.id);
  });

  it('colours a theme as the programme says, else from a fixed palette by name, and the validator takes only hex colours', () => {
    expect(themeColor('History', [{ name: 'History', color: '#123456' }])).to.equal('#123456');
    expect(themeColor('History')).to.match(/^#[0-9a-f]{6}$/);
    expect(themeColor('History')).to.equal(themeColor('History'), 'the same name, the same colour');
    const doc = (color: string) => ({ version: 1, conference: { id: 'c', title: 'C', timeZone: 'UTC', themes: [{ name: 'T', color }] }, panels: [] });
    expect(validateProgramme(doc('#abc')).ok).to.equal(true);
    expect(validateProgramme(doc('red; background: url(x)')).problems).to.deep.equal([
      { path: 'conference.themes[0].color', message: '"red; background: url(x)" is not a colour written #rgb or #rrggbb' },
    ]);
  });
});
