import { expect } from '@open-wc/testing';
import { csvProgramme } from '../src/data/importers/csv.js';
import { sniff } from '../src/data/importers/sniff.js';

/** The router's test for this layout (sniff.ts), which the loader and converter use. */
const isCsv = (text: string) => sniff(text) === 'csv';
import { Notes } from '../src/data/importers/notes.js';
import type { DraftOptions } from '../src/data/importers/options.js';
import type { Programme } from '../src/data/types.js';
import { validateProgramme } from '../src/data/validate.js';

const TEMPLATE = '/docs/programme-template.csv';
let template: string | undefined;
const templateText = async () => (template ??= await (await fetch(TEMPLATE)).text());

const LONDON: DraftOptions = { timeZone: 'Europe/London' };

/** Reads `text`, checks that the result validates, and returns it with the notes and what was left out. */
function read(text: string, options: DraftOptions = LONDON) {
  const notes = new Notes();
  const programme = csvProgramme(text, notes, options) as Programme;
  const validation = validateProgramme(programme);
  expect(validation.problems, 'the imported programme validates').to.deep.equal([]);
  return { programme, notes: notes.list(), skipped: notes.skipped() };
}

/** The message of what `run` throws. */
function thrown(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

const counts = (p: Programme) => ({
  panels: p.panels.length,
  sessions: p.panels.reduce((n, x) => n + (x.sessions?.length ?? 0), 0),
  papers: p.panels.reduce((n, x) => n + (x.sessions ?? []).reduce((m, s) => m + (s.papers?.length ?? 0), 0), 0),
});

const HEADER = 'panel_id,panel_title,session_start,session_end,paper_title,paper_authors';
const csv = (...lines: string[]) => lines.join('\n');

describe('CSV importer: the template', () => {
  it('docs/programme-template.csv imports cleanly: 2 panels, 3 sessions, 5 papers, London summer time (+01:00)', async () => {
    const text = await templateText();
    expect(isCsv(text)).to.equal(true);
    const { programme, notes, skipped } = read(text, { ...LONDON, url: TEMPLATE });
    expect(notes).to.deep.equal([]);
    expect(skipped).to.deep.equal([]);
    expect(counts(programme)).to.deep.equal({ panels: 2, sessions: 3, papers: 5 });
    expect(programme.version).to.equal(1);
    expect(programme.conference).to.deep.equal({ id: 'ssa-2024', title: 'SSA Biennial Conference 2024: Repair and Its Limits', timeZone: 'Europe/London' });

    const [care, waiting] = programme.panels;
    expect(care).to.deep.include({
      id: 'P01',
      title: 'Care, kinship and the state',
      format: 'Panel',
      theme: 'Kinship and care',
      location: 'Room 2.14, Main Building',
      url: 'https://example.org/ssa2024/panels/P01',
      convenors: [
        { name: 'Amara Okafor', affiliation: 'University of Edinburgh' },
        { name: 'Tomasz Wiśniewski', affiliation: 'Jagiellonian University' },
      ],
      chairs: [{ name: 'Amara Okafor', affiliation: 'University of Edinburgh' }],
    });
    expect(care.description).to.equal(
      'This panel asks how families and state agencies share, shift and refuse the work of care.\n\nWe welcome ethnographies of welfare offices, care homes, schools and households.',
    );
    expect(care.sessions!.map((s) => [s.id, s.title, s.start, s.end])).to.deep.equal([
      ['P01-1', 'Session 1: Paperwork', '2024-07-23T09:30:00+01:00', '2024-07-23T11:00:00+01:00'],
      ['P01-2', 'Session 2: Households', '2024-07-23T11:30:00+01:00', '2024-07-23T13:00:00+01:00'],
    ]);
    expect(care.sessions![0].papers!.map((p) => p.id)).to.deep.equal(['P01-1a', 'P01-1b']);
    const remittances = care.sessions![0].papers![1];
    expect(remittances.title).to.equal('Kin, cash and the "good" migrant: remittances between Leeds and Sylhet');
    expect(remittances.authors).to.deep.equal([
      { name: 'Leila Haddad', affiliation: 'SOAS University of London' },
      { name: 'Jonas Berg', affiliation: 'Stockholm University' },
      { name: 'Nadia Rahman', affiliation: 'Independent researcher' },
    ]);
    expect(remittances.abstract).to.match(
      /^Remittances are often read as economic flows\..*\n\nThe paper draws on joint fieldwork in Leeds and Sylhet, 2021-2023\.$/s,
    );

    expect(waiting).to.deep.include({ id: 'P02', title: 'Infrastructures of waiting', format: 'Roundtable', location: 'Lecture Theatre B' });
    expect(waiting.convenors).to.deep.equal([{ name: 'Rafael Costa', affiliation: 'University of Lisbon' }]);
    expect(waiting.chairs).to.equal(undefined);
    expect(waiting.sessions).to.have.length(1);
    const [s] = waiting.sessions!;
    expect(s).to.deep.include({ id: 'P02-1', start: '2024-07-24T14:00:00+01:00', end: '2024-07-24T15:30:00+01:00', location: 'Lecture Theatre A' });
    expect(s.title).to.equal(undefined);
    expect(s.papers!.map((p) => [p.id, p.authors])).to.deep.equal([
      ['P02-1a', [{ name: 'Mehmet Yılmaz', affiliation: 'Boğaziçi University' }]],
      ['P02-1b', [{ name: 'Gwen Morgan', affiliation: 'Aberystwyth University' }]],
    ]);
  });

  it('the same instants whatever zone the host is told, when the file has a time_zone column', async () => {
    const text = (await templateText()).replace(/^conference_id,/, 'time_zone,conference_id,').replace(/\nssa-2024,/g, '\nEurope/London,ssa-2024,');
    const { programme, notes } = read(text, { timeZone: 'Asia/Tokyo' });
    expect(notes).to.deep.equal([]);
    expect(programme.conference.timeZone).to.equal('Europe/London');
    expect(programme.panels[0].sessions![0].start).to.equal('2024-07-23T09:30:00+01:00');
  });

  it('without any zone the file is refused, and the message says how to give one (time-zone=)', async () => {
    const text = await templateText();
    const message = thrown(() => csvProgramme(text, new Notes(), {}));
    expect(message).to.contain('time_zone column').and.contain('time-zone="Area/City"');
  });

  it('winter dates get +00:00, and times with their own offset keep it', () => {
    const { programme, notes } = read(csv(HEADER, 'W,Winter,2024-01-15 09:00,2024-01-15 10:00,,', 'W,Winter,2024-01-16T09:00+00:00,2024-01-16T10:00:00Z,,'));
    expect(notes.filter((n) => n.includes('zone'))).to.deep.equal([]);
    expect(programme.panels[0].sessions!.map((s) => [s.start, s.end])).to.deep.equal([
      ['2024-01-15T09:00:00+00:00', '2024-01-15T10:00:00+00:00'],
      ['2024-01-16T09:00:00+00:00', '2024-01-16T10:00:00Z'],
    ]);
  });

  it('times that all carry an offset need no zone: one that fits them is chosen, with a note', () => {
    const { programme, notes } = read(csv(HEADER, 'A,Almaty,2024-06-09T09:00+05:00,2024-06-09T10:00+05:00,,'), {});
    expect(programme.conference.timeZone).to.equal('Etc/GMT-5');
    expect(programme.panels[0].sessions![0].start).to.equal('2024-06-09T09:00:00+05:00');
    expect(notes[0]).to.contain('names no time zone').and.contain('Etc/GMT-5');
  });
});

describe('CSV importer: docs/csv-format.md', () => {
  it('its worked example reads as the programme it shows', async () => {
    const doc = await (await fetch('/docs/csv-format.md')).text();
    const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc)![1];
    const { programme, notes } = read(block('csv'), LONDON);
    expect(programme).to.deep.equal(JSON.parse(block('json')));
    expect(notes).to.deep.equal(['The file has no paper_id column; papers are given ids from their position.']);
  });
});

