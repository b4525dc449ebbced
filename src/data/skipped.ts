/** What a programme was shown without, and how to say so: shared by the validator's salvage and the importers. */
import type { ValidationProblem } from './validate.js';

/** One panel, session or paper left out of a partly broken programme, and why. */
export interface SkippedItem {
  /** Where it was: `panels[1]`, `panels[1].sessions[0]` or `panels[1].sessions[0].papers[2]`. */
  path: string;
  /** Its id, when it had a string one. */
  id?: string;
  /**
   * A panel, session or paper of the programme; or, in another system's export, an `event`
   * (talk, workshop), or a `day` or `room` whose events could not be read at all.
   */
  kind: 'panel' | 'session' | 'paper' | 'event' | 'day' | 'room';
  /** For a session or paper: the id of the panel it belongs to, which is still shown. */
  panelId?: string;
  /** What is wrong with it (or with anything inside it). */
  problems: ValidationProblem[];
}

/**
 * What a programme that loaded only in part lost: carried by `ProgrammeIndex.source.skipped`, and
 * (a copy of it) the detail of the `programme-error` of kind `partial` that elements fire.
 */
export interface Skipped {
  kind: 'partial';
  /** For the console and `programme-error`: where, how many, and each item by path, id and reason. */
  message: string;
  /** Every validation problem of the document as it was (each lies inside one of `items`). */
  problems: ValidationProblem[];
  /** The items left out, in document order. */
  items: SkippedItem[];
  /**
   * Every string id inside the items left out, their sessions and papers included, so that an
   * element asked for one of them can say why it is missing.
   */
  ids: string[];
}

/**
 * What a document was shown without, from the items left out and where the document came from.
 * `problems` defaults to the items' own; `ids` to none (the importers' items are not ids of the programme).
 */
export function skippedOf(where: string, items: SkippedItem[], problems = items.flatMap((i) => i.problems), ids: string[] = []): Skipped {
  return { kind: 'partial', message: describeSkipped(where, items), problems, items, ids };
}

/** The longest a message gets; past it, the remaining items are only counted. */
const MESSAGE_LENGTH = 2000;

/**
 * "The programme at URL has mistakes in 2 items, which are not shown: panels[1] (panel B2):
 * panels[1].title is required; …", cut to about MESSAGE_LENGTH characters.
 */
export function describeSkipped(where: string, items: SkippedItem[]): string {
  const n = items.length;
  let message = `The programme at ${where} has mistakes in ${n} ${n === 1 ? 'item, which is' : 'items, which are'} not shown:`;
  for (let i = 0; i < n; i++) {
    const { path, id, kind, problems } = items[i];
    let line = ` ${path} (${kind}${id !== undefined ? ` ${clip(id, 60)}` : ''}): ${problems.map((p) => `${p.path} ${p.message}`).join(', ')}`;
    line = `${clip(line, 400)}${i < n - 1 ? ';' : '.'}`;
    if (message.length + line.length > MESSAGE_LENGTH) {
      message += ` … and ${n - i} more.`;
      break;
    }
    message += line;
  }
  return message;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
