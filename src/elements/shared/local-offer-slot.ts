import { nothing, type ReactiveElement } from 'lit';
import type { ScheduleStore } from '../../schedule/store.js';
import type { CoreWords } from '../../words.js';
import type { LocalOfferView } from './local-offer-view.js';

type OfferCode = typeof import('./local-offer-view.js');

let code: Promise<OfferCode> | undefined;
let loaded: OfferCode | undefined;
const views = new WeakMap<ReactiveElement, LocalOfferView>();

/**
 * Where a list or card shows the offer of this browser's earlier stars (local-offer-view.ts). The
 * offer only arises on a schedule kept in an account, signed in, so its code loads only then:
 * pages with the browser-only schedule (the default) never download it.
 */
export function localOffer(host: ReactiveElement, store: ScheduleStore, conferenceId: string, words: CoreWords) {
  if (store.local || store.status !== 'signed-in') return nothing;
  if (!loaded) {
    code ??= import('./local-offer-view.js').then((m) => (loaded = m));
    void code.then(() => host.requestUpdate()).catch(() => {});
    return nothing;
  }
  let view = views.get(host);
  if (!view) views.set(host, (view = new loaded.LocalOfferView(host)));
  return view.render(store, conferenceId, words);
}
