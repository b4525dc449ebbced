import type { Panel, Programme, Session } from '../../src/data/types.js';

/**
 * A large, valid, deterministic programme built in the browser for the "huge" stories: 10 days,
 * 100 rooms, 5 slots a day in each room, so exactly 5,000 sessions (3,000 panels: two two-session
 * panels and one single session per room and day), each with two papers. Same call, same document;
 * about 2 MB of JSON, built in well under a second.
 */
export const HUGE_SESSIONS = 5000;

const DAYS = 10;
const ROOMS = 100;
/** Start of each slot, conference time (Asia/Almaty, UTC+05:00); every session lasts 1 h 45 min. */
const SLOTS = ['09:00', '11:00', '13:30', '15:30', '17:30'];
const THEMES = [
  'History',
  'Anthropology and Ethnography',
  'Economics and Development',
  'Language and Literature',
  'Religion',
  'Environment and Energy',
  'Film, Media and the Arts',
  'Political Science, International Relations, and Law',
];
const FORMATS = ['Panel', 'Roundtable', 'Individual Paper Session', 'Book Discussion'];
const WORDS = (
  'archive steppe memory border water cotton oil railway bazaar shrine pasture migration cinema poetry ' +
  'courts elections reform irrigation heritage empire nomads diaspora language script media energy climate markets ' +
  'kinship labour museum frontier caravan petitions manuscripts radio theatre youth protest ecology mining'
).split(' ');
const NAMES = ['Aigerim', 'Bakhyt', 'Dilnoza', 'Erlan', 'Gulnara', 'Helen', 'Jamshid', 'Madina', 'Marat', 'Nodira', 'Rustam', 'Saule', 'Timur', 'Zarina'];
const SURNAMES = ['Abenova', 'Ashworth', 'Karimov', 'Nurlanov', 'Ospanova', 'Petrova', 'Rahimov', 'Sadykova', 'Tursunov', 'Yusupova'];
const PLACES = [
  'University of Northbridge',
  'Nazarbayev University',
  'Institute for Steppe History',
  'Tashkent State University',
  'American University of Central Asia',
];

/** A small linear congruential generator: deterministic, fast, good enough for filler text. */
function random(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function at(day: number, slot: number, minutes = 0): string {
  const [h, m] = SLOTS[slot].split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `2024-09-${pad(2 + day)}T${pad(Math.floor(total / 60))}:${pad(total % 60)}:00+05:00`;
}

export function hugeProgramme(): Programme {
  const pick = random(20240902);
  const word = () => WORDS[pick(WORDS.length)];
  const title = (n: number) => {
    const w = Array.from({ length: n }, word);
    return w[0][0].toUpperCase() + w[0].slice(1) + ' ' + w.slice(1).join(' ');
  };
  const person = () => ({ name: `${NAMES[pick(NAMES.length)]} ${SURNAMES[pick(SURNAMES.length)]}`, affiliation: PLACES[pick(PLACES.length)] });

  const panels: Panel[] = [];
  for (let day = 0; day < DAYS; day++) {
    for (let room = 0; room < ROOMS; room++) {
      // Slots [0, 1], [2, 3] and [4]: two panels of two sessions and one of a single session.
      for (const slots of [[0, 1], [2, 3], [4]]) {
        const id = `H${pad(day)}${String(room).padStart(3, '0')}${slots[0]}`;
        const sessions: Session[] = slots.map((slot, s) => ({
          id: `${id}-${s + 1}`,
          ...(slots.length > 1 ? { title: `Session ${s + 1}: ${title(3)}` } : {}),
          start: at(day, slot),
          end: at(day, slot, 105),
          papers: ['a', 'b'].map((p) => ({
            id: `${id}-${s + 1}-${p}`,
            title: title(6),
            authors: [person()],
            shortAbstract: `${title(12)}.`,
          })),
        }));
        panels.push({
          id,
          title: `${title(5)} (${id})`,
          format: FORMATS[pick(FORMATS.length)],
          theme: THEMES[pick(THEMES.length)],
          location: `Room ${room + 1}`,
          convenors: [person()],
          sessions,
        });
      }
    }
  }
  return {
    version: 1,
    conference: { id: 'storybook-huge', title: 'A conference of 5,000 sessions', timeZone: 'Asia/Almaty', locale: 'en' },
    panels,
  };
}

let url: string | undefined;

/**
 * The huge programme as a URL the elements can fetch like any other (a Blob URL), built the first
 * time it is asked for and then reused for the life of the page.
 */
export function hugeProgrammeUrl(): string {
  url ??= URL.createObjectURL(new Blob([JSON.stringify(hugeProgramme())], { type: 'application/json' }));
  return url;
}
