/** Defines `<session-list>` and the elements it renders, under their usual names. */
import { attachContextRoot } from '../shared/context-root.js';
import { PanelCard } from '../panel-card/panel-card.js';
import { AbstractView } from '../abstract-view/abstract-view.js';
import { StarToggle } from '../star-toggle/star-toggle.js';
import { SessionList } from './session-list.js';

export { SessionList, PanelCard, AbstractView, StarToggle };
attachContextRoot();
SessionList.define();

declare global {
  interface HTMLElementTagNameMap {
    'session-list': SessionList;
  }
}
