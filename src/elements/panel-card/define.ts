/** Defines `<panel-card>` and the elements it renders, under their usual names. */
import { attachContextRoot } from '../shared/context-root.js';
import { AbstractView } from '../abstract-view/abstract-view.js';
import { StarToggle } from '../star-toggle/star-toggle.js';
import { PanelCard } from './panel-card.js';

export { PanelCard, AbstractView, StarToggle };
attachContextRoot();
PanelCard.define();

declare global {
  interface HTMLElementTagNameMap {
    'panel-card': PanelCard;
  }
}
