import { expect } from '@open-wc/testing';
import type { Programme } from '../src/data/types.js';
import { validateProgramme } from '../src/data/validate.js';

/**
 * `programme-elements convert`, run by the test server as a host runs it (`node
 * bin/programme-elements.mjs`, on the built package): the same importers as the elements, a
 * programme v1 on standard output, what was mapped and left out on standard error, and a clear
 * message with a non-zero exit (and nothing written) on bad input.
 */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
const run = async (...args: string[]): Promise<Run> => (await fetch(`/cli?args=${encodeURIComponent(JSON.stringify(args))}`)).json();

describe('the converter', function () {
  this.timeout(60_000);

  it('converts a schedule.xml to a valid programme and says what it read', async () => {
    const { code, stdout, stderr } = await run('convert', 'test/fixtures/interop/frab-31c3.xml');
    expect(code, stderr).to.equal(0);
    const programme = JSON.parse(stdout) as Programme;
    expect(validateProgramme(programme).problems).to.deep.equal([]);
    expect(programme.panels).to.have.length(138);
    expect(stderr).to.contain('read as frab; 138 panels, 138 sessions, 0 papers');
  });

  it('asks for --time-zone when the feed names none, and converts with it', async () => {
    const without = await run('convert', 'test/fixtures/interop/sessionize-gab2022.json');
    expect(without.code).to.equal(1);
    expect(without.stdout).to.equal('');
    expect(without.stderr).to.contain('--time-zone=Area/City');
    const given = await run('convert', 'test/fixtures/interop/sessionize-gab2022.json', '--time-zone=Europe/Vienna');
    expect(given.code, given.stderr).to.equal(0);
    expect((JSON.parse(given.stdout) as Programme).panels).to.have.length(24);
  });

  it('reads an iCalendar feed and an Indico export the same way the elements do', async () => {
    const ics = await run('convert', 'test/fixtures/interop/ical-lca2020.ics');
    expect(ics.code, ics.stderr).to.equal(0);
    expect(ics.stderr).to.contain('read as ical; 262 panels');
    const indico = await run('convert', 'test/fixtures/interop/indico-fel2022-sessions.json');
    expect(indico.code, indico.stderr).to.equal(0);
    expect(indico.stderr).to.contain('read as indico; 21 panels, 21 sessions, 256 papers');
  });

  it('fails clearly, writing nothing: a missing file, an unknown format, an unreadable document, a wrong command', async () => {
    const missing = await run('convert', '/nope.json');
    expect([missing.code, missing.stdout]).to.deep.equal([1, '']);
    expect(missing.stderr).to.contain('/nope.json cannot be read (ENOENT)');
    const format = await run('convert', 'test/fixtures/interop/frab-31c3.xml', '--format=bogus');
    expect([format.code, format.stdout]).to.deep.equal([2, '']);
    expect(format.stderr).to.contain('Unknown format "bogus"');
    const other = await run('convert', 'test/fixtures/interop/other-europython2014.xml');
    expect([other.code, other.stdout]).to.deep.equal([1, '']);
    expect(other.stderr).to.contain('not a frab/pentabarf schedule.xml');
    const usage = await run('convert');
    expect(usage.code).to.equal(2);
    expect(usage.stderr).to.contain('usage: programme-elements convert INPUT');
  });
});
