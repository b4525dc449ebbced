import { expect } from '@open-wc/testing';
import { loadProgramme } from '../src/data/load.js';
import { ProgrammeLoadError } from '../src/data/load-error.js';
import { hits, programmeUrl } from './helpers.js';

async function failure(src: string): Promise<ProgrammeLoadError> {
  try {
    await loadProgramme(src);
  } catch (e) {
    expect(e).to.be.instanceOf(ProgrammeLoadError);
    return e as ProgrammeLoadError;
  }
  throw new Error(`${src} loaded, but should have failed`);
}

describe('loadProgramme', () => {
  it('indexes panels, sessions and papers by id', async () => {
    const index = await loadProgramme(programmeUrl('sparse'));
    expect(index.panel('BARE')?.title).to.equal('A panel with nothing else');
    expect(index.session('THIN-1')?.start).to.equal('2024-06-09T09:00:00Z');
    expect(index.paper('THIN-1-b')?.shortAbstract).to.equal('Just this.');
    expect(index.find('THIN-1-a')).to.include({ kind: 'paper' });
    expect(index.panel('THIN-1')).to.equal(undefined, 'a session id is not a panel');
    expect(index.find('NOPE')).to.equal(undefined);
  });

  it('makes one request however many callers ask for the same URL at once', async () => {
    const src = programmeUrl('sparse', { delay: 100 });
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => loadProgramme(src)));
    expect(new Set(all).size).to.equal(1);
    expect(await hits(src)).to.equal(1);
  });

  it('aborts the request only when every caller has given up', async () => {
    const src = programmeUrl('sparse', { delay: 300 });
    const a = new AbortController();
    const b = new AbortController();
    const first = loadProgramme(src, a.signal);
    const second = loadProgramme(src, b.signal);
    a.abort();
    await first.then(
      () => expect.fail('the first caller aborted'),
      (e) => expect(e.name).to.equal('AbortError'),
    );
    expect((await second).panel('BARE')).to.exist;
  });

  it('says which step failed: HTTP status', async () => {
    const e = await failure('/status/404?t=load');
    expect(e.kind).to.equal('http');
    expect(e.status).to.equal(404);
    expect(e.message).to.contain('HTTP 404');
  });

  it('says which step failed: a body that is not JSON', async () => {
    expect((await failure('/not-json')).kind).to.equal('not-json');
  });

  it('says which step failed: an invalid document, with paths', async () => {
    const e = await failure(programmeUrl('invalid-time-zone'));
    expect(e.kind).to.equal('invalid');
    expect(e.problems).to.deep.equal([
      { path: 'conference.timeZone', message: '"Mars/Olympus_Mons" is not an IANA time zone' },
      { path: 'panels[1].sessions[0].start', message: '"9am" is not an ISO 8601 date-time with an offset' },
    ]);
  });

  it('loads a document with mistakes only inside some panels without those items, and says which', async () => {
    const index = await loadProgramme(programmeUrl('invalid'));
    expect(index.panel('P3')?.sessions).to.deep.equal([]);
    expect(index.session('P3-1')).to.equal(undefined);
    expect(index.source.skipped?.items).to.deep.equal([
      {
        path: 'panels[2].sessions[0]',
        id: 'P3-1',
        kind: 'session',
        panelId: 'P3',
        problems: [{ path: 'panels[2].sessions[0].start', message: '"9am" is not an ISO 8601 date-time with an offset' }],
      },
    ]);
    expect(index.source.skipped?.message).to.contain('panels[2].sessions[0] (session P3-1)');
  });

  it('says which step failed: the network', async () => {
    // Port 9 (discard) on loopback refuses the connection.
    expect((await failure('http://127.0.0.1:9/programme.json')).kind).to.equal('network');
  });

  it('forgets a failure so that a retry asks again', async () => {
    await failure('/status/500?t=retry');
    await failure('/status/500?t=retry');
    expect(await hits('/status/500?t=retry')).to.equal(2);
  });
});
