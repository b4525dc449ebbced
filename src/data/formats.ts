/** What a programme document is: ours (`native`) or another system's export, or `auto` to tell by its shape. */
export type ProgrammeFormat = 'auto' | 'native' | 'frab' | 'c3voc2' | 'pretalx';

export const PROGRAMME_FORMATS: readonly ProgrammeFormat[] = ['auto', 'native', 'frab', 'c3voc2', 'pretalx'];

export function isProgrammeFormat(value: unknown): value is ProgrammeFormat {
  return typeof value === 'string' && (PROGRAMME_FORMATS as readonly string[]).includes(value);
}
