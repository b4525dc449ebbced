import { later, type Choice } from './choice.js';

/**
 * The person's choices that the schedule server has not confirmed yet, for one schedule and one
 * person, shared by every page of this site in this browser.
 *
 * - Written before a change is sent, so that closing the tab or reloading mid-request loses nothing.
 * - Kept in localStorage and re-read before every write, so two pages do not overwrite each other.
 * - Each choice is also announced to the other pages at once (BroadcastChannel), so that they show
 *   it and help send it; the choice made last wins everywhere, by its time.
 *
 * It only keeps and tells: sending, and sending again, is the store's. The store loads this module
 * only for a schedule kept on a server.
 */
export class Outbox {
  readonly #key: string;
  readonly #channel?: BroadcastChannel;

  /**
   * `scope` names the schedule (its API base) and `userId` the person, so nobody gets another's
   * changes. `onChoice` hears another page's choices.
   */
  constructor(scope: string, userId: string, onChoice: (itemId: string, choice: Choice) => void) {
    this.#key = `programme-elements:outbox:${scope}|${userId}`;
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(this.#key);
      this.#channel.onmessage = ({ data }) => {
        if (typeof data?.id === 'string' && typeof data.starred === 'boolean' && typeof data.at === 'number') onChoice(data.id, data);
      };
    }
  }

  /** The choices waiting, item id → choice. */
  entries(): Map<string, Choice> {
    return this.#read();
  }

  /** The person chose: keep it (unless a later choice is already kept) and tell the other pages. */
  put(itemId: string, choice: Choice): void {
    this.#update((m) => later(choice, m.get(itemId)) && m.set(itemId, choice));
    this.#channel?.postMessage({ id: itemId, ...choice });
  }

  /**
   * The server now holds `held` for the item: forget the kept choice when it says the same, or when
   * the server's press is the later one.
   */
  settle(itemId: string, held: Choice): void {
    this.#update((m) => {
      const kept = m.get(itemId);
      return !!kept && (kept.starred === held.starred || !later(kept, held)) && m.delete(itemId);
    });
  }

  /** The server refused the change: forget it. */
  delete(itemId: string): void {
    this.#update((m) => m.delete(itemId));
  }

  /** Stops listening to the other pages (the person signed out). */
  close(): void {
    this.#channel?.close();
  }

  #update(change: (m: Map<string, Choice>) => unknown): void {
    const m = this.#read();
    if (!change(m)) return;
    try {
      if (m.size) localStorage.setItem(this.#key, JSON.stringify(Object.fromEntries(m)));
      else localStorage.removeItem(this.#key);
    } catch {
      // Storage refused: the store still holds the choices, for as long as the page is open.
    }
  }

  #read(): Map<string, Choice> {
    const out = new Map<string, Choice>();
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.#key) ?? '{}');
      if (parsed && typeof parsed === 'object') {
        for (const [id, c] of Object.entries(parsed))
          if (typeof c?.starred === 'boolean' && typeof c.at === 'number') out.set(id, { starred: c.starred, at: c.at });
      }
    } catch {
      // Unreadable: nothing is waiting.
    }
    return out;
  }
}
