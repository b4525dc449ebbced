import { registerWords, type Words } from '../words.js';

/** German. Import `programme-elements/locales/de.js` (or load `dist/locales/de.js`) to use it where `lang="de"`. */
export const germanWords: Words = {
  loading: 'Das Programm wird geladen …',
  loadFailed: 'Das Programm konnte nicht geladen werden.',
  retry: 'Erneut versuchen',
  needsSource: 'Kein Programm: Geben Sie diesem Element ein src-Attribut oder setzen Sie es in <programme-source>.',
  notInProgramme: (kind, id) => `${kind === 'Panel' ? 'Panel' : kind === 'Paper' ? 'Beitrag' : kind} ${id} ist nicht in diesem Programm.`,
  notShown: (kind, id) =>
    `${kind === 'Panel' ? 'Panel' : kind === 'Paper' ? 'Beitrag' : kind} ${id} in diesem Programm enthält Fehler und wird nicht angezeigt.`,
  partlyShown: (n) =>
    `${n} ${n === 1 ? 'Eintrag dieses Panels enthält Fehler und wird' : 'Einträge dieses Panels enthalten Fehler und werden'} nicht angezeigt.`,
  zoneGuessed: ({ reason, stated, shown }) =>
    reason === 'unnamed'
      ? `Dieser Zeitplan nennt keine Zeitzone; die Zeiten werden mit dem UTC-Versatz gezeigt, den sie tragen.`
      : reason === 'unknown'
        ? `Dieser Zeitplan nennt eine Zeitzone, die dieser Browser nicht kennt („${stated}“); die Zeiten werden in ${shown} gezeigt.`
        : `Dieser Zeitplan nennt die Zeitzone ${stated}, seine Zeiten passen aber nicht dazu; sie werden in ${shown} gezeigt, wozu sie passen.`,
  skipped: (n) =>
    `${n} ${n === 1 ? 'Eintrag dieses Programms enthält Fehler und wird' : 'Einträge dieses Programms enthalten Fehler und werden'} nicht angezeigt.`,
  format: 'Format',
  theme: 'Thema',
  location: 'Ort',
  convenors: 'Organisation',
  chairs: 'Vorsitz',
  discussants: 'Diskussion',
  sessions: 'Sitzungen',
  noSessions: 'Es sind noch keine Sitzungen geplant.',
  acceptedPapers: 'Angenommene Beiträge',
  timeZone: (zone, offset) => (zone === offset ? `Zeitzone: ${zone}` : `Zeitzone: ${zone} (${offset})`),
  noAbstract: 'Es wurde keine Zusammenfassung veröffentlicht.',
  showFullAbstract: 'Ganze Zusammenfassung zeigen',
  showShortAbstract: 'Weniger zeigen',
  moreAboutPanel: 'Seite des Panels',
  signIn: 'Anmelden',
  signInToStar: (title) => `Anmelden, um „${title}“ in Ihren Plan aufzunehmen`,
  addToSchedule: (title) => `„${title}“ in meinen Plan aufnehmen`,
  scheduleUnavailable: (title) => `Ihr Plan konnte nicht geladen werden; erneut versuchen, um „${title}“ zu markieren`,
  notSaved: (reason) => `Nicht gespeichert: ${reason} Der Stern wurde zurückgesetzt.`,
  notSentYet: (reason) => `Noch nicht gesendet: ${reason} Ihre Änderung bleibt erhalten und wird gesendet, sobald der Server wieder erreichbar ist.`,
  localNote: 'Ihr Plan wird nur in diesem Browser gespeichert.',
  signedOutNote: 'Mit einem Stern nehmen Sie einen Eintrag in Ihren Plan auf. Dazu müssen Sie angemeldet sein.',
  showing: (shown, total) => (shown === total ? `${total} ${total === 1 ? 'Sitzung' : 'Sitzungen'}` : `${shown} von ${total} Sitzungen`),
  noMatch: 'Keine Sitzung passt zu diesen Filtern.',
  noSessionsInProgramme: 'Es sind noch keine Sitzungen geplant.',
  clearFilters: 'Alle Filter zurücksetzen',
  timesIn: (zone, isConferenceZone) => `Zeiten in ${zone}${isConferenceZone ? ', der Zeitzone der Konferenz' : ''}.`,
  filtersLabel: 'Programm filtern',
  search: 'Titel, Personen und Zusammenfassungen durchsuchen',
  day: 'Tag',
  allDays: 'Alle Tage',
  allThemes: 'Alle Themen',
  allFormats: 'Alle Formate',
  allLocations: 'Alle Orte',
  starredOnly: 'Nur meine markierten Einträge',
  timesLegend: 'Zeiten anzeigen in',
  conferenceTime: (zone) => `Konferenzzeit (${zone})`,
  myTime: (zone) => `Meine Zeit (${zone})`,
  viewLegend: 'Ansicht',
  listView: 'Liste',
  gridView: 'Zeitplan',
  downloadShown: 'Diese Sitzungen herunterladen (.ics)',
  downloadStarred: 'Meine markierten Sitzungen herunterladen (.ics)',
  happeningNow: 'Läuft gerade',
  showDetails: 'Details',
  hideDetails: 'Details ausblenden',
  timetableFor: (day) => `Zeitplan für ${day}`,
  noRoom: 'Raum wird noch bekannt gegeben',
  nothingToDownload: 'Nichts herunterzuladen: Keine Sitzung ist markiert oder angezeigt.',
};

registerWords('de', germanWords);
