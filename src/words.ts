/**
 * Every string the elements show, in one typed object. A host overrides any of them page-wide
 * with `setWords({...})`, or per element with its `words` property.
 */
export interface Words {
  loading: string;
  loadFailed: string;
  retry: string;
  needsSource: string;
  notInProgramme: (kind: string, id: string) => string;
  format: string;
  theme: string;
  location: string;
  convenors: string;
  chairs: string;
  discussants: string;
  sessions: string;
  noSessions: string;
  acceptedPapers: string;
  noPapers: string;
  timeZone: (zone: string, offset: string) => string;
  abstract: string;
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
  /** Said of every star when the schedule lives in this browser's storage. */
  localNote: string;
  /** Shown under a card whose stars ask the reader to sign in. */
  signedOutNote: string;
}

export const englishWords: Words = {
  loading: 'Loading the programme…',
  loadFailed: 'The programme could not be loaded.',
  retry: 'Try again',
  needsSource: 'No programme to show: give this element a src attribute or place it inside <programme-source>.',
  notInProgramme: (kind, id) => `${kind} ${id} is not in this programme.`,
  format: 'Format',
  theme: 'Theme',
  location: 'Location',
  convenors: 'Convenors',
  chairs: 'Chairs',
  discussants: 'Discussants',
  sessions: 'Sessions',
  noSessions: 'No sessions have been scheduled yet.',
  acceptedPapers: 'Accepted papers',
  noPapers: 'No papers in this session.',
  timeZone: (zone, offset) => `Time zone: ${zone} (${offset})`,
  abstract: 'Abstract',
  noAbstract: 'No abstract has been published.',
  showFullAbstract: 'Show full abstract',
  showShortAbstract: 'Show less',
  moreAboutPanel: 'Panel page',
  signIn: 'Sign in',
  signInToStar: (title) => `Sign in to add “${title}” to your schedule`,
  addToSchedule: (title) => `Add “${title}” to my schedule`,
  scheduleUnavailable: (title) => `Your schedule could not be loaded; try again to star “${title}”`,
  notSaved: (reason) => `Not saved: ${reason} The star was put back.`,
  localNote: 'Your schedule is saved in this browser only.',
  signedOutNote: 'Press a star to add an item to your own schedule. You need to sign in for this.',
};

let pageWords: Words = englishWords;

/** Overrides strings for every element on the page. */
export function setWords(overrides: Partial<Words>): void {
  pageWords = { ...pageWords, ...overrides };
}

/** The page-wide strings, with an element's own overrides on top. */
export function wordsFor(overrides?: Partial<Words>): Words {
  return overrides ? { ...pageWords, ...overrides } : pageWords;
}
