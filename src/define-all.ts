/**
 * Defines every element under its usual tag name: the one registration path of the npm entry
 * (`index.ts`) and the self-contained file (`cdn.ts`). The provider first, so that every element
 * finds it as it upgrades, in document order.
 */
import './elements/programme-source/define.js';
import './elements/abstract-view/define.js';
import './elements/star-toggle/define.js';
import './elements/panel-card/define.js';
import './elements/session-list/define.js';
