import { attachContextRoot } from '../shared/context-root.js';
import { defineElement } from '../shared/define-element.js';
import { AbstractView } from './abstract-view.js';

export { AbstractView };
attachContextRoot();
defineElement('abstract-view', AbstractView);

declare global {
  interface HTMLElementTagNameMap {
    'abstract-view': AbstractView;
  }
}
