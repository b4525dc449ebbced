/** Defines `<abstract-view>` and the elements it renders, under their usual names. */
import { attachContextRoot } from '../shared/context-root.js';
import { AbstractView } from './abstract-view.js';

export { AbstractView };
attachContextRoot();
AbstractView.define();

declare global {
  interface HTMLElementTagNameMap {
    'abstract-view': AbstractView;
  }
}
