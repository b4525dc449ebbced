import { skippedOf, type Skipped, type SkippedItem } from './skipped.js';
import { isObject, type Obj } from './json-guard.js';
import type { Programme } from './types.js';
import { MAX_PROBLEMS, validateProgramme, type ValidationProblem } from './validate.js';

export type { Skipped, SkippedItem };

export interface Salvaged {
  /** The document without the broken items: a copy along the pruned paths, sharing the rest. */
  doc: unknown;
  skipped: Skipped;
}

const KINDS = ['panel', 'session', 'paper'] as const;
const LISTS = ['panels', 'sessions', 'papers'] as const;

/** `panels[1]`, then optionally `.sessions[0]`, then optionally `.papers[2]`, ending where a segment ends. */
const ITEM_PATH = /^panels\[(\d+)\](?:\.sessions\[(\d+)\](?:\.papers\[(\d+)\])?)?(?=[.[]|$)/;

/**
 * Decides whether a programme that failed validation can still be shown in part, and if so,
 * returns a copy without the broken items and the list of what was left out. Framework-free and
 * pure: `doc` is never changed.
 *
 * The rule: a document is salvageable only when
 * - (a) every problem lies inside one panel (its path starts with `panels[i]`), so the
 *   document-level parts (`version`, `conference` and its time zone, the `panels` array itself)
 *   are sound;
 * - (b) the problem list is complete: fewer than the validator's `MAX_PROBLEMS`, at which it stops
 *   collecting, so there is no unseen problem elsewhere;
 * - (c) at least one panel survives.
 *
 * For each problem the innermost panel, session or paper whose path contains it is dropped:
 * `panels[1].sessions[0].papers[0].abstract` drops that paper, `panels[1].sessions[0].end` that
 * session, `panels[1].convenors[0].name` or `panels[1].sessions` (not an array) panel 1, and a
 * duplicate id the later item, the one the validator names. An item inside another dropped item
 * is not listed apart: its problems go to the outer one.
 *
 * A path that names no item of `doc` makes it unsalvageable too. The caller must validate the
 * result again and use it only if that passes (`loadProgramme` does, through `partial`): this
 * function trusts that the problems are the validator's, complete, for this very document.
 *
 * @param where names the document in the message, e.g. its URL.
 * @returns undefined when the document cannot be salvaged.
 */
export function salvageProgramme(doc: unknown, problems: ValidationProblem[], where = 'this document'): Salvaged | undefined {
  if (!problems.length || problems.length >= MAX_PROBLEMS || !isObject(doc) || !Array.isArray(doc.panels)) return undefined;

  // Group the problems by the innermost item holding each, keyed by its indices ("1", "1.0", "1.0.2").
  const byItem = new Map<string, { at: number[]; problems: ValidationProblem[] }>();
  for (const problem of problems) {
    const m = ITEM_PATH.exec(problem.path);
    if (!m) return undefined;
    const at = m
      .slice(1)
      .filter((i) => i !== undefined)
      .map(Number);
    const key = at.join('.');
    const entry = byItem.get(key) ?? byItem.set(key, { at, problems: [] }).get(key)!;
    entry.problems.push(problem);
  }

  // An item inside a dropped one goes with it; its problems join the outer item's.
  const dropped = new Map<string, { at: number[]; problems: ValidationProblem[] }>();
  const keys = [...byItem.keys()].sort(byIndices);
  for (const key of keys) {
    const entry = byItem.get(key)!;
    const outer = entry.at
      .map((_, n) => entry.at.slice(0, n).join('.'))
      .slice(1)
      .find((k) => dropped.has(k));
    if (outer) dropped.get(outer)!.problems.push(...entry.problems);
    else dropped.set(key, { at: entry.at, problems: [...entry.problems] });
  }

  const items: SkippedItem[] = [];
  const ids: string[] = [];
  for (const { at, problems: theirs } of dropped.values()) {
    const item = itemAt(doc, at);
    if (item === MISSING) return undefined;
    const path = at.map((i, n) => `${LISTS[n]}[${i}]`).join('.');
    const id = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
    const panel = at.length > 1 ? itemAt(doc, at.slice(0, 1)) : undefined;
    const panelId = isObject(panel) && typeof panel.id === 'string' ? panel.id : undefined;
    items.push({ path, ...(id !== undefined ? { id } : {}), kind: KINDS[at.length - 1], ...(panelId !== undefined ? { panelId } : {}), problems: theirs });
    collectIds(item, at.length - 1, ids);
  }

  const pruned = prune(doc, 'panels', [], dropped);
  if (!pruned || !(pruned.panels as unknown[]).length) return undefined;
  return { doc: pruned, skipped: skippedOf(where, items, problems, ids) };
}

/**
 * For `loadProgramme`, given a document that failed validation (`invalid` is the validator's
 * answer): the rest of it, validated again, and what was left out; undefined when it cannot be
 * salvaged or the rest is still not valid. `skipped.message` names `where` and the items left out,
 * for the caller to say in the console.
 */
export async function partial(
  doc: unknown,
  invalid: { problems: ValidationProblem[] },
  where: string,
): Promise<{ programme: Programme; skipped: Skipped } | undefined> {
  const salvaged = salvageProgramme(doc, invalid.problems, where);
  if (!salvaged) return undefined;
  // A big document is validated twice: let the page paint in between.
  await new Promise((resolve) => setTimeout(resolve));
  const result = validateProgramme(salvaged.doc);
  if (!result.ok) return undefined;
  return { programme: result.programme, skipped: salvaged.skipped };
}

/** Orders keys like "1", "1.0", "1.0.2", "10" by their indices, as the document has them. */
function byIndices(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

const MISSING = Symbol('missing');

/** The panel, session or paper at these indices, or MISSING when the document has no such item. */
function itemAt(doc: Obj, at: number[]): unknown {
  let node: unknown = doc;
  for (let n = 0; n < at.length; n++) {
    const list = isObject(node) ? node[LISTS[n]] : undefined;
    if (!Array.isArray(list) || at[n] >= list.length) return MISSING;
    node = list[at[n]];
  }
  return node;
}

/** Adds the string ids of `item` and of everything inside it (depth 0 panel, 1 session, 2 paper). */
function collectIds(item: unknown, depth: number, ids: string[]): void {
  if (!isObject(item)) return;
  if (typeof item.id === 'string') ids.push(item.id);
  const children = LISTS[depth + 1] ? item[LISTS[depth + 1]] : undefined;
  if (Array.isArray(children)) for (const child of children) collectIds(child, depth + 1, ids);
}

/**
 * A copy of `node` whose list `key` leaves out the dropped items below `at`, copying only the
 * items that themselves lose something. Undefined when a path leads where the document has no list.
 */
function prune(node: Obj, key: (typeof LISTS)[number], at: number[], dropped: Map<string, unknown>): Obj | undefined {
  const list = node[key];
  if (!Array.isArray(list)) return undefined;
  const depth = at.length;
  const below = [...dropped.keys()].map((k) => k.split('.').map(Number)).filter((k) => k.length > depth && at.every((i, n) => k[n] === i));
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    const mine = below.filter((k) => k[depth] === i);
    if (mine.some((k) => k.length === depth + 1)) continue;
    if (!mine.length) {
      out.push(list[i]);
      continue;
    }
    const child = list[i];
    if (!isObject(child)) return undefined;
    const copy = prune(child, LISTS[depth + 1], [...at, i], dropped);
    if (!copy) return undefined;
    out.push(copy);
  }
  return { ...node, [key]: out };
}
