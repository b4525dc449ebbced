import { isC3voc2 } from './c3voc2.js';
import { isFrabShaped } from './frab.js';
import { isObject } from './json.js';
import { isPretalxSchedule } from './pretalx.js';
import { isPretalxWidget } from './pretalx-widget.js';
import { isIndicoEvent, isIndicoTimetable } from './indico.js';
import { isSessionize } from './sessionize.js';

export type DetectedFormat = 'native' | 'frab' | 'c3voc2' | 'pretalx' | 'sessionize' | 'indico';

/**
 * Which format a parsed document is in, from its shape; undefined when it cannot tell.
 * A document with `panels` and a `conference` is taken for a programme v1 even with a wrong or
 * missing `version`, so that validation can say exactly what is wrong with it.
 */
export function detectFormat(json: unknown): DetectedFormat | undefined {
  if (!isObject(json)) return undefined;
  if (Array.isArray(json.panels) && (json.version === 1 || isObject(json.conference))) return 'native';
  if (isPretalxWidget(json)) return 'pretalx';
  if (isC3voc2(json)) return 'c3voc2';
  if (isPretalxSchedule(json)) return 'pretalx';
  if (isFrabShaped(json)) return 'frab';
  if (isSessionize(json)) return 'sessionize';
  if (isIndicoTimetable(json) || isIndicoEvent(json)) return 'indico';
  return undefined;
}
