/**
 * Defines `<session-list>` and the elements it renders, under their usual names (`<panel-card>`
 * and its abstracts once a row first opens: their code loads then).
 */
import { attachContextRoot } from '../shared/context-root.js';
import { StarToggle } from '../star-toggle/star-toggle.js';
import { SessionList } from './session-list.js';

export { SessionList, StarToggle };
attachContextRoot();
SessionList.define();

declare global {
  interface HTMLElementTagNameMap {
    'session-list': SessionList;
  }
}
