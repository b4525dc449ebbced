/**
 * A frab schedule.json v1 with no `time_zone_name`, whose times carry +02:00, as some exports are:
 * the elements read it through the frab importer and show it at that offset. Served from a Blob URL.
 */
export function zonelessExport() {
  const event = (n: number, start: string, title: string, speaker: string) => ({
    guid: `frab-zoneless-${n}`,
    date: `2019-08-21T${start}:00+02:00`,
    start,
    duration: '00:45',
    room: 'Hall A',
    title,
    type: 'lecture',
    track: 'Community',
    abstract: 'A talk from an export that does not say its time zone.',
    persons: [{ public_name: speaker }],
  });
  return {
    schedule: {
      version: 'story',
      conference: {
        acronym: 'zoneless',
        title: 'An export without a time zone',
        days: [{ index: 1, date: '2019-08-21', rooms: { 'Hall A': [event(1, '11:00', 'Opening', 'Ada'), event(2, '12:00', 'Mapping the camp', 'Grace')] } }],
      },
    },
  };
}

let url: string | undefined;

/** The export above as a Blob URL, built once per page. */
export function zonelessExportUrl(): string {
  url ??= URL.createObjectURL(new Blob([JSON.stringify(zonelessExport())], { type: 'application/json' }));
  return url;
}
