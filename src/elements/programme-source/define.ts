import { attachContextRoot } from '../shared/context-root.js';
import { defineElement } from '../shared/define-element.js';
import { ProgrammeSource } from './programme-source.js';

export { ProgrammeSource };
attachContextRoot();
defineElement('programme-source', ProgrammeSource);

declare global {
  interface HTMLElementTagNameMap {
    'programme-source': ProgrammeSource;
  }
}
