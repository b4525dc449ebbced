/**
 * programme-elements: import this to define every element under its usual tag name.
 * `programme-elements/core.js` has the same exports without defining anything.
 */
export * from './core.js';
import { attachContextRoot } from './elements/shared/context-root.js';
import './define-all.js';

// A host's own provider (a subclass of ProgrammeSource) may be defined after the elements inside it.
attachContextRoot();
