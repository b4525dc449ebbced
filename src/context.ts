import { createContext } from '@lit/context';
import type { ProgrammeIndex } from './data/programme-index.js';

/** The programme as an element sees it: still loading, ready, or failed with a way to retry. */
export type ProgrammeState =
  | { status: 'loading' }
  | { status: 'ready'; index: ProgrammeIndex }
  | {
      status: 'error';
      /** What to tell the reader, when no `reason` says it in the reader's language. */
      message: string;
      /** Which of the element's own strings to show instead of `message`. */
      reason?: 'loadFailed' | 'needsSource';
      retry?: () => void;
    };

/**
 * Which zone times are shown in: `conference` (the default), `viewer` (the reader's own zone),
 * or an IANA zone name.
 */
export type TimeZoneChoice = 'conference' | 'viewer' | (string & {});

export interface DisplaySettings {
  timeZone: TimeZoneChoice;
}

/*
 * Keys are strings, not symbols, so that two copies of the library on one page (say the CDN file
 * and an npm build) still find each other's providers.
 */
export const programmeContext = createContext<ProgrammeState>('programme-elements:programme');
export const displayContext = createContext<DisplaySettings>('programme-elements:display');

/**
 * Which schedule the stars use, as a `<programme-source>` was told: a host's own adapter, or the
 * declarative choice (`local`, or the base URL of an HTTP schedule API) with its login page.
 * Each element turns it into the one store for that adapter (the local one needs the conference id).
 */
export interface ScheduleChoice {
  adapter?: import('./schedule/adapter.js').ScheduleAdapter;
  schedule?: string | null;
  loginUrl?: string | null;
}

export const scheduleContext = createContext<ScheduleChoice>('programme-elements:schedule');
