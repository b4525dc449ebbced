/**
 * programme-elements: import this to define every element under its usual tag name.
 * `programme-elements/core.js` has the same exports without defining anything.
 */
export * from './core.js';
import './define-all.js';
