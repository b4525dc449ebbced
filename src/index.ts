/**
 * programme-elements: import this to define every element under its usual tag name.
 * `programme-elements/core.js` has the same exports without defining anything.
 */
export * from './core.js';
import './elements/programme-source/define.js';
import './elements/abstract-view/define.js';
import './elements/star-toggle/define.js';
import './elements/panel-card/define.js';
import './elements/session-list/define.js';
