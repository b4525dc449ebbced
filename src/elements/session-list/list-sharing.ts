import { nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { SharedSchedule } from '../../schedule/adapter.js';
import type { ScheduleStore } from '../../schedule/store.js';
import type { Words } from '../../words.js';
import type { AddressBox } from './list-filters.js';

type More = typeof import('./list-filters.js');

/** The hash of a share link: `#shared-schedule=TOKEN`. */
const SHARED = /^#shared-schedule=([\w.-]{1,400})$/;

/** What a list needs from its host to share: the store, the lazy views, words, and where focus goes back. */
export interface SharingHost extends ReactiveElement {
  readonly sharingStore: ScheduleStore | undefined;
  /** The filters, chips and menu code (list-filters.ts), loaded on demand. */
  sharingViews(): Promise<More>;
  sharingWords(): Words;
  /** Says something short by the count (nothing to share, a link not known). */
  sharingNotice(text: string): void;
  /** Where focus goes when a box closes: the menu button, else the search. */
  sharingFocusBack(): void;
}

/**
 * The list's ways of sharing the reader's schedule, beyond the page: the calendar address to
 * subscribe to and the share link (each in a box with a Copy button), and the other side of a
 * share link: the list shows the sharer's starred sessions, read only, with a way to add them to
 * the reader's own schedule and back to the whole programme.
 */
export class ListSharing implements ReactiveController {
  /** The address box open now. */
  box?: AddressBox;
  copied = false;
  /** Someone else's schedule, while the list shows it. */
  shared?: SharedSchedule & { ids: ReadonlySet<string>; added?: string };
  #checked = false;

  constructor(private readonly host: SharingHost) {
    host.addController(this);
  }

  /** Once the store is known: a share link in the URL shows that schedule. */
  hostUpdated(): void {
    const store = this.host.sharingStore;
    if (this.#checked || !store || store.status === 'loading') return;
    this.#checked = true;
    const token = SHARED.exec(window.location.hash)?.[1];
    if (token && store.adapter.sharedSchedule) void this.#show(store, token);
  }

  async #show(store: ScheduleStore, token: string) {
    try {
      const [shared] = await Promise.all([store.adapter.sharedSchedule!(token), this.host.sharingViews()]);
      if (!shared) return this.host.sharingNotice(this.host.sharingWords().sharedUnknown);
      this.shared = { ...shared, ids: new Set(shared.items) };
      this.host.requestUpdate();
    } catch (e) {
      this.host.sharingNotice(`${this.host.sharingWords().sharedUnknown} ${(e as Error).message}`);
    }
  }

  /** Opens the box of an address the adapter makes (calendar or share link), focused. */
  async open(make: (store: ScheduleStore, words: Words, more: More) => Promise<AddressBox | null>) {
    const words = this.host.sharingWords();
    const store = this.host.sharingStore;
    try {
      const more = await this.host.sharingViews();
      const box = store && (await make(store, words, more));
      if (!box) throw new Error('this schedule server does not give one.');
      this.box = box;
      this.copied = false;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('#address')?.focus();
    } catch (e) {
      this.host.sharingNotice(words.calendarUnavailable((e as Error).message));
      this.host.sharingFocusBack();
    }
  }

  subscribe = () =>
    this.open(async (store, words, more) => {
      const calendar = await store.adapter.calendarUrl?.();
      return calendar ? more.calendarBox(words, calendar) : null;
    });

  share = () =>
    this.open(async (store, words, more) => {
      const token = await store.adapter.shareToken?.();
      if (!token) return null;
      const url = new URL(window.location.href);
      url.hash = `shared-schedule=${token}`;
      return more.shareBox(words, url.href);
    });

  /** The open box and the banner of a shared schedule, when their code is loaded. */
  render(more: More | undefined, words: Words, signIn: unknown) {
    if (!more) return nothing;
    const store = this.host.sharingStore;
    const shared = this.shared;
    return [
      this.box ? more.addressView({ words, box: this.box, copied: this.copied, copy: () => void this.#copy(), close: () => this.#close() }) : nothing,
      shared
        ? more.sharedView({
            words,
            name: shared.name,
            count: shared.items.length,
            canAdd: store?.status === 'signed-in',
            added: shared.added,
            add: () => this.#addShared(),
            leave: () => this.#leave(),
            signIn,
          })
        : nothing,
    ];
  }

  async #copy() {
    if (!this.box) return;
    try {
      await navigator.clipboard.writeText(this.box.address);
      this.copied = true;
      this.host.requestUpdate();
    } catch {
      // No clipboard here: the address is selected in its field, for the reader to copy.
      this.host.renderRoot.querySelector<HTMLInputElement>('#address')?.select();
    }
  }

  #close() {
    this.box = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.sharingFocusBack());
  }

  /** Stars every shared item the reader has not starred yet; says how many, focused where the button was. */
  #addShared() {
    const store = this.host.sharingStore;
    if (!this.shared || store?.status !== 'signed-in') return;
    const fresh = this.shared.items.filter((id) => !store.isStarred(id));
    for (const id of fresh) store.set(id, true);
    this.shared = { ...this.shared, added: this.host.sharingWords().addedShared(fresh.length) };
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#shared-added')?.focus());
  }

  #leave() {
    this.shared = undefined;
    if (SHARED.test(window.location.hash)) history.replaceState(history.state, '', window.location.href.replace(/#.*$/, ''));
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.sharingFocusBack());
  }
}
