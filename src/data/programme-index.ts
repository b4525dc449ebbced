import type { Skipped } from './skipped.js';
import type { ItemKind, Panel, Paper, Programme, Session } from './types.js';

/**
 * Why the programme is shown in the zone it is, when its source did not say so itself: it named
 * no zone (`unnamed`), one the browser does not know (`unknown`), or one its own times disagree
 * with (`disagrees`). `shown` is the zone chosen instead (an IANA name, `Etc/GMT-1` for a fixed
 * offset: show it with `zoneLabel`).
 */
export interface ZoneGuess {
  reason: 'unnamed' | 'unknown' | 'disagrees';
  stated?: string;
  shown: string;
}

/** How a document was read: its format, the importer's notes, what was left out, and the zone guess. */
export interface ProgrammeOrigin {
  format: string;
  notes: string[];
  skipped?: Skipped;
  zone?: ZoneGuess;
}

/** Where an id lives: the item and the panel (and session) it belongs to. */
export type IndexedItem =
  | { kind: 'panel'; item: Panel; panel: Panel }
  | { kind: 'session'; item: Session; panel: Panel }
  | { kind: 'paper'; item: Paper; panel: Panel; session: Session };

/**
 * A validated programme, indexed once by id. Sessions are kept in time order within a panel,
 * papers in running order (the order the document gives).
 */
export class ProgrammeIndex {
  readonly #items = new Map<string, IndexedItem>();

  /**
   * @param source how the document was read: `native`, or the importer's format (`frab`,
   *   `c3voc2`, `pretalx`) with what it had to guess or leave out; and `skipped`, when the
   *   document had mistakes inside some panels and this is the rest of it: what was left out and
   *   why (see `salvageProgramme`); and `zone`, when the source did not name the zone it is shown in.
   */
  constructor(
    readonly programme: Programme,
    readonly source: ProgrammeOrigin = { format: 'native', notes: [] },
  ) {
    for (const panel of programme.panels) {
      this.#items.set(panel.id, { kind: 'panel', item: panel, panel });
      for (const session of panel.sessions ?? []) {
        this.#items.set(session.id, { kind: 'session', item: session, panel });
        for (const paper of session.papers ?? []) {
          this.#items.set(paper.id, { kind: 'paper', item: paper, panel, session });
        }
      }
    }
  }

  get conference() {
    return this.programme.conference;
  }

  /** What `id` names, or undefined when it is not in this programme. */
  find(id: string): IndexedItem | undefined {
    return this.#items.get(id);
  }

  panel(id: string): Panel | undefined {
    return this.#of('panel', id) as Panel | undefined;
  }
  session(id: string): Session | undefined {
    return this.#of('session', id) as Session | undefined;
  }
  paper(id: string): Paper | undefined {
    return this.#of('paper', id) as Paper | undefined;
  }

  /** How many sessions and papers of panel `panelId` were left out for their mistakes. */
  skippedIn(panelId: string): number {
    return this.source.skipped?.items.filter((item) => item.panelId === panelId).length ?? 0;
  }

  /** A title fit to name the item to a reader ("Session 1" falls back to the panel's title). */
  titleOf(id: string): string | undefined {
    const found = this.find(id);
    if (!found) return undefined;
    if (found.kind === 'session') return found.item.title ? `${found.panel.title}: ${found.item.title}` : found.panel.title;
    return found.item.title;
  }

  #of(kind: ItemKind, id: string) {
    const found = this.#items.get(id);
    return found?.kind === kind ? found.item : undefined;
  }
}
