/**
 * What a programme document is: ours (`native`), another system's export, or `auto` to tell by its
 * content. `frab` is frab/pentabarf in either of its forms (schedule.json or schedule.xml).
 */
export type ProgrammeFormat = 'auto' | 'native' | 'frab' | 'c3voc2' | 'pretalx' | 'ical' | 'sessionize' | 'indico' | 'csv';

export const PROGRAMME_FORMATS: readonly ProgrammeFormat[] = ['auto', 'native', 'frab', 'c3voc2', 'pretalx', 'ical', 'sessionize', 'indico', 'csv'];

export function isProgrammeFormat(value: unknown): value is ProgrammeFormat {
  return typeof value === 'string' && (PROGRAMME_FORMATS as readonly string[]).includes(value);
}
