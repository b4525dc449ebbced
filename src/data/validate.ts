import { isObject, type Obj } from './json-guard.js';
import type { Programme } from './types.js';

/** One thing wrong with a document: where (`panels[2].sessions[0].start`) and why. */
export interface ValidationProblem {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; programme: Programme; problems: [] } | { ok: false; problems: ValidationProblem[] };

/** ISO 8601 date-time that carries its offset (`Z` or `±hh:mm`). Same pattern as the schema. */
export const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * True when the `yyyy-mm-dd` that starts `v` names a real calendar day. The pattern alone lets
 * 2024-02-30 through, and V8's Date.parse quietly rolls it over to 1 March (other engines say NaN).
 */
const isCalendarDate = (v: string): boolean => {
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
};

/**
 * Stop collecting after this many problems: a broken 20 MB file should not build a 20 MB report.
 * A list this long may therefore be incomplete (salvage.ts relies on that).
 */
export const MAX_PROBLEMS = 100;

type Json = unknown;
const show = (v: Json) => {
  const s = typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/**
 * Bounds no real programme reaches, so that a hostile or broken one cannot hold the page: the
 * longest text of a name or title, of a description or abstract, and the most items in a list.
 * The same numbers are in the JSON Schema (maxLength, maxItems).
 */
export const LIMITS = { text: 200_000, longText: 1_000_000, people: 1_000, papers: 300, sessions: 200, panels: 50_000 };
const LONG = new Set(['description', 'shortAbstract', 'abstract']);

/** A theme's colour: `#rgb` or `#rrggbb`, nothing a style sheet could read as more. */
export const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** True when `timeZone` is an IANA zone this browser knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a parsed JSON value against the programme format v1 and names every problem by
 * path and reason. Unknown fields are ignored. Beyond what the JSON Schema can say, it also
 * checks that the time zone exists, that ids are unique across panels, sessions and papers,
 * and that no session ends before it starts.
 */
export function validateProgramme(doc: Json): ValidationResult {
  const problems: ValidationProblem[] = [];
  const ids = new Map<string, string>();
  const fail = (path: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message });
  };

  const string = (o: Obj, key: string, path: string, required: boolean) => {
    const v = o[key];
    if (v === undefined) {
      if (required) fail(`${path}.${key}`, 'is required');
      return undefined;
    }
    const max = LONG.has(key) ? LIMITS.longText : LIMITS.text;
    if (typeof v !== 'string') fail(`${path}.${key}`, `${show(v)} is not a string`);
    else if (required && v.trim() === '') fail(`${path}.${key}`, 'must not be empty');
    else if (v.length > max) fail(`${path}.${key}`, `is ${v.length} characters long; at most ${max} are read`);
    else return v;
    return undefined;
  };
  const id = (o: Obj, path: string) => {
    const v = string(o, 'id', path, true);
    if (v === undefined) return;
    const seen = ids.get(v);
    if (seen) fail(`${path}.id`, `${show(v)} is already the id of ${seen}`);
    else ids.set(v, path);
  };
  const array = (o: Obj, key: string, path: string, each: (item: Json, path: string) => void, max: number = LIMITS.people, required = false) => {
    const v = o[key];
    const at = path ? `${path}.${key}` : key;
    if (v === undefined) {
      if (required) fail(at, 'is required');
      return;
    }
    if (!Array.isArray(v)) return fail(at, `${show(v)} is not an array`);
    if (v.length > max) return fail(at, `has ${v.length} items; at most ${max} are read`);
    v.forEach((item, i) => each(item, `${at}[${i}]`));
  };
  const object = (v: Json, path: string, check: (o: Obj) => void) => {
    if (!isObject(v)) return fail(path, `${show(v)} is not an object`);
    check(v);
  };
  const person = (v: Json, path: string) =>
    object(v, path, (p) => {
      string(p, 'name', path, true);
      string(p, 'affiliation', path, false);
    });
  const instant = (o: Obj, key: string, path: string) => {
    const v = string(o, key, path, true);
    if (v === undefined) return undefined;
    const t = Date.parse(v);
    if (!DATE_TIME_WITH_OFFSET.test(v) || !isCalendarDate(v) || Number.isNaN(t)) {
      fail(`${path}.${key}`, `${show(v)} is not an ISO 8601 date-time with an offset`);
      return undefined;
    }
    return t;
  };

  const paper = (v: Json, path: string) =>
    object(v, path, (p) => {
      id(p, path);
      string(p, 'title', path, true);
      array(p, 'authors', path, person);
      string(p, 'shortAbstract', path, false);
      string(p, 'abstract', path, false);
    });
  const session = (v: Json, path: string) =>
    object(v, path, (s) => {
      id(s, path);
      string(s, 'title', path, false);
      const start = instant(s, 'start', path);
      const end = instant(s, 'end', path);
      if (start !== undefined && end !== undefined && end < start) {
        fail(`${path}.end`, `${show(s.end)} is before the start ${show(s.start)}`);
      }
      string(s, 'location', path, false);
      array(s, 'papers', path, paper, LIMITS.papers);
    });
  const panel = (v: Json, path: string) =>
    object(v, path, (p) => {
      id(p, path);
      string(p, 'title', path, true);
      for (const key of ['format', 'theme', 'location', 'description', 'url']) string(p, key, path, false);
      for (const key of ['convenors', 'chairs', 'discussants']) array(p, key, path, person);
      array(p, 'sessions', path, session, LIMITS.sessions);
    });

  if (!isObject(doc)) {
    fail('(document)', `${show(doc)} is not a programme object`);
  } else {
    if (doc.version !== 1) fail('version', doc.version === undefined ? 'is required' : `${show(doc.version)} is not 1, the only version this library reads`);
    if (doc.conference === undefined) fail('conference', 'is required');
    else
      object(doc.conference, 'conference', (c) => {
        string(c, 'id', 'conference', true);
        string(c, 'title', 'conference', true);
        const tz = string(c, 'timeZone', 'conference', true);
        if (tz !== undefined && !isKnownTimeZone(tz)) fail('conference.timeZone', `${show(tz)} is not an IANA time zone`);
        string(c, 'locale', 'conference', false);
        string(c, 'url', 'conference', false);
        array(c, 'themes', 'conference', (t, path) =>
          object(t, path, (theme) => {
            string(theme, 'name', path, true);
            const color = string(theme, 'color', path, true);
            if (color !== undefined && !HEX_COLOR.test(color)) fail(`${path}.color`, `${show(color)} is not a colour written #rgb or #rrggbb`);
          }),
        );
      });
    array(doc, 'panels', '', panel, LIMITS.panels, true);
  }
  return problems.length === 0 ? { ok: true, programme: doc as unknown as Programme, problems: [] } : { ok: false, problems };
}
