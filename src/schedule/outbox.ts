/**
 * Changes that could not be sent because the schedule server was out of reach, kept in this
 * browser until they are: a reload, or closing the tab, does not lose a press.
 */
export class Outbox {
  readonly #key: string;
  #memory = new Map<string, boolean>();

  /** `scope` names the schedule (its API base) and `userId` the person, so nobody gets another's changes. */
  constructor(scope: string, userId: string) {
    this.#key = `programme-elements:outbox:${scope}|${userId}`;
    this.#memory = this.#read();
  }

  /** The changes waiting, item id → starred. */
  entries(): Map<string, boolean> {
    return new Map(this.#memory);
  }

  put(itemId: string, starred: boolean): void {
    this.#memory.set(itemId, starred);
    this.#write();
  }

  delete(itemId: string): void {
    if (this.#memory.delete(itemId)) this.#write();
  }

  #read(): Map<string, boolean> {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.#key) ?? '{}');
      const out = new Map<string, boolean>();
      if (parsed && typeof parsed === 'object') {
        for (const [id, on] of Object.entries(parsed)) if (typeof on === 'boolean') out.set(id, on);
      }
      return out;
    } catch {
      return new Map();
    }
  }

  #write(): void {
    try {
      if (this.#memory.size) localStorage.setItem(this.#key, JSON.stringify(Object.fromEntries(this.#memory)));
      else localStorage.removeItem(this.#key);
    } catch {
      // Storage refused: the changes wait in memory, for as long as the page is open.
    }
  }
}
