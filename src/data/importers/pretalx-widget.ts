import type { Draft, TalkDraft } from './build.js';
import { httpUrl, isObject, list, obj, text, type Obj } from './json.js';
import type { Notes } from './notes.js';

/**
 * True for pretalx's widget JSON (`/{event}/schedule/widgets/schedule.json`): top-level `talks`,
 * with `rooms`, `speakers` or `tracks` beside them, referred to by id (rooms, tracks) or code (speakers).
 */
export function isPretalxWidget(json: unknown): boolean {
  const o = obj(json);
  return Array.isArray(o.talks) && (Array.isArray(o.rooms) || Array.isArray(o.speakers) || Array.isArray(o.tracks));
}

const byKey = (items: unknown, key: string): Map<string, Obj> =>
  new Map(
    list(items)
      .filter(isObject)
      .map((item) => [text(item[key]) ?? '', item]),
  );

/**
 * The event's slug and public base from the address the file came from:
 * `https://pretalx.com/democon/schedule/widgets/schedule.json` → `democon`, `https://pretalx.com/democon/`.
 */
function eventFromUrl(url: string | undefined): { slug: string; base: string } | undefined {
  try {
    const parsed = new URL(url ?? '');
    const parts = parsed.pathname.split('/');
    const at = parts.lastIndexOf('schedule');
    if (at < 2 || !parts[at - 1]) return undefined;
    return { slug: decodeURIComponent(parts[at - 1]), base: new URL(`${parts.slice(0, at).join('/')}/`, parsed.origin).href };
  } catch {
    return undefined;
  }
}

/**
 * pretalx's widget JSON: a flat `talks` list with start and end instants, whose room and track are
 * ids into `rooms` and `tracks` and whose speakers are codes into `speakers`. Names may be translated
 * (`{ "en": … }`). It names neither the event nor its title, so those come from the URL it was
 * loaded from when there is one. Breaks (slots without a submission) are left out, as pretalx's own
 * schedule.json leaves them out.
 */
export function pretalxWidgetDraft(json: unknown, notes: Notes, url?: string): Draft {
  const doc = obj(json);
  if (!Array.isArray(doc.talks)) throw new Error("This is not pretalx's widget JSON: it has no talks list.");
  const languages = list(doc.content_locales).map((l) => text(l));
  const rooms = byKey(doc.rooms, 'id');
  const tracks = byKey(doc.tracks, 'id');
  const speakers = byKey(doc.speakers, 'code');
  const event = eventFromUrl(url);
  const base = event?.base;

  const talks: TalkDraft[] = [];
  let breaks = 0;
  doc.talks.forEach((value, i) => {
    if (!isObject(value)) {
      notes.skip({ path: `talks[${i}]`, kind: 'event', reason: 'a talk that is not an object cannot be read' });
      return;
    }
    const t = value;
    const code = text(t.code);
    if (!code && !Array.isArray(t.speakers)) {
      breaks++;
      return;
    }
    talks.push({
      ids: [code, t.id],
      title: text(t.title, languages),
      format: text(t.session_type, languages) ?? text(t.submission_type, languages),
      theme: text(tracks.get(text(t.track) ?? '')?.name, languages),
      location: text(rooms.get(text(t.room) ?? '')?.name, languages),
      abstract: text(t.abstract, languages),
      description: text(t.description, languages),
      convenors: list(t.speakers)
        .map((s) => (isObject(s) ? text(s.name) : text(speakers.get(text(s) ?? '')?.name)))
        .filter((n): n is string => !!n),
      start: text(t.start),
      end: text(t.end),
      duration: t.duration,
      url: code && base ? httpUrl(new URL(`talk/${encodeURIComponent(code)}/`, base).href) : undefined,
      language: text(t.content_locale),
      path: `talks[${i}]`,
    });
  });
  if (breaks) notes.add(`${breaks === 1 ? '1 break was' : `${breaks} breaks were`} left out: the programme lists talks, not the pauses between them.`);

  if (event) notes.add(`pretalx's widget JSON names neither the event nor its title; both are taken from its URL (${JSON.stringify(event.slug)}).`);
  return {
    prefix: 'pretalx',
    conference: { id: event?.slug, title: event?.slug, timeZone: text(doc.timezone), zoneField: 'timezone', url: base, locale: languages[0] },
    talks,
  };
}
