import { attachContextRoot } from '../shared/context-root.js';
import { defineElement } from '../shared/define-element.js';
import { StarToggle } from './star-toggle.js';

export { StarToggle };
attachContextRoot();
defineElement('star-toggle', StarToggle);

declare global {
  interface HTMLElementTagNameMap {
    'star-toggle': StarToggle;
  }
}
