import { html, nothing, type PropertyDeclarations } from 'lit';
import { ProgrammeElement } from '../shared/programme-element.js';
import type { ProgrammeIndex } from '../../data/programme-index.js';
import type { Paper } from '../../data/types.js';
import { coreEnglishWords, wordsFor, type CoreWords, type Words } from '../../words.js';
import { localeOf } from '../shared/locale.js';
import { ProgrammeController } from '../shared/programme-controller.js';
import { paragraphs, splitParagraphs } from '../shared/paragraphs.js';
import { errorView, statusViews } from '../shared/status-view.js';
import { styles } from './abstract-view.styles.js';

/** Without a short abstract, the collapsed view shows the first paragraph, cut to about this many characters. */
const SUMMARY_LENGTH = 320;

/**
 * One paper's abstract: the short abstract, with a disclosure button that shows the full one in
 * paragraphs. Text only: nothing in an abstract is ever read as HTML.
 *
 * @tagname abstract-view
 * @summary A paper's abstract, short or in full.
 * @csspart skipped - The note that the paper's panel is shown without some items that have mistakes.
 * @csspart base - The wrapper.
 * @csspart text - The abstract's paragraphs.
 * @csspart toggle - The button that shows the full or the short abstract.
 * @csspart status - The loading or error line.
 * @csspart retry - The retry button of the error state.
 * @cssprop --abstract-view-max-width - Longest line of the text. Defaults to 70ch.
 * @cssprop --programme-accent - The toggle's colour and the focus ring.
 * @cssprop --programme-muted - The "no abstract" line.
 * @cssprop --programme-focus-ring - The focus outline. Defaults to 2px solid the accent.
 * @cssprop --programme-error-color - Border of the error message. Defaults to #b3261e (#ff8a80 where the page is dark).
 * @fires programme-error - When its own `src` cannot be loaded or loads without some items that have mistakes (`partial`), or `paper-id` is not in the programme (`not-found`) or was left out for its mistakes (`partial`).
 */
export class AbstractView extends ProgrammeElement {
  static override readonly tag = 'abstract-view';

  static override styles = styles;

  /** Lit's reactive properties (and their attributes), beside those of every element (ProgrammeElement). */
  static override properties: PropertyDeclarations = {
    paperId: { attribute: 'paper-id' },
    expanded: { type: Boolean, reflect: true },
    paper: { attribute: false },
    words: { attribute: false },
  };

  /** Id of the paper whose abstract to show. */
  declare paperId: string;

  /** Whether the full abstract is shown. */
  declare expanded: boolean;

  /** The paper itself, when a parent element already has it (as `<panel-card>` does). Wins over `paper-id`. */
  declare paper?: Paper;

  /** Strings to override for this element only. */
  declare words?: Partial<Words>;

  constructor() {
    super();
    this.paperId = '';
    this.expanded = false;
  }

  /** A paper handed over by a parent needs no programme of its own. */
  readonly #programme = new ProgrammeController(this, { optional: () => !!this.paper });

  get #words() {
    return wordsFor(coreEnglishWords, this.words, localeOf(this));
  }

  protected override render() {
    const words = this.#words;
    if (this.paper) return this.#abstract(this.paper, words);
    return this.#programme.render({ ...statusViews(words), complete: (index) => this.#find(index, words) });
  }

  #find(index: ProgrammeIndex, words: CoreWords) {
    const found = index.find(this.paperId);
    if (found?.kind !== 'paper') return errorView(this.#programme.missing(index, 'Paper', this.paperId, words), words);
    const lost = index.skippedIn(found.panel.id);
    return html`${this.#abstract(found.item, words)}${lost ? html`<p part="skipped" class="skipped">${words.partlyShown(lost)}</p>` : nothing}`;
  }

  #abstract(paper: Paper, words: CoreWords) {
    const full = paper.abstract?.trim() || paper.shortAbstract?.trim() || '';
    if (!full) return html`<p part="base text" class="empty">${words.noAbstract}</p>`;
    const summary = paper.shortAbstract?.trim() || summarise(full);
    const expandable = normalise(summary) !== normalise(full);
    const shown = this.expanded && expandable ? full : summary;
    return html`<div part="base" class="base">
      <div id="text" part="text" class="text">
        ${paragraphs(shown)}
      </div>
      ${
        expandable
          ? html`<button part="toggle" class="toggle" type="button" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="text" @click=${this.#toggle}>
            <span aria-hidden="true" class="chevron"></span>${this.expanded ? words.showShortAbstract : words.showFullAbstract}<span class="visually-hidden">: ${paper.title}</span>
          </button>`
          : nothing
      }
    </div>`;
  }

  #toggle() {
    this.expanded = !this.expanded;
  }
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The first paragraph, cut at a word boundary near SUMMARY_LENGTH characters. */
function summarise(text: string): string {
  const first = splitParagraphs(text)[0] ?? '';
  if (first.length <= SUMMARY_LENGTH) return first;
  const cut = first.slice(0, SUMMARY_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_LENGTH * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
