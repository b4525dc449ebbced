import { html, nothing, type TemplateResult } from 'lit';
import { displayTitle, peopleOf, starState, titleParts, type ListItem, type StarState } from '../../data/list-model.js';
import { safeHref } from '../../data/safe-url.js';
import type { SessionRow } from '../../data/session-rows.js';
import type { ScheduleAdapter } from '../../schedule/adapter.js';
import { themeColor } from '../../data/theme-colors.js';
import type { ThemeColor } from '../../data/types.js';
import { formatDay, timeRange } from '../../time/format.js';
import type { Words } from '../../words.js';
import { setStyles } from '../shared/set-styles.js';
import type { Chunk } from './row-window.js';

/** How many people a row names before "and N more". */
const PEOPLE_SHOWN = 3;

export interface RowsInput {
  chunks: Chunk<ListItem>[];
  zone: string;
  locale: string;
  /** The day headings' level; a row's title is one below. */
  level: number;
  now: number;
  words: Words;
  themes?: readonly ThemeColor[];
  /** The ids on the reader's schedule, for each row's star. */
  starred: ReadonlySet<string>;
  /** The sessions of the reader's schedule that overlap others of it (data/clashes.ts). */
  clashes: ReadonlyMap<string, SessionRow[]>;
  /** The times shown are the reader's own zone, not the conference's: each row says so. */
  readersZone: boolean;
  /** Rows whose details are open, by session id. */
  expanded: ReadonlySet<string>;
  /** The link of a panel's title, when the host gives `panel-href`. */
  href: (row: SessionRow) => string | undefined;
  toggle: (row: SessionRow) => void;
  card: (row: SessionRow) => TemplateResult;
  star: (row: SessionRow, state: StarState) => TemplateResult;
}

/**
 * The rows, in chunks that the row window draws when they come near the reader. Each day starts
 * a chunk, and its heading sits before that chunk, directly in `.rows`: sticky there, it stays
 * at the top for the whole day, however many chunks the day takes, until the next day's covers it.
 */
export function rowsView(input: RowsInput) {
  return html`<div class="rows">
    ${input.chunks.map((chunk) => {
      const [first, ...rest] = chunk.items;
      const heading = first?.kind === 'day' ? dayHeading(first, input) : nothing;
      const items = first?.kind === 'day' ? rest : chunk.items;
      return html`${heading}${
        chunk.rendered
          ? html`<div class="chunk" data-chunk=${chunk.index}>${items.map((item) => (item.kind === 'row' ? rowView(item.row, item.position, input) : nothing))}</div>`
          : html`<div class="chunk placeholder" data-chunk=${chunk.index} aria-hidden="true" ${setStyles({ height: `${chunk.height}px` })}></div>`
      }`;
    })}
  </div>`;
}

function dayHeading(item: { day: string; first: SessionRow }, { zone, locale, level }: RowsInput) {
  return html`<div part="day" class="day" role="heading" aria-level=${level} id=${`day-${item.day}`}>${formatDay(new Date(item.first.start), zone, locale)}</div>`;
}

/** "Ada Lovelace, Alan Turing, Grace Hopper and 2 more": the list's and the timetable's rule. */
export function peopleText(names: string[], words: Words): string {
  if (names.length <= PEOPLE_SHOWN + 1) return names.join(', ');
  return `${names.slice(0, PEOPLE_SHOWN).join(', ')} ${words.andMore(names.length - PEOPLE_SHOWN)}`;
}

/** How many clashing titles a row names before "and N more". */
const CLASHES_SHOWN = 2;

function clashView(others: SessionRow[] | undefined, words: Words) {
  if (!others?.length) return nothing;
  const titles = others.slice(0, CLASHES_SHOWN).map(displayTitle);
  return html`<p part="clash" class="clash">${words.clashesWith(titles, others.length - titles.length)}</p>`;
}

function rowView(row: SessionRow, position: number, input: RowsInput) {
  const { panel, session } = row;
  const { words, zone, locale, level, now } = input;
  const live = row.start <= now && now < row.end;
  const open = input.expanded.has(session.id);
  const href = input.href(row);
  const title = titleParts(row);
  const people = peopleOf(row);
  const state = starState(row, input.starred);
  const minutes = Math.round((row.end - row.start) / 60_000);
  const titleText = html`<span class="panel-title">${title.panel}</span>${title.session ? html`: <span class="session-title">${title.session}</span>` : nothing}`;
  return html`<div part="row" class="row ${live ? 'live' : ''}" data-session=${session.id} tabindex="-1">
    <div class="when">
      <time datetime=${session.start}>${timeRange(row.start, row.end, zone, locale)}</time>
      <span class="duration">${words.duration(minutes)}${input.readersZone ? html`, ${words.yourTime}` : nothing}</span>
      ${live ? html`<span part="now" class="now">${words.happeningNow}</span>` : nothing}
    </div>
    <div class="what">
      <div role="heading" aria-level=${level + 1} class="title">
        ${
          href
            ? html`<a class="title-link" href=${href}>${titleText}</a>`
            : html`<button type="button" class="title-button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`detail-${position}`} @click=${() => input.toggle(row)}>
              ${titleText}<span class="chevron" aria-hidden="true"></span>
            </button>`
        }
      </div>
      ${people.length ? html`<p class="people">${peopleText(people, words)}</p>` : nothing}
      <p class="meta">
        ${panel.theme ? html`<span class="theme-chip" ${setStyles({ '--chip': themeColor(panel.theme, input.themes) })}>${panel.theme}</span>` : nothing}
        ${row.location ? html`<span class="where">${row.location}</span>` : nothing} ${panel.format ? html`<span class="format">${panel.format}</span>` : nothing}
      </p>
      ${state === 'partly' ? html`<p class="partly">${words.partlyStarred}</p>` : nothing}
      ${clashView(input.clashes.get(session.id), words)}
      <div id=${`detail-${position}`} class="detail">${open ? input.card(row) : nothing}</div>
    </div>
    ${input.star(row, state)}
  </div>`;
}

/** Said once above the rows when the stars need an account and nobody is signed in: how to sign in. */
export function signInLine(login: ScheduleAdapter['login'], words: Words) {
  const href = typeof login === 'string' ? safeHref(login.replace('{return}', encodeURIComponent(window.location.href))) : undefined;
  return html`<p part="sign-in" class="sign-in">
    ${words.signInForSchedule}
    ${href ? html`<a href=${href}>${words.signIn}</a>` : typeof login === 'function' ? html`<button type="button" @click=${login}>${words.signIn}</button>` : nothing}
  </p>`;
}
