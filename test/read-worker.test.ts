import { expect } from '@open-wc/testing';
import { clearProgrammeCache, loadProgramme, loadSettings } from '../src/data/load.js';
import type { ProgrammeLoadError } from '../src/data/load-error.js';
import type { ProgrammeIndex } from '../src/data/programme-index.js';
import { tryWorkersAgain } from '../src/data/read/off-thread.js';
import { programmeUrl } from './helpers.js';

let counter = 0;
const fresh = (src: string) => `${src}${src.includes('?') ? '&' : '?'}w=${Date.now()}-${++counter}`;
const real = (name: string) => fresh(`/test/fixtures/interop/${name}`);

/** Whether the page asked for the reader Worker's script since `since` resource entries. */
const workerScriptsSince = (since: number) =>
  performance
    .getEntriesByType('resource')
    .slice(since)
    .filter((e) => /read-worker\.(js|ts)/.test(e.name)).length;

/** The programme read on the page and again in a Worker (a fresh request each), with whether a Worker was asked for. */
async function bothWays(src: string, format?: Parameters<typeof loadProgramme>[2], timeZone?: string) {
  const before = performance.getEntriesByType('resource').length;
  loadSettings.workerFrom = Infinity;
  const here = await settle(loadProgramme(fresh(src), undefined, format, timeZone));
  const between = performance.getEntriesByType('resource').length;
  loadSettings.workerFrom = 0;
  const there = await settle(loadProgramme(fresh(src), undefined, format, timeZone));
  return { here, there, workerOnPage: workerScriptsSince(before) - workerScriptsSince(between), workerAsked: workerScriptsSince(between) };
}

type Outcome = { index?: ProgrammeIndex; error?: ProgrammeLoadError & { reason?: string } };
const settle = (p: Promise<ProgrammeIndex>): Promise<Outcome> =>
  p.then(
    (index) => ({ index }),
    (error) => ({ error }),
  );

/** What a reader would get from a load: the programme and how it was read, or the error's fields, with the URL's unique query taken out. */
const seen = (o: Outcome) =>
  JSON.parse(
    JSON.stringify(
      o.index
        ? { programme: o.index.programme, source: o.index.source }
        : { kind: o.error?.kind, message: o.error?.message, problems: o.error?.problems, reason: o.error?.reason },
    ).replace(/[?&]w=[\d-]+/g, ''),
  );

describe('reading big programmes in a Worker', () => {
  const saved = loadSettings.workerFrom;
  const RealWorker = window.Worker;
  afterEach(() => {
    loadSettings.workerFrom = saved;
    window.Worker = RealWorker;
    tryWorkersAgain();
    clearProgrammeCache();
  });

  it('reads our own format in a Worker to the same programme as on the page', async () => {
    const { here, there, workerAsked, workerOnPage } = await bothWays(programmeUrl('demo'));
    expect(workerOnPage).to.equal(0, 'a body under workerFrom is read on the page');
    expect(workerAsked).to.be.greaterThan(0, 'the Worker was asked for');
    expect(there.index?.programme.panels.length).to.equal(here.index?.programme.panels.length);
    expect(seen(there)).to.deep.equal(seen(here));
  });

  it('reads the 5,000-session benchmark programme in a Worker, every panel in order', async () => {
    const { here, there } = await bothWays('/generated/5000.json?days=4&rooms=20');
    const ids = (o: Outcome) => o.index?.programme.panels.map((p) => p.id) ?? [];
    expect(ids(there).length).to.equal(ids(here).length);
    expect(ids(there).length).to.be.greaterThan(1000);
    expect(ids(there).join()).to.equal(ids(here).join());
    const session = here.index!.programme.panels[here.index!.programme.panels.length - 1].sessions![0];
    expect(there.index?.session(session.id)?.start).to.equal(session.start);
  });

  for (const [name, format, zone] of [
    ['frab-fosdem2021.xml', 'auto', 'Europe/Brussels'],
    ['frab-debconf23.xml', 'auto'],
    ['ical-lca2020.ics', 'auto'],
    ['sessionize-gab2022.json', 'auto', 'Europe/Vienna'],
    ['indico-fel2022-sessions.json', 'auto'],
  ] as const) {
    it(`reads ${name} in a Worker as on the page`, async () => {
      const { here, there } = await bothWays(real(name), format, zone);
      expect(here.index, here.error?.message).to.not.equal(undefined);
      expect(seen(there)).to.deep.equal(seen(here));
    });
  }

  it('says the same about a file without its zone, an invalid programme and a partly broken one', async () => {
    const noZone = await bothWays(real('frab-fosdem2021.xml'));
    expect(noZone.there.error?.reason).to.equal('needsTimeZone');
    expect(seen(noZone.there)).to.deep.equal(seen(noZone.here));
    const invalid = await bothWays(programmeUrl('invalid-time-zone'));
    expect(invalid.there.error?.kind).to.equal('invalid');
    expect(seen(invalid.there)).to.deep.equal(seen(invalid.here));
    const partly = await bothWays(programmeUrl('invalid'));
    expect(seen(partly.there)).to.deep.equal(seen(partly.here));
  });

  it('says what was left out once, in the page’s own console, read on the page or in a Worker', async () => {
    const warn = console.warn;
    for (const workerFrom of [Infinity, 0]) {
      loadSettings.workerFrom = workerFrom;
      const warned: string[] = [];
      console.warn = (...args: unknown[]) => void warned.push(args.join(' '));
      try {
        await settle(loadProgramme(fresh(programmeUrl('invalid'))));
      } finally {
        console.warn = warn;
      }
      expect(warned.length).to.equal(1, warned.join('\n'));
      expect(warned[0]).to.match(/^programme-elements: The programme at .* has mistakes in \d+ items?, which (is|are) not shown/);
    }
  });

  it('reads on the page when no Worker may start, or its script cannot be had', async () => {
    const { here } = await bothWays(programmeUrl('demo'));
    loadSettings.workerFrom = 0;
    window.Worker = class {
      constructor() {
        throw new DOMException('Workers are not allowed here', 'SecurityError');
      }
    } as unknown as typeof Worker;
    expect(seen(await settle(loadProgramme(fresh(programmeUrl('demo')))))).to.deep.equal(seen(here));
    tryWorkersAgain();
    window.Worker = class extends RealWorker {
      constructor(_url: string | URL, options?: WorkerOptions) {
        super('/no-such-worker.js', options);
      }
    };
    expect(seen(await settle(loadProgramme(fresh(programmeUrl('demo')))))).to.deep.equal(seen(here));
  });

  it('stops the Worker when every caller has given up', async () => {
    loadSettings.workerFrom = 0;
    const started: Worker[] = [];
    let terminated = 0;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(this);
      }
      override terminate() {
        terminated++;
        super.terminate();
      }
    };
    const abort = new AbortController();
    const load = settle(loadProgramme(fresh('/generated/5000.json?days=4&rooms=20'), abort.signal));
    for (let i = 0; i < 400 && !started.length; i++) await new Promise((r) => setTimeout(r, 5));
    expect(started.length).to.equal(1, 'a Worker was started');
    abort.abort();
    expect((await load).error?.name).to.equal('AbortError');
    expect(terminated).to.equal(1);
  });
});
