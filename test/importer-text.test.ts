import { expect } from '@open-wc/testing';
import { plainText } from '../src/data/importers/text.js';

/**
 * Descriptions from other systems become text in time that grows with their length, whatever
 * they hold: unclosed Markdown markers, brackets, links and comments once took seconds.
 */
describe('rich text from other systems, hostile', () => {
  const timed = (input: string) => {
    const started = performance.now();
    const out = plainText(input);
    return { ms: performance.now() - started, out };
  };
  const cases: Record<string, string> = {
    'strong markers that never close': '**a '.repeat(50_000),
    'underscores that never close': '__a '.repeat(50_000),
    'emphasis markers': '*a '.repeat(60_000),
    'brackets that never close': '[a'.repeat(100_000),
    'images that never close': '![a'.repeat(60_000),
    'links that never close': '<a href="https://x.org">a '.repeat(8_000),
    'comments that never close': '<!-- a '.repeat(30_000),
    'scripts that never close': '<script>a '.repeat(20_000),
    'a heading of spaces': `# ${' '.repeat(200_000)}x`,
    'one word of a million letters': 'a'.repeat(1_000_000),
  };
  for (const [name, input] of Object.entries(cases)) {
    it(`reads ${name} (${Math.round(input.length / 1000)} k characters) in well under a second`, () => {
      const { ms, out } = timed(input);
      expect(ms, `${name}: ${Math.round(ms)} ms`).to.be.below(250);
      expect(out?.length ?? 0).to.be.greaterThan(0);
    });
  }

  it('still reads what the markers mean', () => {
    expect(plainText('**Bold** and __strong__, *em*, [a link](https://x.org) and `code`')).to.equal('Bold and strong, em, a link (https://x.org) and code');
    expect(plainText('<p>One <a href="https://x.org/a">page</a></p><!-- gone --><script>gone()</script>')).to.equal('One page (https://x.org/a)');
  });
});

describe('ids made from titles', () => {
  it('keeps accented letters whole: "Kraków Łódź Café" becomes krakow-łodz-cafe, not krako-w', async () => {
    const { buildProgramme } = await import('../src/data/importers/build.js');
    const { Notes } = await import('../src/data/importers/notes.js');
    const notes = new Notes();
    const programme = buildProgramme({ prefix: 'x', conference: { title: 'Kraków Łódź Café', timeZone: 'UTC', zoneField: 'zone' }, talks: [] }, notes);
    expect(programme.conference.id).to.equal('krakow-łodz-cafe');
  });
});
