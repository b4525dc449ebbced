/**
 * The side-effect-free entry: every class and the framework-free core, with no element defined.
 * For hosts that register their own tag names or use a scoped registry.
 */
export type { Programme, Conference, Panel, Session, Paper, Person, ItemKind } from './data/types.js';
export { validateProgramme, isKnownTimeZone, type ValidationProblem, type ValidationResult } from './data/validate.js';
export { loadProgramme, clearProgrammeCache, loadSettings } from './data/load.js';
export { isProgrammeFormat, type ProgrammeFormat } from './data/formats.js';
export { ProgrammeLoadError, type LoadFailure } from './data/load-error.js';
export { ProgrammeIndex, type IndexedItem, type ProgrammeOrigin, type ZoneGuess } from './data/programme-index.js';
export type { Skipped, SkippedItem } from './data/skipped.js';
export { safeHref } from './data/safe-url.js';
export { sessionTime, dayKey, formatDay, formatTime, offsetLabel, viewerTimeZone, type SessionTime } from './time/format.js';
export { zoneOffset, zoneLabel } from './time/zone.js';
export { programmeContext, displayContext, type ProgrammeState, type DisplaySettings, type TimeZoneChoice } from './context.js';
export { coreEnglishWords, setWords, wordsFor, type Words, type CoreWords, type ListWords } from './words.js';
export { englishWords, listEnglishWords } from './words-list.js';
export type { ProgrammeErrorDetail, StarChangeDetail, LoginRequestDetail } from './events.js';
export { ProgrammeSource } from './elements/programme-source/programme-source.js';
export { PanelCard } from './elements/panel-card/panel-card.js';
export { AbstractView } from './elements/abstract-view/abstract-view.js';
export { StarToggle } from './elements/star-toggle/star-toggle.js';
export { SignedOutError, UnreachableError, type ScheduleAdapter, type ScheduleUser } from './schedule/adapter.js';
export { LocalScheduleAdapter, localAdapterFor } from './schedule/local-adapter.js';
export { HttpScheduleAdapter, httpAdapterFor, REQUEST_HEADER, type HttpScheduleOptions } from './schedule/http-adapter.js';
export { ScheduleStore, type ScheduleStatus, type ScheduleFailure } from './schedule/store.js';
export { resolveAdapter, storeFor } from './schedule/resolve.js';
export { scheduleContext, type ScheduleChoice } from './context.js';
export { SessionList } from './elements/session-list/session-list.js';
export { sessionRows, rowDays, facets, type SessionRow } from './data/session-rows.js';
export { filterRows, type SessionFilters } from './data/session-filter.js';
export { zonePreference, setZonePreference, type ZonePreference } from './time/zone-preference.js';
