/** Defines `<star-toggle>` and the elements it renders, under their usual names. */
import { attachContextRoot } from '../shared/context-root.js';
import { StarToggle } from './star-toggle.js';

export { StarToggle };
attachContextRoot();
StarToggle.define();

declare global {
  interface HTMLElementTagNameMap {
    'star-toggle': StarToggle;
  }
}
