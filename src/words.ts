import type { ZoneGuess } from './data/programme-index.js';

/**
 * Every string the elements show, in typed objects: those of every element (`CoreWords`) and
 * those of the list only (`ListWords`), so that a page of cards does not download the list's.
 * A host overrides any of them page-wide with `setWords({...})`, or per element with its `words`
 * property.
 */
export interface CoreWords {
  loading: string;
  loadFailed: string;
  retry: string;
  needsSource: string;
  /** A feed whose times carry no offset and that names no zone (FOSDEM's schedule.xml, Sessionize). */
  needsTimeZone: string;
  notInProgramme: (kind: string, id: string) => string;
  /** Said instead of `notInProgramme` when the item was left out for its mistakes. */
  notShown: (kind: string, id: string) => string;
  /** Above a list shown without some items that have mistakes. */
  skipped: (count: number) => string;
  /** In a card or abstract whose panel is shown without some of its sessions or papers. */
  partlyShown: (count: number) => string;
  /**
   * Said once, beside the time-zone line, when the programme's source did not name the zone its
   * times are shown in. `shown` is how that zone reads ("UTC+01:00", "Europe/Berlin").
   */
  zoneGuessed: (guess: ZoneGuess) => string;
  format: string;
  theme: string;
  location: string;
  convenors: string;
  chairs: string;
  discussants: string;
  sessions: string;
  noSessions: string;
  acceptedPapers: string;
  timeZone: (zone: string, offset: string) => string;
  noAbstract: string;
  showFullAbstract: string;
  showShortAbstract: string;
  moreAboutPanel: string;
  /** Visible text of a signed-out star. */
  signIn: string;
  signInToStar: (title: string) => string;
  addToSchedule: (title: string) => string;
  scheduleUnavailable: (title: string) => string;
  notSaved: (reason: string) => string;
  notSentYet: (reason: string) => string;
  /** Said by a star whose change met a signed-out server: the change is kept for the next sign-in. */
  keptUntilSignIn: string;
  /** Said when a part of the element that loads on demand could not be loaded. */
  missingPart: string;
  /** Each session's way into the reader's calendar: the disclosure, and its file download. */
  addToCalendar: string;
  calendarFile: string;
  /** Offered once signed in, when this browser holds stars pressed before (its own schedule). */
  offerLocalStars: (count: number) => string;
  addLocalStars: string;
  keepLocalStars: string;
  addedLocalStars: (count: number) => string;
  keptLocalStars: string;
  /** Shown once above stars whose schedule could not be read, with the reason. */
  scheduleUnreadable: (reason: string) => string;
  /** Said of a session's star (and shown in its row) when the session is in the schedule through its panel or a paper. */
  partlyStarred: string;
  /** A starred item, as print shows its star. */
  inMySchedule: string;
  /** Said of every star when the schedule lives in this browser's storage. */
  localNote: string;
  /** Shown under a card whose stars ask the reader to sign in. */
  signedOutNote: string;
}

/** The strings of `<session-list>` and its timetable. */
export interface ListWords {
  /** Said under a session of the reader's schedule that overlaps others of it: the titles, then "and N more". */
  clashesWith: (titles: string[], more: number) => string;
  showing: (shown: number, total: number) => string;
  noMatch: string;
  noSessionsInProgramme: string;
  clearFilters: string;
  timesIn: (zone: string, isConferenceZone: boolean) => string;
  filtersLabel: string;
  search: string;
  day: string;
  allDays: string;
  allThemes: string;
  allFormats: string;
  allLocations: string;
  starredOnly: string;
  timesLegend: string;
  conferenceTime: (zone: string) => string;
  myTime: (zone: string) => string;
  viewLegend: string;
  listView: string;
  gridView: string;
  downloadShown: string;
  downloadStarred: string;
  /** The downloads menu's item that gives the reader's calendar address (an account's schedule only). */
  subscribeCalendar: string;
  /** The menu item, the box and the banner of a shared schedule. */
  shareSchedule: string;
  shareLink: string;
  shareNote: string;
  sharedHeading: (name?: string) => string;
  sharedNote: string;
  addShared: (count: number) => string;
  addedShared: (count: number) => string;
  showWholeProgramme: string;
  sharedUnknown: string;
  /** The calendar address box, its label, its buttons and what it says. */
  calendarAddress: string;
  copyAddress: string;
  addressCopied: string;
  openInCalendarApp: string;
  calendarAddressNote: string;
  closeSubscribe: string;
  calendarUnavailable: (reason: string) => string;
  happeningNow: string;
  timetableFor: (day: string) => string;
  jumpToNow: string;
  noRoom: string;
  nothingToDownload: string;
  /** The button that shows or hides the filters other than search, with how many are in force. */
  filters: (active: number) => string;
  /** A filter option, with how many sessions choosing it would leave. */
  optionCount: (option: string, count: number) => string;
  /** What a chip of a filter in force says (`label` names the filter, `value` its value). */
  chip: (label: string, value: string) => string;
  /** The accessible name of a chip's button. */
  removeFilter: (chip: string) => string;
  clearAll: string;
  person: string;
  affiliation: string;
  panels: string;
  /** The group of day buttons. */
  days: string;
  /** The menu of downloads. */
  download: string;
  /** A session's length: `1 h 45 min`, `30 min`. */
  duration: (minutes: number) => string;
  /** After the first names of a long list of people. */
  andMore: (count: number) => string;
  /** Beside a row's time when the times shown are the reader's own, not the conference's. */
  yourTime: string;
  /** Said once above the rows when the stars need an account and nobody is signed in. */
  signInForSchedule: string;
  /** Said by "Only my starred" and "Download my starred" while nobody is signed in. */
  starredNeedsSignIn: string;
  /** Closes the timetable's panel dialog. */
  close: string;
  /** A link (the hash) named a day on which nothing is scheduled. */
  noSessionsOnDay: (day: string) => string;
}

