import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { linkTarget } from '../../data/list-model.js';
import type { ProgrammeIndex } from '../../data/programme-index.js';
import { readHash } from './deep-link.js';

/** Where a link leads inside the list: the session's row, and a paper inside its panel. */
export type LinkTarget = { sessionId: string; paperId?: string };

/** What the list does for the links it follows. */
export interface LinkActions {
  /** Whether links are followed at all (`deep-link`). */
  enabled(): boolean;
  index(): ProgrammeIndex | undefined;
  /** The day `day` has sessions in the zone shown. */
  hasDay(day: string): boolean;
  chooseDay(day: string): void;
  /** A link named a day with nothing on it. */
  noDay(day: string): void;
  /** Clears what would hide the target, opens its panel for a paper, and draws its row. */
  prepare(target: LinkTarget): void;
}

/**
 * Follows the URL hash for a list (deep-link.ts reads and writes it): a day chooses that day, or
 * says it has nothing; an item is scrolled to and focused once its row is drawn, and a paper is
 * brought into view inside its opened panel.
 */
export class ListLinks implements ReactiveController {
  #pending?: LinkTarget;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly actions: LinkActions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.follow);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.follow);
  }

  /** Follows the hash as it is now (on `hashchange`, and when the programme arrives). */
  follow = (): void => {
    const index = this.actions.index();
    if (!this.actions.enabled() || !index) return;
    const hash = readHash();
    if (!hash) return;
    if ('day' in hash) {
      if (this.actions.hasDay(hash.day)) this.actions.chooseDay(hash.day);
      else this.actions.noDay(hash.day);
      return;
    }
    const target = linkTarget(index, hash.id);
    if (!target) return;
    this.#pending = target;
    this.actions.prepare(target);
  };

  hostUpdated(): void {
    const target = this.#pending;
    if (!target) return;
    const row = this.host.shadowRoot?.querySelector<HTMLElement>(`[data-session="${CSS.escape(target.sessionId)}"]`);
    if (!row) return;
    this.#pending = undefined;
    row.scrollIntoView({ block: 'start' });
    row.focus({ preventScroll: true });
    if (target.paperId) void showPaper(row, target.paperId);
  }
}

/** Brings a paper into view inside the open panel of its row, once the panel has drawn it. */
async function showPaper(row: HTMLElement, paperId: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const card = row.querySelector('panel-card') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await card?.updateComplete;
    const paper = card?.shadowRoot?.querySelector<HTMLElement>(`[data-paper="${CSS.escape(paperId)}"]`);
    if (paper) {
      paper.scrollIntoView({ block: 'start' });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
