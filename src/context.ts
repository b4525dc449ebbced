import { createContext } from '@lit/context';
import type { ProgrammeState } from './data/programme-state.js';
import type { ScheduleChoice } from './schedule/resolve.js';

export type { ProgrammeState, ScheduleChoice };

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

/** Which schedule the stars use, as a `<programme-source>` was told (see ScheduleChoice). */
export const scheduleContext = createContext<ScheduleChoice>('programme-elements:schedule');
