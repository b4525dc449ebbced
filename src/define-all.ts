/**
 * Defines every element under its usual tag name: the registration path of the npm entry
 * (`index.ts`) and the self-contained file (`cdn.ts`), through each class's `static define`, as
 * the per-element entries use it too. The provider first, so that every element finds it as it
 * upgrades, in document order: no ContextRoot is needed here (the per-element entries, which may
 * load in any order, attach one).
 */
import { PanelCard } from './elements/panel-card/panel-card.js';
import { ProgrammeSource } from './elements/programme-source/programme-source.js';
import { SessionList } from './elements/session-list/session-list.js';

ProgrammeSource.define();
// Each brings what it renders: the card its abstracts and stars, the list its stars.
PanelCard.define();
SessionList.define();
