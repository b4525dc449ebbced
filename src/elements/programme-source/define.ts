/** Defines `<programme-source>` and the elements it renders, under their usual names. */
import { attachContextRoot } from '../shared/context-root.js';
import { ProgrammeSource } from './programme-source.js';

export { ProgrammeSource };
attachContextRoot();
ProgrammeSource.define();

declare global {
  interface HTMLElementTagNameMap {
    'programme-source': ProgrammeSource;
  }
}
