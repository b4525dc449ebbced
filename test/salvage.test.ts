import { expect } from '@open-wc/testing';
import { partial, salvageProgramme } from '../src/data/salvage.js';
import { MAX_PROBLEMS, validateProgramme, type ValidationProblem } from '../src/data/validate.js';

/** A valid programme: panels A, B and C, each with two sessions of two papers. */
function programme() {
  const panel = (p: string, hour: number) => ({
    id: p,
    title: `Panel ${p}`,
    convenors: [{ name: `Convenor ${p}` }],
    sessions: [1, 2].map((s) => ({
      id: `${p}-${s}`,
      start: `2024-06-09T${String(hour + s).padStart(2, '0')}:00:00+02:00`,
      end: `2024-06-09T${String(hour + s).padStart(2, '0')}:45:00+02:00`,
      papers: ['a', 'b'].map((x) => ({ id: `${p}-${s}-${x}`, title: `Paper ${p}-${s}-${x}` })),
    })),
  });
  return { version: 1, conference: { id: 'c', title: 'C', timeZone: 'Europe/Vienna' }, panels: [panel('A', 8), panel('B', 11), panel('C', 14)] };
}
type Doc = ReturnType<typeof programme> & Record<string, unknown>;

/** `programme()` changed by `edit`, with the validator's problems. */
function broken(edit: (d: Doc) => void) {
  const doc = programme() as Doc;
  edit(doc);
  const result = validateProgramme(doc);
  expect(result.ok, 'the document is broken').to.equal(false);
  return { doc, problems: result.problems, before: JSON.stringify(doc) };
}

/** Salvages and checks what every salvage must hold: input unchanged, the rest valid. */
function salvage(edit: (d: Doc) => void) {
  const { doc, problems, before } = broken(edit);
  const out = salvageProgramme(doc, problems, 'https://example.org/p.json');
  expect(JSON.stringify(doc), 'the input is not changed').to.equal(before);
  if (out) expect(validateProgramme(out.doc).problems, 'the rest is valid').to.deep.equal([]);
  return { doc, problems, out };
}

const ids = (doc: unknown) =>
  JSON.stringify(doc)
    .match(/"id":"[^"]+"/g)!
    .map((s) => s.slice(6, -1));

