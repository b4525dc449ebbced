import { defineElement } from '../shared/define-element.js';
import { AbstractView } from '../abstract-view/abstract-view.js';
import { PanelCard } from './panel-card.js';

export { PanelCard, AbstractView };
defineElement('abstract-view', AbstractView);
defineElement('panel-card', PanelCard);

declare global {
  interface HTMLElementTagNameMap {
    'panel-card': PanelCard;
  }
}
