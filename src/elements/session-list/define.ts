import { attachContextRoot } from '../shared/context-root.js';
import { defineElement } from '../shared/define-element.js';
import { AbstractView } from '../abstract-view/abstract-view.js';
import { PanelCard } from '../panel-card/panel-card.js';
import { StarToggle } from '../star-toggle/star-toggle.js';
import { SessionList } from './session-list.js';

export { SessionList, PanelCard, AbstractView, StarToggle };
attachContextRoot();
defineElement('abstract-view', AbstractView);
defineElement('star-toggle', StarToggle);
defineElement('panel-card', PanelCard);
defineElement('session-list', SessionList);

declare global {
  interface HTMLElementTagNameMap {
    'session-list': SessionList;
  }
}
