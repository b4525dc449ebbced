/** What an importer is told beside the document itself. */
export interface DraftOptions {
  /** Where the document was loaded from (relative links in it resolve against this). */
  url?: string;
  /**
   * The zone the host says the programme is in (the element's `time-zone`): used when the source
   * names none and its times carry no offset (FOSDEM's schedule.xml, Sessionize, floating iCalendar).
   */
  timeZone?: string;
}

/** An Error whose `reason` names the words an element shows for it (`needsTimeZone`). */
const reasoned = (message: string) => Object.assign(new Error(message), { reason: 'needsTimeZone' as const });

/**
 * Thrown when a source's times carry no offset and neither it nor the host names a zone: the
 * programme is not guessed into the wrong hours.
 */
export function zoneNeeded(field: string): never {
  throw reasoned(
    `This schedule does not say its time zone (no ${field}), and its times carry no offset; ` +
      'set time-zone="Area/City" on the element (for example time-zone="Europe/Brussels"), ' +
      'or --time-zone=Area/City for the converter.',
  );
}
