import { attachContextRoot } from '../shared/context-root.js';
import { defineElement } from '../shared/define-element.js';
import { AbstractView } from '../abstract-view/abstract-view.js';
import { StarToggle } from '../star-toggle/star-toggle.js';
import { PanelCard } from './panel-card.js';

export { PanelCard, AbstractView, StarToggle };
attachContextRoot();
defineElement('abstract-view', AbstractView);
defineElement('star-toggle', StarToggle);
defineElement('panel-card', PanelCard);

declare global {
  interface HTMLElementTagNameMap {
    'panel-card': PanelCard;
  }
}
