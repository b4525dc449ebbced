import { expect } from '@open-wc/testing';
import { validateProgramme } from '../src/data/validate.js';

interface Case {
  name: string;
  valid: boolean;
  /** Valid for the JSON Schema, invalid for the runtime validator (zones, unique ids, order of times, real dates). */
  semanticOnly?: boolean;
  document: unknown;
  paths?: string[];
}

const cases: Case[] = await (await fetch('/test/fixtures/validation/cases.json')).json();

async function schemaVerdict(document: unknown): Promise<{ valid: boolean; errors: unknown[] }> {
  const response = await fetch('/schema/validate', { method: 'POST', body: JSON.stringify(document), headers: { 'content-type': 'application/json' } });
  return response.json();
}

describe('programme validation', () => {
  it('has a corpus worth the name', () => {
    expect(cases.filter((c) => c.valid).length).to.be.greaterThan(5);
    expect(cases.filter((c) => !c.valid && !c.semanticOnly).length).to.be.greaterThan(30);
    expect(cases.filter((c) => c.semanticOnly).length).to.be.greaterThan(3);
  });

  for (const c of cases) {
    it(`agrees with the JSON Schema: ${c.name}`, async () => {
      const runtime = validateProgramme(c.document);
      expect(runtime.ok, 'runtime verdict').to.equal(c.valid);
      if (!runtime.ok && c.paths) expect(runtime.problems.map((p) => p.path)).to.deep.equal(c.paths);
      const schema = await schemaVerdict(c.document);
      expect(schema.valid, `schema verdict ${JSON.stringify(schema.errors)}`).to.equal(c.valid || !!c.semanticOnly);
    });
  }

  it('names a problem by path and reason', () => {
    const result = validateProgramme({
      version: 1,
      conference: { id: 'c', title: 'C', timeZone: 'Asia/Almaty' },
      panels: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
        { id: 'c2', title: 'C', sessions: [{ id: 's', start: '9am', end: '2024-06-09T10:00:00+05:00' }] },
      ],
    });
    expect(result.ok).to.equal(false);
    expect(result.problems).to.deep.equal([{ path: 'panels[2].sessions[0].start', message: '"9am" is not an ISO 8601 date-time with an offset' }]);
  });

  it('checks what the schema cannot: zones, unique ids, times in order', () => {
    const result = validateProgramme({
      version: 1,
      conference: { id: 'c', title: 'C', timeZone: 'Mars/Olympus' },
      panels: [{ id: 'P1', title: 'A', sessions: [{ id: 'P1', start: '2024-06-09T10:00:00+05:00', end: '2024-06-09T09:00:00+05:00' }] }],
    });
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).to.deep.equal([
      'conference.timeZone: "Mars/Olympus" is not an IANA time zone',
      'panels[0].sessions[0].id: "P1" is already the id of panels[0]',
      'panels[0].sessions[0].end: "2024-06-09T09:00:00+05:00" is before the start "2024-06-09T10:00:00+05:00"',
    ]);
  });

  it('caps the report of a hopeless document at 100 problems', () => {
    const panels = Array.from({ length: 500 }, () => ({ id: 1, title: 2 }));
    const result = validateProgramme({ version: 1, conference: { id: 'c', title: 'C', timeZone: 'UTC' }, panels });
    expect(result.problems).to.have.length(100);
  });
});