describe('CSV importer: separators, BOM, quoting', () => {
  it('reads a semicolon-separated file with a BOM and CRLF line ends (a spreadsheet in a European locale)', () => {
    const text =
      '\uFEFFPanel_ID;Panel Title;Session_Start;Session_End;Paper_Title;Paper_Authors\r\n' +
      'P1;Arbeit, Alltag und Staat;2024-06-09 09:00;2024-06-09 10:30;Die Akte als Sorge;"Müller, Anna (Universität Wien); Schmidt, Jan"\r\n' +
      'P1;Arbeit, Alltag und Staat;2024-06-09 09:00;2024-06-09 10:30;"Zeit; Geld; Ordnung";"Ng (Dept. of X; LSE)"\r\n';
    expect(isCsv(text)).to.equal(true);
    const { programme, notes } = read(text, { timeZone: 'Europe/Vienna' });
    expect(notes).to.deep.equal([
      'The file names no conference (no conference_id or conference_title column); the programme\'s id is "programme" and its title "Programme", as there is no file name to take them from.',
      'The file has no session_id column; sessions are given ids from their position.',
      'The file has no paper_id column; papers are given ids from their position.',
    ]);
    expect(counts(programme)).to.deep.equal({ panels: 1, sessions: 1, papers: 2 });
    const [a, b] = programme.panels[0].sessions![0].papers!;
    expect(programme.panels[0].title).to.equal('Arbeit, Alltag und Staat');
    expect(programme.panels[0].sessions![0].start).to.equal('2024-06-09T09:00:00+02:00');
    expect(a.authors).to.deep.equal([{ name: 'Müller, Anna', affiliation: 'Universität Wien' }, { name: 'Schmidt, Jan' }]);
    expect(b.title).to.equal('Zeit; Geld; Ordnung');
    expect(b.authors).to.deep.equal([{ name: 'Ng', affiliation: 'Dept. of X; LSE' }]);
  });

  it('reads a tab-separated file, and one after an Excel "sep=" line', () => {
    const tab = 'panel_title\tsession_start\tsession_end\nTabbed\t2024-06-09 09:00\t2024-06-09 10:00\n';
    expect(isCsv(tab)).to.equal(true);
    expect(read(tab).programme.panels[0].title).to.equal('Tabbed');
    const sep = 'sep=|\npanel_title|session_start|session_end\nPiped, with a comma|2024-06-09 09:00|2024-06-09 10:00\n';
    expect(isCsv(sep)).to.equal(true);
    expect(read(sep).programme.panels[0].title).to.equal('Piped, with a comma');
  });

  it('a quoted cell with line breaks, commas and doubled quotes stays one cell, and later line numbers stay right', () => {
    const text = csv(
      'panel_title,session_start,session_end,paper_title,paper_abstract',
      'P,2024-06-09 09:00,2024-06-09 10:00,"Cities, ports, and ""hubs""","First line, with a comma.',
      '',
      'Second paragraph, after a blank line."',
      'P,31/02/2024 9am,2024-06-09 10:00,Lost paper,',
    );
    const { programme, skipped } = read(text);
    const [paper] = programme.panels[0].sessions![0].papers!;
    expect(paper.title).to.equal('Cities, ports, and "hubs"');
    expect(paper.abstract).to.equal('First line, with a comma.\n\nSecond paragraph, after a blank line.');
    expect(skipped.map((s) => s.path)).to.deep.equal(['line 5']);
  });

  it('says which line opens a quote that is never closed, and reads the rest of the file', () => {
    const text = csv(HEADER, 'P1,Panel,2024-06-09 09:00,2024-06-09 10:00,"Never closed,Ada', 'P1,Panel,2024-06-09 09:00,2024-06-09 10:00,Fine,Bob');
    const { programme, notes } = read(text);
    expect(notes).to.include('line 2, paper_title: opens a quote that is never closed; the cell is read as written, up to the end of its line.');
    expect(programme.panels[0].sessions![0].papers!.map((p) => p.title)).to.deep.equal(['"Never closed', 'Fine']);
  });

  it('reads quoted cells the same whether or not the record spans lines', () => {
    const header = 'panel_title,session_start,session_end,paper_title,paper_authors,paper_short_abstract,paper_abstract';
    const cells = '"He said ""hi"", then left","Ng (LSE; SOAS)",""""';
    const [a] = read(csv(header, `P,2024-06-09 09:00,2024-06-09 10:00,${cells},""`)).programme.panels[0].sessions![0].papers!;
    const [b] = read(csv(header, `P,2024-06-09 09:00,2024-06-09 10:00,${cells},"a\nb"`)).programme.panels[0].sessions![0].papers!;
    expect(a).to.deep.equal({ id: 'panel-1-1-1', title: 'He said "hi", then left', authors: [{ name: 'Ng', affiliation: 'LSE; SOAS' }], shortAbstract: '"' });
    expect(b).to.deep.equal({ ...a, abstract: 'a\nb' });
  });

  it('says which line has text after a closing quote, and keeps it', () => {
    const { programme, notes } = read(csv(HEADER, 'P1,Panel,2024-06-09 09:00,2024-06-09 10:00,"Quoted" and not,Ada'));
    expect(notes).to.include('line 2, paper_title: has text after the closing quote of a quoted cell; it is kept as part of the cell.');
    expect(programme.panels[0].sessions![0].papers![0].title).to.equal('Quoted and not');
  });

  it('after a malformed quoted cell the record and the lines after it are still read right', () => {
    const text = csv(
      HEADER,
      'P1,Panel,2024-06-09 09:00,2024-06-09 10:00,"Two',
      'lines",Ada',
      'P1,Panel,2024-06-09 09:00,2024-06-09 10:00,"Stray" quote,"Bob',
      'P1,Panel,2024-06-09 09:00,2024-06-09 10:00,Last,Cy',
      'P1,Panel,31/02/2024 9am,2024-06-09 10:00,Lost,Dee',
    );
    const { programme, notes, skipped } = read(text);
    expect(notes).to.include('line 4, paper_title: has text after the closing quote of a quoted cell; it is kept as part of the cell.');
    expect(notes).to.include('line 4, paper_authors: opens a quote that is never closed; the cell is read as written, up to the end of its line.');
    const papers = programme.panels[0].sessions![0].papers!;
    expect(papers.map((p) => [p.title, p.authors?.[0].name])).to.deep.equal([
      ['Two lines', 'Ada'],
      ['Stray quote', '"Bob'],
      ['Last', 'Cy'],
    ]);
    expect(skipped.map((s) => s.path)).to.deep.equal(['line 6']);
  });

  it('guesses the separator past blank lines after the header', () => {
    const text = 'Panel Title;Session Start;Session End\n\n\nA, B and C;2024-06-09 09:00;2024-06-09 10:00\nD, E;2024-06-09 11:00;2024-06-09 12:00\n';
    expect(isCsv(text)).to.equal(true);
    expect(read(text).programme.panels.map((p) => p.title)).to.deep.equal(['A, B and C', 'D, E']);
  });

  it('reports rows with too many or too few cells by line, and ignores blank rows', () => {
    const text = csv(
      HEADER,
      'P1,Panel,2024-06-09 09:00,2024-06-09 10:00,A,Ada,extra',
      ',,,,,',
      '',
      'P1,Panel,2024-06-09 09:00,2024-06-09 10:00',
      'P1,Panel,2024-06-09 09:00,2024-06-09 10:00,B,Bob,,',
    );
    const { programme, notes } = read(text);
    expect(notes).to.include('line 2: the row has 7 cells, but the header names 6 columns; the cells after column 6 are ignored.');
    expect(notes).to.include('line 5: the row has 4 cells, but the header names 6 columns; the missing cells are read as empty.');
    expect(notes.filter((n) => n.startsWith('line 6'))).to.deep.equal([]);
    expect(counts(programme)).to.deep.equal({ panels: 1, sessions: 1, papers: 2 });
  });
});