describe('salvageProgramme', () => {
  it('drops a paper with a mistake, and nothing else', () => {
    const { doc, problems, out } = salvage((d) => ((d.panels[1].sessions[0].papers[1] as Record<string, unknown>).abstract = 42));
    expect(out).to.exist;
    expect(out!.skipped.items).to.deep.equal([{ path: 'panels[1].sessions[0].papers[1]', id: 'B-1-b', kind: 'paper', panelId: 'B', problems }]);
    expect(out!.skipped.ids).to.deep.equal(['B-1-b']);
    expect(out!.skipped.kind).to.equal('partial');
    expect(out!.skipped.problems).to.deep.equal(problems);
    expect(ids(out!.doc)).to.deep.equal(ids(doc).filter((id) => id !== 'B-1-b'));
  });

  it('copies only along the pruned path and shares the rest', () => {
    const { doc, out } = salvage((d) => delete (d.panels[1].sessions[0].papers[1] as Record<string, unknown>).title);
    const rest = out!.doc as Doc;
    expect(rest).to.not.equal(doc);
    expect(rest.conference).to.equal(doc.conference);
    expect(rest.panels).to.not.equal(doc.panels);
    expect(rest.panels[0]).to.equal(doc.panels[0]);
    expect(rest.panels[2]).to.equal(doc.panels[2]);
    expect(rest.panels[1]).to.not.equal(doc.panels[1]);
    expect(rest.panels[1].convenors).to.equal(doc.panels[1].convenors);
    expect(rest.panels[1].sessions[1]).to.equal(doc.panels[1].sessions[1]);
    expect(rest.panels[1].sessions[0].papers).to.have.length(1);
    expect(rest.panels[1].sessions[0].papers[0]).to.equal(doc.panels[1].sessions[0].papers[0]);
  });

  it('drops a session that ends before it starts, with its papers', () => {
    const { out } = salvage((d) => (d.panels[2].sessions[1].end = '2024-06-09T09:00:00+02:00'));
    expect(out!.skipped.items.map(({ path, id, kind }) => ({ path, id, kind }))).to.deep.equal([{ path: 'panels[2].sessions[1]', id: 'C-2', kind: 'session' }]);
    expect(out!.skipped.ids).to.deep.equal(['C-2', 'C-2-a', 'C-2-b']);
    expect((out!.doc as Doc).panels[2].sessions.map((s) => s.id)).to.deep.equal(['C-1']);
  });

  it('drops a panel for a mistake in its own fields, people included', () => {
    const { out } = salvage((d) => (d.panels[0].convenors = [{ affiliation: 'Nowhere' } as never]));
    expect(out!.skipped.items.map(({ path, id, kind }) => ({ path, id, kind }))).to.deep.equal([{ path: 'panels[0]', id: 'A', kind: 'panel' }]);
    expect(out!.skipped.ids).to.deep.equal(['A', 'A-1', 'A-1-a', 'A-1-b', 'A-2', 'A-2-a', 'A-2-b']);
    expect((out!.doc as Doc).panels.map((p) => p.id)).to.deep.equal(['B', 'C']);
  });

  it('drops a panel whose sessions are not a list, or that is not an object at all (no id to report)', () => {
    expect(salvage((d) => ((d.panels[1] as unknown as Record<string, unknown>).sessions = 'soon')).out!.skipped.items[0]).to.include({
      path: 'panels[1]',
      id: 'B',
      kind: 'panel',
    });
    const { out } = salvage((d) => ((d.panels as unknown[])[1] = 'B'));
    expect(out!.skipped.items[0]).to.deep.equal({ path: 'panels[1]', kind: 'panel', problems: [{ path: 'panels[1]', message: '"B" is not an object' }] });
    expect(out!.skipped.ids).to.deep.equal([]);
  });

  it('drops the later of two items with the same id, the one the validator names', () => {
    const { out } = salvage((d) => (d.panels[2].sessions[0].papers[0].id = 'A-1-a'));
    expect(out!.skipped.items.map(({ path, id }) => ({ path, id }))).to.deep.equal([{ path: 'panels[2].sessions[0].papers[0]', id: 'A-1-a' }]);
    const rest = out!.doc as Doc;
    expect(rest.panels[0].sessions[0].papers[0].id, 'the first one stays').to.equal('A-1-a');
    expect(rest.panels[2].sessions[0].papers.map((p) => p.id)).to.deep.equal(['C-1-b']);
  });

  it('lists an item inside a dropped one only as part of it, in document order', () => {
    const { problems, out } = salvage((d) => {
      d.panels[2].sessions[0].papers[1].title = '';
      d.panels[1].sessions[1].papers[0].title = '';
      d.panels[1].sessions[1].start = 'later';
      delete (d.panels[1] as Record<string, unknown>).title;
    });
    expect(out!.skipped.items.map((i) => i.path)).to.deep.equal(['panels[1]', 'panels[2].sessions[0].papers[1]']);
    expect(out!.skipped.items[0].problems.map((p) => p.path).sort()).to.deep.equal([
      'panels[1].sessions[1].papers[0].title',
      'panels[1].sessions[1].start',
      'panels[1].title',
    ]);
    expect(out!.skipped.items.flatMap((i) => i.problems)).to.have.length(problems.length);
  });

  it('orders panels by number, not as text', () => {
    const { doc, problems } = broken((d) => {
      for (let i = 0; i < 12; i++) d.panels.push({ ...programme().panels[0], id: `X${i}`, sessions: [] });
      d.panels[10].title = '';
      d.panels[2].title = '';
    });
    expect(salvageProgramme(doc, problems)!.skipped.items.map((i) => i.path)).to.deep.equal(['panels[2]', 'panels[10]']);
  });

  it('refuses a document with any problem outside the panels', () => {
    for (const edit of [
      (d: Doc) => (d.conference.timeZone = 'Mars/Olympus_Mons'),
      (d: Doc) => (d.version = 2),
      (d: Doc) => delete (d.conference as Record<string, unknown>).title,
      (d: Doc) => (d.conference = 'c' as never),
    ]) {
      const { out } = salvage((d) => {
        edit(d);
        delete (d.panels[1] as Record<string, unknown>).title;
      });
      expect(out).to.equal(undefined);
    }
    expect(salvage((d) => (d.panels = {} as never)).out).to.equal(undefined);
    expect(salvageProgramme(null, [{ path: '(document)', message: 'null is not a programme object' }])).to.equal(undefined);
  });

  it('refuses when every panel is broken', () => {
    expect(salvage((d) => d.panels.forEach((p) => (p.title = ''))).out).to.equal(undefined);
  });

  it('refuses when the problem list may be incomplete (the validator stops at MAX_PROBLEMS)', () => {
    const many = (n: number) =>
      broken((d) => {
        for (let i = 0; i < n; i++) d.panels.push({ id: `M${i}`, title: '', convenors: [], sessions: [] });
      });
    const full = many(MAX_PROBLEMS + 20);
    expect(full.problems).to.have.length(MAX_PROBLEMS);
    expect(salvageProgramme(full.doc, full.problems)).to.equal(undefined);
    const under = many(MAX_PROBLEMS - 1);
    expect(under.problems).to.have.length(MAX_PROBLEMS - 1);
    const out = salvageProgramme(under.doc, under.problems)!;
    expect(out.skipped.items).to.have.length(MAX_PROBLEMS - 1);
    expect((out.doc as Doc).panels.map((p) => p.id)).to.deep.equal(['A', 'B', 'C']);
  });

  it('refuses when there is nothing to salvage, or the paths do not fit the document', () => {
    expect(salvageProgramme(programme(), [])).to.equal(undefined);
    expect(salvageProgramme(programme(), [{ path: 'panels[0].sessions[0].papers[9].title', message: 'made up' }])).to.equal(undefined);
    expect(salvageProgramme(programme(), [{ path: 'panels[0].sessions[7]', message: 'made up' }])).to.equal(undefined);
    expect(salvageProgramme(programme(), [{ path: 'panels[0].chairs[0].name', message: 'made up' }])!.skipped.items[0]).to.deep.include({
      path: 'panels[0]',
      id: 'A',
    });
  });

  it('says where, how many, and each item by path, id and reason, in a message of bounded length', () => {
    const { out } = salvage((d) => {
      delete (d.panels[1] as Record<string, unknown>).title;
      d.panels[2].sessions[0].end = 'never';
    });
    const { message } = out!.skipped;
    expect(message).to.match(/^The programme at https:\/\/example\.org\/p\.json has mistakes in 2 items, which are not shown:/);
    expect(message).to.contain('panels[1] (panel B): panels[1].title is required;');
    expect(message).to.contain('panels[2].sessions[0] (session C-1): panels[2].sessions[0].end "never" is not an ISO 8601 date-time with an offset.');

    const long = broken((d) => {
      for (let i = 0; i < 90; i++) d.panels.push({ id: `L${i}-${'x'.repeat(300)}`, title: '', convenors: [], sessions: [] });
    });
    const capped = salvageProgramme(long.doc, long.problems)!.skipped.message;
    expect(capped.length).to.be.below(2100);
    expect(capped).to.match(/… and \d+ more\.$/);
  });

  it('gives loadProgramme the rest, validated, and what to warn of (loadProgramme says it, once)', async () => {
    const warn = console.warn;
    const warned: unknown[][] = [];
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      const { doc, problems } = broken((d) => (d.panels[0].sessions[0].papers[0].title = ''));
      const rest = await partial(doc, { problems }, 'the test');
      expect(rest!.programme.panels[0].sessions![0].papers!.map((p) => p.id)).to.deep.equal(['A-1-b']);
      expect(rest!.skipped.items[0].id).to.equal('A-1-a');
      expect(rest!.skipped.message).to.match(/^The programme at the test has mistakes in 1 item, which is not shown: panels\[0\]\.sessions\[0\]\.papers\[0\]/);
      const refused = broken((d) => (d.version = 3));
      expect(await partial(refused.doc, { problems: refused.problems as ValidationProblem[] }, 'x')).to.equal(undefined);
      expect(warned).to.have.length(0, 'the caller says it');
    } finally {
      console.warn = warn;
    }
  });
});
