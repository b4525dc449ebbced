import { html, nothing, type ReactiveElement } from 'lit';
import { acceptLocalItems, declineLocalItems, localItemsToOffer } from '../../schedule/local-offer.js';
import type { ScheduleStore } from '../../schedule/store.js';
import type { CoreWords } from '../../words.js';

/** The element showing the offer now: one per page, however many lists and cards there are. */
let owner: WeakRef<Element> | undefined;

/**
 * The offer of stars pressed in this browser before signing in (schedule/local-offer.ts), as a
 * list or a card shows it: a question with two buttons, then what was done, focused, so that the
 * keyboard stays where the buttons were.
 */
export class LocalOfferView {
  #answer?: string;

  constructor(private readonly host: ReactiveElement) {}

  render(store: ScheduleStore, conferenceId: string, words: CoreWords) {
    if (this.#answer) return html`<p part="offer" class="offer" id="local-offer" tabindex="-1" role="status">${this.#answer}</p>`;
    const mine = owner?.deref();
    if (mine && mine !== this.host && mine.isConnected) return nothing;
    const ids = localItemsToOffer(store, conferenceId);
    if (!ids.length) return nothing;
    owner = new WeakRef(this.host);
    return html`<div part="offer" class="offer" role="group" aria-labelledby="local-offer-question">
      <p id="local-offer-question">${words.offerLocalStars(ids.length)}</p>
      <button type="button" @click=${() => this.#done(words.addedLocalStars(acceptLocalItems(store, conferenceId)))}>${words.addLocalStars}</button>
      <button type="button" @click=${() => this.#done((declineLocalItems(store, conferenceId), words.keptLocalStars))}>${words.keepLocalStars}</button>
    </div>`;
  }

  #done(answer: string) {
    this.#answer = answer;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#local-offer')?.focus());
  }
}