/** Every string the elements show. */
export type Words = CoreWords & ListWords;

/** English: the strings of every element but the list (`englishWords` in words-list.ts has them all). */
export const coreEnglishWords: CoreWords = {
  loading: 'Loading the programme…',
  loadFailed: 'The programme could not be loaded.',
  retry: 'Try again',
  needsTimeZone: 'This schedule does not say its time zone: set time-zone="Area/City" on this element (for example Europe/Brussels).',
  needsSource: 'No programme to show: give this element a src attribute or place it inside <programme-source>.',
  notInProgramme: (kind, id) => `${kind} ${id} is not in this programme.`,
  notShown: (kind, id) => `${kind} ${id} in this programme has mistakes and is not shown.`,
  skipped: (n) => `${n} ${n === 1 ? 'item in this programme has mistakes and is' : 'items in this programme have mistakes and are'} not shown.`,
  partlyShown: (n) => `${n} ${n === 1 ? 'item of this panel has mistakes and is' : 'items of this panel have mistakes and are'} not shown.`,
  zoneGuessed: ({ reason, stated, shown }) =>
    reason === 'unnamed'
      ? `This schedule does not say its time zone, so times are shown at the UTC offset they carry.`
      : reason === 'unknown'
        ? `This schedule names a time zone this browser does not know (“${stated}”), so times are shown in ${shown}.`
        : `This schedule says its time zone is ${stated}, but its times do not match it, so they are shown in ${shown}, which does.`,
  format: 'Format',
  theme: 'Theme',
  location: 'Location',
  convenors: 'Convenors',
  chairs: 'Chairs',
  discussants: 'Discussants',
  sessions: 'Sessions',
  noSessions: 'No sessions have been scheduled yet.',
  acceptedPapers: 'Accepted papers',
  timeZone: (zone, offset) => (zone === offset ? `Time zone: ${zone}` : `Time zone: ${zone} (${offset})`),
  noAbstract: 'No abstract has been published.',
  showFullAbstract: 'Show full abstract',
  showShortAbstract: 'Show less',
  moreAboutPanel: 'Panel page',
  signIn: 'Sign in',
  signInToStar: (title) => `Sign in to add “${title}” to your schedule`,
  addToSchedule: (title) => `Add “${title}” to my schedule`,
  scheduleUnavailable: (title) => `Your schedule could not be loaded; try again to star “${title}”`,
  notSaved: (reason) => `Not saved: ${reason} The star was put back.`,
  notSentYet: (reason) => `Not sent yet: ${reason} Your change is kept and will be sent once the server is back.`,
  keptUntilSignIn: 'Not sent yet: you are no longer signed in. Your change is kept in this browser and sent when you sign in again.',
  scheduleUnreadable: (reason) => `Your schedule could not be read: ${reason} Press a star to try again.`,
  offerLocalStars: (count) =>
    `You starred ${count === 1 ? '1 item' : `${count} items`} in this browser before signing in. Add ${count === 1 ? 'it' : 'them'} to your account?`,
  addLocalStars: 'Add to my account',
  keepLocalStars: 'No, thanks',
  addedLocalStars: (count) => `${count === 1 ? '1 item' : `${count} items`} added to your account.`,
  keptLocalStars: 'Your earlier stars stay in this browser only.',
  missingPart: 'Part of this programme could not be loaded. Reload the page; if that does not help, tell the people who run this site.',
  addToCalendar: 'Add to calendar',
  calendarFile: 'Calendar file (.ics) for Apple Calendar, Outlook and others',
  partlyStarred: 'In your schedule through its panel or one of its papers',
  inMySchedule: '★ In my schedule',
  localNote: 'Your schedule is saved in this browser only.',
  signedOutNote: 'Press a star to add an item to your own schedule. You need to sign in for this.',
};

let pageWords: Partial<Words> = {};
/*
 * Kept on the global object so that a translation loaded as its own file reaches elements from
 * any copy of the library on the page (the self-contained file and an npm build, say).
 */
const registry = globalThis as typeof globalThis & { [key: symbol]: Map<string, Partial<Words>> | undefined };
const KEY = Symbol.for('programme-elements.words');
const languages = (registry[KEY] ??= new Map<string, Partial<Words>>());

/** Overrides strings for every element on the page, in every language. */
export function setWords(overrides: Partial<Words>): void {
  pageWords = { ...pageWords, ...overrides };
}

/**
 * Makes a translation available: elements whose closest `[lang]` has this primary language
 * (`de` for `de-AT`) use it. `programme-elements/locales/de.js` registers German.
 */
export function registerWords(language: string, words: Partial<Words>): void {
  languages.set(language.toLowerCase(), words);
}

/**
 * The strings for an element: `defaults` (the English of what it shows), its language's, the
 * page's overrides, then its own.
 */
export function wordsFor<W extends Partial<Words>>(defaults: W, overrides?: Partial<Words>, locale?: string): W {
  const language = locale ? languages.get(locale.toLowerCase().split('-')[0]) : undefined;
  return { ...defaults, ...language, ...pageWords, ...overrides };
}