describe('CSV importer: mistakes', () => {
  it('refuses a file without a required column, naming it and listing the columns found', () => {
    const text = 'panel_id,panel_title,session_end,paper_title\nP1,Panel,2024-06-09 10:00,A\n';
    expect(isCsv(text)).to.equal(false);
    const message = thrown(() => csvProgramme(text, new Notes(), LONDON));
    expect(message).to.contain('no session_start column').and.contain('"panel_id", "panel_title", "session_end", "paper_title"');
    expect(
      thrown(() => csvProgramme('panel_title;session_start;session_end;paper_authors\nX;2024-06-09 09:00;2024-06-09 10:00;Ada\n', new Notes(), LONDON)),
    ).to.contain('no paper_title column (it has paper_authors, which need paper_title)');
    expect(thrown(() => csvProgramme('', new Notes(), LONDON))).to.contain('empty');
  });

  it('reports a bad date with its line and column, and leaves that row out; the others are read', () => {
    const text = csv(
      HEADER,
      'P1,Panel,2024-06-09 09:00,2024-06-09 10:00,A,Ada',
      'P1,Panel,31/02/2024 9am,2024-06-09 10:00,B,Bob',
      'P1,Panel,2024-02-30 09:00,2024-06-09 10:00,C,',
    );
    const { programme, skipped } = read(text);
    expect(skipped.map((s) => [s.path, s.kind, s.problems[0].message])).to.deep.equal([
      ['line 3', 'paper', 'line 3, session_start: "31/02/2024 9am" is not a date and time (YYYY-MM-DD HH:MM), so its paper "B" is not in the schedule'],
      ['line 4', 'paper', 'line 4, session_start: "2024-02-30 09:00" is not a date and time (YYYY-MM-DD HH:MM), so its paper "C" is not in the schedule'],
    ]);
    expect(counts(programme)).to.deep.equal({ panels: 1, sessions: 1, papers: 1 });
  });

  it('a bad end, an end before the start and a missing end are noted; the session ends when it starts', () => {
    const text = csv(
      'session_id,panel_title,session_start,session_end',
      'S1,Panel,2024-06-09 09:00,2024-06-09 25:00',
      'S2,Panel,2024-06-09 11:00,2024-06-09 10:00',
      'S3,Panel,2024-06-09 12:00,',
      'S4,Panel,2024-6-9 9:30,2024-06-09 13:15:00',
    );
    const { programme, notes } = read(text);
    expect(notes).to.include.members([
      'line 2, session_end: "2024-06-09 25:00" is not a date and time (YYYY-MM-DD HH:MM).',
      'line 2, session_end: the session has no end that can be read; it is shown as ending when it starts.',
      'line 3, session_end: "2024-06-09 10:00" is before the session\'s start "2024-06-09 11:00"; the session is shown as ending when it starts.',
      'line 4, session_end: the session has no end that can be read; it is shown as ending when it starts.',
    ]);
    const sessions = programme.panels[0].sessions!;
    expect(sessions.map((s) => [s.id, s.start, s.end])).to.deep.equal([
      ['S1', '2024-06-09T09:00:00+01:00', '2024-06-09T09:00:00+01:00'],
      ['S2', '2024-06-09T11:00:00+01:00', '2024-06-09T11:00:00+01:00'],
      ['S3', '2024-06-09T12:00:00+01:00', '2024-06-09T12:00:00+01:00'],
      ['S4', '2024-06-09T09:30:00+01:00', '2024-06-09T13:15:00+01:00'],
    ]);
  });

  it('rows that cannot be placed are left out through skip, never silently', () => {
    const text = csv(
      'panel_id,panel_title,session_id,session_start,session_end,paper_id,paper_title',
      ',,,2024-06-09 09:00,2024-06-09 10:00,X1,No panel',
      'P1,Panel,,,,X2,No start',
      'P1,Panel,S9,,2024-06-09 10:00,X3,Session without a start anywhere',
      'P1,Panel,,2024-06-09 09:00,2024-06-09 10:00,X4,',
      'P2,,,2024-06-09 09:00,2024-06-09 10:00,X5,Panel without a title',
      'P1,Panel,,,,,',
    );
    const { programme, skipped } = read(text);
    expect(skipped.map((s) => [s.path, s.kind, s.id, s.problems[0].message])).to.deep.equal([
      ['line 2', 'paper', 'X1', 'line 2: the row names no panel (panel_title and panel_id are empty), so its paper "No panel" is not shown'],
      ['line 3', 'paper', 'X2', 'line 3: the row has no session_start (and no session_id), so its paper "No start" is not in the schedule'],
      ['line 5', 'paper', 'X4', 'line 5: the paper "X4" has no paper_title, so it is not listed'],
      ['line 6', 'panel', 'P2', 'line 6: panel "P2" has no panel_title on its row, so it and its 1 session are not shown'],
      ['line 4', 'session', 'S9', 'line 4: session "S9" has no session_start on any of its rows, so the session and its 1 paper are not in the schedule'],
    ]);
    // The panel itself is still shown, with the session of line 5 (its paper left out).
    expect(programme.panels.map((p) => [p.id, p.sessions?.length])).to.deep.equal([['P1', 1]]);
  });

  it('conflicting panel data between rows of one panel: the first wins, and the later line is named', () => {
    const text = csv(
      'panel_id,panel_title,panel_location,panel_convenors,session_start,session_end',
      'P1,Panel,Room 1,Ada (UCL),2024-06-09 09:00,2024-06-09 10:00',
      'P1,Panel,,,2024-06-09 11:00,2024-06-09 12:00',
      'P1,Another title,Room 2,Ada (UCL),2024-06-09 13:00,2024-06-09 14:00',
    );
    const { programme, notes } = read(text);
    expect(notes).to.include.members([
      'line 4, panel_title: "Another title" differs from "Panel" on line 2 for the same panel; the first is kept.',
      'line 4, panel_location: "Room 2" differs from "Room 1" on line 2 for the same panel; the first is kept.',
    ]);
    expect(programme.panels).to.have.length(1);
    expect(programme.panels[0]).to.deep.include({ title: 'Panel', location: 'Room 1', convenors: [{ name: 'Ada', affiliation: 'UCL' }] });
    expect(programme.panels[0].sessions).to.have.length(3);
  });

  it('groups rows without ids by panel title and by start and end; makes up ids from position and makes them unique', () => {
    const text = csv(
      'panel_id,panel_title,session_id,session_start,session_end,paper_id,paper_title',
      ',A,,2024-06-09 09:00,2024-06-09 10:00,,a1',
      ',A,,2024-06-09 09:00,2024-06-09 10:00,,a2',
      ',A,,2024-06-09 11:00,2024-06-09 12:00,,a3',
      'panel-1,B,,2024-06-09 09:00,2024-06-09 10:00,X,b1',
      'panel-1,B,,2024-06-09 09:00,2024-06-09 10:00,X,b2',
    );
    const { programme, notes } = read(text);
    expect(programme.panels.map((p) => [p.id, p.title, p.sessions!.map((s) => [s.id, s.papers!.map((x) => x.id)])])).to.deep.equal([
      [
        'panel-1-2',
        'A',
        [
          ['panel-1-2-1', ['panel-1-2-1-1', 'panel-1-2-1-2']],
          ['panel-1-2-2', ['panel-1-2-2-1']],
        ],
      ],
      ['panel-1', 'B', [['panel-1-1', ['X', 'X-2']]]],
    ]);
    expect(notes).to.include('line 6, paper_id: "X" is already the id of an earlier panel, session or paper; this paper is given the id "X-2".');
    expect(notes).to.include('1 panel has no panel_id and was given one from its position.');
  });

  it('HTML abstracts become plain text, Markdown-like text stays, bad addresses and people are noted', () => {
    const text = csv(
      'panel_title,panel_url,panel_convenors,session_start,session_end,paper_title,paper_abstract',
      'P,javascript:alert(1),(UCL); Ada (UCL,2024-06-09 09:00,2024-06-09 10:00,A,"<p>One &amp; two.</p><p>See <a href=""https://example.org/x"">this</a>.</p>"',
      'P,,,2024-06-09 09:00,2024-06-09 10:00,B,"*Not* emphasis, 2 * 3 = 6_x_"',
    );
    const { programme, notes } = read(text);
    const [a, b] = programme.panels[0].sessions![0].papers!;
    expect(a.abstract).to.equal('One & two.\n\nSee this (https://example.org/x).');
    expect(b.abstract).to.equal('*Not* emphasis, 2 * 3 = 6_x_');
    expect(programme.panels[0].url).to.equal(undefined);
    expect(programme.panels[0].convenors).to.deep.equal([{ name: 'Ada (UCL' }]);
    expect(notes).to.include.members([
      'line 2, panel_url: "javascript:alert(1)" is not an http(s) address; it is left out.',
      'line 2, panel_convenors: "(UCL)" names no one, only an affiliation; it is left out.',
    ]);
  });

  it('notes unknown columns, takes the conference from the file name, and reads a time_zone column', () => {
    const text = csv('Panel Title,Session-Start,session_end,room_capacity,time_zone', 'A,2024-03-31 00:30,2024-03-31 03:30,40,Europe/Berlin');
    const { programme, notes } = read(text, { url: 'https://example.org/files/easa_2024.csv?v=2' });
    expect(programme.conference).to.deep.equal({ id: 'easa-2024', title: 'easa 2024', timeZone: 'Europe/Berlin' });
    // Across the spring change: +01:00 at the start, +02:00 at the end.
    expect(programme.panels[0].sessions![0]).to.deep.include({ start: '2024-03-31T00:30:00+01:00', end: '2024-03-31T03:30:00+02:00' });
    expect(notes).to.include('These columns are not part of the layout and were ignored: "room_capacity".');
    expect(notes.some((n) => n.includes('from the file name'))).to.equal(true);
  });

  it('an unknown time_zone is refused unless the host names one', () => {
    const text = csv('panel_title,session_start,session_end,time_zone', 'A,2024-06-09 09:00,2024-06-09 10:00,Mars/Olympus');
    expect(thrown(() => csvProgramme(text, new Notes(), {}))).to.contain('line 2, time_zone: "Mars/Olympus" is not a time zone this browser knows');
    const { programme, notes } = read(text);
    expect(programme.conference.timeZone).to.equal('Europe/London');
    expect(notes[0]).to.contain('"Mars/Olympus" is not a time zone');
  });

  it('the layout is not taken for JSON, XML or a CSV of other columns', () => {
    expect(isCsv('{"version":1,"conference":{},"panels":[]}')).to.equal(false);
    expect(isCsv('<?xml version="1.0"?><schedule/>')).to.equal(false);
    expect(isCsv('name,email\nAda,ada@example.org\n')).to.equal(false);
    expect(isCsv('\n\n  \npanel_title,session_start\n')).to.equal(true);
  });
});

