import type { ProgrammeIndex } from './programme-index.js';

/** Why the programme cannot be shown, and how the reader may try again. */
export interface ProgrammeProblem {
  /** What to tell the reader, when no `reason` says it in the reader's language. */
  message: string;
  /** Which of the element's own strings to show instead of `message`. */
  reason?: 'loadFailed' | 'needsSource' | 'needsTimeZone';
  retry?: () => void;
}

/** The programme as an element sees it: still loading, ready, or failed with a way to retry. */
export type ProgrammeState = { status: 'loading' } | { status: 'ready'; index: ProgrammeIndex } | ({ status: 'error' } & ProgrammeProblem);
