/**
 * Which command runs? The command line of programme-elements (bin/programme-elements.mjs runs
 * `main`, built to dist/cli.js): `convert` (convert.ts) and `render` (render.ts), and the usage
 * text of both. Exit status 0 on success, 1 on bad input, 2 on a wrong command line.
 */
import { PROGRAMME_FORMATS } from '../data/formats.js';
import { parseArgs } from './args.js';
import { CONVERT_FLAGS, runConvert } from './convert.js';
import { RENDER_VALUE_FLAGS, runRender } from './render.js';
import { UsageError } from './usage-error.js';

export { convert, type ConvertOptions } from './convert.js';
export { render, type RenderOptions } from './render.js';
export { UsageError };

const FORMATS = PROGRAMME_FORMATS.join('|');

/** What `programme-elements --help` prints. */
export const USAGE = `usage: programme-elements convert INPUT [--format=${FORMATS}] [--time-zone=Area/City] [--out=FILE]
  INPUT is a file or an http(s) or webcal URL; the programme goes to standard output (or FILE),
  what was mapped, guessed and left out to standard error.

usage: programme-elements render PROGRAMME --element=ELEMENT [options] [--out=FILE] [--css[=PATH]]
       programme-elements render --css [--out=FILE]
  Static HTML of what the element shows, for pages that allow no scripts (WordPress for editors
  without unfiltered_html) and for search engines: only tags and attributes WordPress keeps, no
  inline styles, text always escaped, links only http(s) and mailto. The fragment goes to standard
  output (or FILE); nothing is written when anything fails. PROGRAMME is a file or an http(s) URL,
  in any format convert reads.
  --element=panel-card --panel-id=ID            one panel: details, people, sessions, papers, abstracts
  --element=session-list [presets]              the whole programme by day, as the list shows it; presets
      --day=yyyy-MM-dd --theme=T --panel-format=F --location=L --panel-ids=ID,ID --person=P
      --affiliation=A --query=WORDS --panel-href=/programme/{id}   (the list's attributes)
  --element=abstract-view --paper-id=ID         one paper's abstract
  --time-zone=Area/City   show times in this zone (default: the conference's), also the zone of a
                          source that names none
  --lang=en|de            the elements' words and date formats (default en)
  --format=${FORMATS}
  --heading-level=N       level of the first heading (default 2)
  --css                   also write the stylesheet for the pe-… classes, to FILE.css beside --out
                          FILE (FILE without .html); --css=PATH writes it there; --css alone (no
                          PROGRAMME) prints it. WordPress strips <style>: add it to the theme
                          (Additional CSS) or link it.
  --enhance [--src=URL]   wrap the HTML in the element's own tag with its attributes, so that where
                          the script loads the element takes over; src is PROGRAMME when it is a
                          URL, else --src says where the page loads it from.
  A value may also follow its flag after a space: --panel-id P021.`;

/** The command line: `argv` without node and the script. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command === undefined || command === '--help' || command === 'help') {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (command !== 'convert' && command !== 'render') throw new UsageError(`Unknown command ${JSON.stringify(command)}: use convert or render.`, 2);
    const { inputs, flags } = parseArgs(argv, command === 'convert' ? CONVERT_FLAGS : RENDER_VALUE_FLAGS);
    if (flags.has('help')) {
      process.stderr.write(`${USAGE}\n`);
      return 0;
    }
    if (command === 'convert') await runConvert(inputs, flags);
    else await runRender(inputs, flags);
    return 0;
  } catch (e) {
    // A command given alone gets the whole usage; any other wrong command line, a pointer to it.
    const usage = e instanceof UsageError && e.code === 2 ? (argv.length === 1 ? `\n${USAGE}` : '\n(programme-elements --help says how to use it.)') : '';
    process.stderr.write(`programme-elements: ${(e as Error).message}${usage}\n`);
    return e instanceof UsageError ? e.code : 1;
  }
}
