/**
 * The self-contained file for a plain `<script type="module">`: defines every element and exports
 * what a page without a build step may want (the classes, to define them under other names, and
 * the words, to translate). The HTTP schedule adapter, the iCalendar export, the timetable and
 * the importers load from beside it only when a page uses them; npm users import them from
 * `programme-elements/core.js`.
 */
import './define-all.js';
import { AbstractView } from './elements/abstract-view/abstract-view.js';
import { PanelCard } from './elements/panel-card/panel-card.js';
import { ProgrammeSource } from './elements/programme-source/programme-source.js';
import { SessionList } from './elements/session-list/session-list.js';
import { StarToggle } from './elements/star-toggle/star-toggle.js';

export { ProgrammeSource, PanelCard, AbstractView, StarToggle, SessionList };
export { registerWords, setWords, type Words } from './words.js';
export { englishWords } from './words-list.js';
export { SignedOutError, UnreachableError, type ScheduleAdapter, type ScheduleUser } from './schedule/adapter.js';
