/**
 * `programme-elements convert INPUT [--format=…] [--time-zone=…] [--out=FILE]`: reads another
 * system's export (a file or an http(s) URL) with the same importers the elements use, checks the
 * result, writes the programme format v1 to standard output (or FILE), and says on standard error
 * what it mapped, what it left out and why. Exits 1 with a clear message on bad input, 2 on a
 * wrong command line; writes nothing then.
 */
import { DOMParser } from '@xmldom/xmldom';
import { readFile, writeFile } from 'node:fs/promises';
import { isProgrammeFormat, PROGRAMME_FORMATS, type ProgrammeFormat } from '../data/formats.js';
import { importDocument } from '../data/importers/index.js';
import type { Programme } from '../data/types.js';
import { validateProgramme } from '../data/validate.js';

export interface ConvertOptions {
  format?: string;
  timeZone?: string;
  out?: string;
}

/** A failure the person running the command can act on: its message is all they need. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

async function bytesOf(input: string): Promise<Uint8Array> {
  if (/^(https?|webcal):\/\//i.test(input)) {
    const url = input.replace(/^webcal:/i, 'https:');
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    } catch (e) {
      throw new UsageError(`${url} could not be reached (${(e as Error).message}).`, 1);
    }
    if (!response.ok) throw new UsageError(`${url} answered HTTP ${response.status}.`, 1);
    return new Uint8Array(await response.arrayBuffer());
  }
  try {
    return new Uint8Array(await readFile(input));
  } catch (e) {
    throw new UsageError(`${input} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, 1);
  }
}

const counts = (p: Programme) => {
  const sessions = p.panels.flatMap((panel) => panel.sessions ?? []);
  return `${p.panels.length} panels, ${sessions.length} sessions, ${sessions.reduce((n, s) => n + (s.papers?.length ?? 0), 0)} papers`;
};

/** Converts `input`; returns what was written and the report for standard error. */
export async function convert(input: string, options: ConvertOptions = {}): Promise<{ json: string; report: string[] }> {
  const format = options.format ?? 'auto';
  if (!isProgrammeFormat(format)) throw new UsageError(`Unknown format ${JSON.stringify(format)}: use one of ${PROGRAMME_FORMATS.join(', ')}.`, 2);
  const bytes = await bytesOf(input);
  let json: unknown = bytes;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    // Not JSON: the importers read the bytes (XML, iCalendar, CSV) or say what is wrong.
  }
  let result;
  try {
    result = await importDocument(json, format as ProgrammeFormat, {
      url: /^https?:/i.test(input) ? input : undefined,
      timeZone: options.timeZone,
      DOMParser: DOMParser as unknown as typeof globalThis.DOMParser,
    });
  } catch (e) {
    throw new UsageError(`${input} could not be read: ${(e as Error).message}`, 1);
  }
  const checked = validateProgramme(result.programme);
  if (!checked.ok) {
    const problems = checked.problems.slice(0, 20).map((p) => `  ${p.path}: ${p.message}`);
    throw new UsageError(`${input} was read as ${result.format}, but the result is not a valid programme:\n${problems.join('\n')}`, 1);
  }
  const programme = checked.programme;
  const report = [
    `${input}: read as ${result.format}; ${counts(programme)}; times in ${programme.conference.timeZone}.`,
    ...result.notes.map((n) => `note: ${n}`),
    ...(result.skipped ? [`left out: ${result.skipped.message}`] : []),
  ];
  return { json: `${JSON.stringify(programme, null, 2)}\n`, report };
}

const USAGE = `usage: programme-elements convert INPUT [--format=${PROGRAMME_FORMATS.join('|')}] [--time-zone=Area/City] [--out=FILE]
  INPUT is a file or an http(s) or webcal URL; the programme goes to standard output (or FILE),
  what was mapped, guessed and left out to standard error.`;

/** The command line: `argv` without node and the script. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Map<string, string>();
  const inputs: string[] = [];
  for (const arg of rest) {
    const flag = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (flag) flags.set(flag[1], flag[2]);
    else if (arg.startsWith('--')) flags.set(arg.slice(2), '');
    else inputs.push(arg);
  }
  if (command !== 'convert' || inputs.length !== 1 || flags.has('help') || [...flags.keys()].some((k) => !['format', 'time-zone', 'out'].includes(k))) {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || flags.has('help') ? 0 : 2;
  }
  try {
    const { json, report } = await convert(inputs[0], { format: flags.get('format'), timeZone: flags.get('time-zone'), out: flags.get('out') });
    const out = flags.get('out');
    if (out) await writeFile(out, json);
    else process.stdout.write(json);
    process.stderr.write(`${report.join('\n')}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`programme-elements: ${(e as Error).message}\n`);
    return e instanceof UsageError ? e.code : 1;
  }
}
