/**
 * What does `<panel-card>` show, as static HTML? The whole panel, as the element draws it: title,
 * format, theme, location, convenors, chairs and discussants with their affiliations, the
 * description, its sessions with day, date, time range and the time-zone line, and each session's
 * papers with authors (affiliations) and abstracts; a link to the panel's page when it has one.
 * Stars and "Add to calendar" have no static form and are left out.
 */
import { panelDetails } from '../data/panel-details.js';
import { dataUrl } from '../data/data-url.js';
import type { Panel, Person, Session } from '../data/types.js';
import { zoneNote } from '../elements/shared/zone-note.js';
import { sessionTime, type SessionTime } from '../time/format.js';
import { zoneLabel } from '../time/zone.js';
import type { CoreWords } from '../words.js';
import { abstractBody } from './abstract-view.js';
import type { RenderContext } from './context.js';
import { h, heading, paragraphs, type Html } from './html.js';

/** A link from the data, when it is http(s) or mailto written in full (the elements' rule, data-url.ts dataUrl); a relative one is no link. */
export function staticHref(url: string | undefined): string | undefined {
  return dataUrl(url);
}

/**
 * The machine-readable times of a session, on the element that shows them. WordPress strips
 * `<time datetime>` for editors without `unfiltered_html`, so they are `data-` attributes it keeps.
 */
export const timeAttributes = (session: Session, className = 'pe-time') => ({ class: className, 'data-start': session.start, 'data-end': session.end });

function people(list: Person[] | undefined): Html | undefined {
  if (!list?.length) return undefined;
  return h(
    'ul',
    { class: 'pe-people' },
    list.map((p) =>
      h('li', {}, h('span', { class: 'pe-name' }, p.name), p.affiliation ? [' ', h('span', { class: 'pe-affiliation' }, `(${p.affiliation})`)] : undefined),
    ),
  );
}

function details(panel: Panel, words: CoreWords): Html | undefined {
  const present = panelDetails(panel, words);
  if (!present.length) return undefined;
  return h(
    'dl',
    { class: 'pe-details' },
    present.map((d) => h('div', { class: 'pe-detail' }, h('dt', {}, d.label), h('dd', {}, d.people ? people(d.people) : d.text))),
  );
}

function sessionLine(session: Session, panel: Panel, time: SessionTime): Html {
  const where = session.location && session.location !== panel.location ? session.location : undefined;
  return h(
    'li',
    { id: session.id, class: 'pe-session-line' },
    session.title ? [h('span', { class: 'pe-session-title' }, `${session.title}:`), ' '] : undefined,
    h('span', timeAttributes(session), `${time.day}, ${time.range}`),
    where ? h('span', { class: 'pe-where' }, `, ${where}`) : undefined,
  );
}

function papers(session: Session, time: SessionTime, level: number, words: CoreWords): Html | undefined {
  if (!session.papers?.length) return undefined;
  return h(
    'section',
    { class: 'pe-session' },
    heading(
      level,
      { class: 'pe-session-heading' },
      session.title ? [h('span', { class: 'pe-session-title' }, session.title), h('span', { 'aria-hidden': 'true' }, ' · ')] : undefined,
      h('span', timeAttributes(session), `${time.day}, ${time.range}`),
    ),
    h(
      'ol',
      { class: 'pe-papers' },
      session.papers.map((paper) =>
        h(
          'li',
          { class: 'pe-paper' },
          heading(Math.min(level + 1, 6), { class: 'pe-paper-title', id: paper.id }, paper.title),
          paper.authors?.length
            ? h(
                'p',
                { class: 'pe-authors' },
                paper.authors.map((a, i) => [
                  i ? ', ' : '',
                  h('span', { class: 'pe-author' }, a.name),
                  a.affiliation ? [' ', h('span', { class: 'pe-affiliation' }, `(${a.affiliation})`)] : undefined,
                ]),
              )
            : undefined,
          abstractBody(paper, words),
        ),
      ),
    ),
  );
}

/**
 * `<panel-card panel-id>` as static HTML: an `<article>` whose heading carries the panel's id,
 * each session's line its session's id and each paper's heading its paper's id (the ids the
 * list's deep links name). Undefined when the programme has no such panel.
 */
export function renderPanelCard(context: RenderContext, panelId: string): Html | undefined {
  const { index, zone, locale, words } = context;
  const panel = index.panel(panelId);
  if (!panel) return undefined;
  const level = Math.min(Math.max(context.headingLevel || 2, 1), 4);
  const sessions = [...(panel.sessions ?? [])].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const times = new Map(sessions.map((s) => [s, sessionTime(s.start, s.end, zone, locale)]));
  const guess = zoneNote(index.source.zone, zone, index.conference.timeZone, words);
  const lost = index.skippedIn(panel.id);
  const href = staticHref(panel.url);

  return h(
    'article',
    { class: 'pe-panel-card', lang: locale, 'aria-labelledby': panel.id },
    heading(level, { class: 'pe-title', id: panel.id }, panel.title),
    details(panel, words),
    panel.description ? h('div', { class: 'pe-description' }, paragraphs(panel.description)) : undefined,
    h(
      'section',
      { class: 'pe-sessions' },
      heading(level + 1, { class: 'pe-section-heading' }, words.sessions),
      sessions.length
        ? [
            h(
              'ul',
              { class: 'pe-session-lines' },
              sessions.map((s) => sessionLine(s, panel, times.get(s)!)),
            ),
            h('p', { class: 'pe-time-zone' }, words.timeZone(zoneLabel(zone), times.get(sessions[0])!.offset)),
            guess ? h('p', { class: 'pe-time-zone pe-zone-note' }, guess) : undefined,
          ]
        : h('p', { class: 'pe-empty' }, words.noSessions),
    ),
    sessions.some((s) => s.papers?.length)
      ? h(
          'section',
          { class: 'pe-accepted-papers' },
          heading(level + 1, { class: 'pe-section-heading' }, words.acceptedPapers),
          sessions.map((s) => papers(s, times.get(s)!, level + 2, words)),
        )
      : undefined,
    lost ? h('p', { class: 'pe-note pe-skipped' }, words.partlyShown(lost)) : undefined,
    href ? h('p', { class: 'pe-more' }, h('a', { href, 'aria-label': `${words.moreAboutPanel}: ${panel.title}` }, words.moreAboutPanel)) : undefined,
  );
}