describe('CSV importer: size', () => {
  it('10,000 cells with a stray quote are each read as one cell, in well under 2 s', () => {
    const rows = Array.from({ length: 10_000 }, (_, k) => `P1,Panel,2024-06-09 09:00,2024-06-09 10:00,"Mad" Men ${k},Ada`);
    const t0 = performance.now();
    const notes = new Notes();
    const programme = csvProgramme(csv(HEADER, ...rows), notes, LONDON) as Programme;
    const ms = performance.now() - t0;
    console.log(`CSV: 10,000 rows with a stray quote each imported in ${ms.toFixed(0)} ms`);
    expect(counts(programme)).to.deep.equal({ panels: 1, sessions: 1, papers: 10_000 });
    expect(notes.list()).to.include('line 2, paper_title: has text after the closing quote of a quoted cell; it is kept as part of the cell.');
    expect(ms).to.be.below(2000);
  });

  it('50,000 rows import in well under 2 s', () => {
    const lines = [
      'conference_id,conference_title,panel_id,panel_title,panel_location,panel_convenors,session_id,session_start,session_end,paper_id,paper_title,paper_authors,paper_abstract',
    ];
    for (let p = 0; p < 5_000; p++) {
      for (let s = 0; s < 2; s++) {
        const day = String(1 + (p % 28)).padStart(2, '0');
        const hour = String(9 + s * 2).padStart(2, '0');
        for (let k = 0; k < 5; k++) {
          lines.push(
            `big,Big conference,P${p},"Panel ${p}, on things",Room ${p % 40},Ada Lovelace (UCL); Bob Ng (LSE),P${p}-${s},2024-06-${day} ${hour}:00,2024-06-${day} ${hour}:45,P${p}-${s}-${k},` +
              `Paper ${k} of session ${s},"Carla Diaz (Universidad de Chile); Dev Patel (IIT Delhi)","An abstract, with commas, of paper ${k}. It has two sentences."`,
          );
        }
      }
    }
    const text = lines.join('\n');
    const t0 = performance.now();
    const notes = new Notes();
    const programme = csvProgramme(text, notes, LONDON) as Programme;
    const ms = performance.now() - t0;
    console.log(`CSV: 50,000 rows (${(text.length / 1e6).toFixed(1)} MB) imported in ${ms.toFixed(0)} ms`);
    expect(notes.list()).to.deep.equal([]);
    expect(counts(programme)).to.deep.equal({ panels: 5_000, sessions: 10_000, papers: 50_000 });
    expect(validateProgramme(programme).ok).to.equal(true);
    expect(ms).to.be.below(2000);
  });
});
