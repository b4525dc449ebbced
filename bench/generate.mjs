#!/usr/bin/env node
/**
 * Generates large, valid, deterministic programmes (format v1) for the benchmark.
 *
 *   node bench/generate.mjs            writes bench/out/programme-{100,1000,5000}.json
 *   node bench/generate.mjs 250 2000   writes those sizes instead
 *
 * `generateProgramme({ sessions, days, rooms, seed })` returns the programme object: a conference
 * in Asia/Almaty, panels of 1–3 sessions held in one room in consecutive slots, 1–4 papers per
 * session with a title, authors with affiliations, a ~30-word short abstract and a ~150-word
 * abstract in two or three paragraphs (pseudo-random words from a fixed vocabulary), 8 themes,
 * 4 formats, `rooms` locations. Exactly `sessions` sessions are spread evenly over `days` days,
 * each day filled slot by slot across the rooms. Same arguments, same document.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIZES = [100, 1000, 5000];
export const TIME_ZONE = 'Asia/Almaty';
/** First day of the generated conference (a Sunday); Almaty is on UTC+05:00 then. */
const FIRST_DAY = '2024-06-09';

export const THEMES = [
  'History',
  'Anthropology and Ethnography',
  'Economics and Development',
  'Language and Literature',
  'Religion',
  'Environment and Energy',
  'Political Science, International Relations, and Law',
  'Film, Media and the Arts',
];
export const FORMATS = ['Panel', 'Roundtable', 'Individual Paper Session', 'Book Discussion'];

/**
 * The words of titles and abstracts. Drawn with a Zipf-like weight (the first words are the most
 * common), so that a search for a word further down the list matches some sessions, not all.
 */
const VOCABULARY = (
  'the of and in to a on as for with from by this that between its their which how these were ' +
  'state empire history local new social public political cultural practices power identity ' +
  'memory archive everyday regional national soviet post-soviet colonial modern rural urban ' +
  'community family households labour migration border borders networks institutions policy ' +
  'reform governance law courts religion islamic ritual language literature poetry film media ' +
  'music art heritage museum education schools youth gender women elites authority legitimacy ' +
  'economy markets trade bazaar oil gas water land pasture herders nomads settlement irrigation ' +
  'cotton agriculture infrastructure railway roads cities mobility diaspora remittances ' +
  'development aid environment climate energy mining ecology disaster health medicine hospitals ' +
  'kinship marriage property inheritance shrines pilgrimage saints scholars manuscripts print ' +
  'newspapers radio television internet digital platforms activism protest elections parties ' +
  'parliament constitution security military war revolution independence nation-building ' +
  'ideology nationalism minorities ethnicity translation bilingualism script alphabet reform ' +
  'fieldwork interviews ethnography survey statistics census maps surveyors officials ' +
  'petitions letters diaries photographs archives collections exhibitions theatre novel epic ' +
  'steppe mountains valley oasis river sea frontier caravan silk road china russia iran ' +
  'turkey afghanistan mongolia xinjiang kazakhstan uzbekistan kyrgyzstan tajikistan ' +
  'turkmenistan azerbaijan georgia armenia tatarstan siberia caucasus ferghana almaty tashkent ' +
  'bishkek dushanbe samarkand bukhara khiva orenburg turkestan semirechye argues shows examines ' +
  'explores traces reconsiders demonstrates suggests compares analyses reads draws builds ' +
  'revisits questions challenges situates highlights reveals offers maps follows contrasts ' +
  'through across within among during after before under beyond against toward despite ' +
  'twentieth nineteenth early late century decades period years moment era transformation ' +
  'continuity change rupture negotiation resistance accommodation adaptation circulation ' +
  'exchange encounter contact conflict cooperation solidarity patronage clientelism corruption ' +
  'welfare pensions housing neighbourhood mahalla village collective farm kolkhoz sovkhoz ' +
  'planning industrialisation modernisation secularism atheism veiling dress food hospitality ' +
  'ceremony feast mourning wedding music bards storytelling folklore oral testimony silence'
).split(' ');

/** Words used in the benchmark's search: rank ~120 of the vocabulary, present in roughly half the sessions. */
export const SEARCH_WORD = 'pilgrimage';

const FIRST_NAMES =
  'Aigerim Marat Helen Bakhyt Daniyar Saule Olivia Timur Gulnara Rustam Anna Yerlan Dilnoza Farrukh Zarina Nurlan Elena James Madina Askar Kamila Sergei Laura Bolat Aliya Jamshid Sofia Arman Leila Ravshan Mariam David Nigora Erik Asel Ruslan Clara Daulet Malika Tom'.split(
    ' ',
  );
const LAST_NAMES =
  'Zhumabekov Ashworth Ospanova Karimov Abdullaeva Seitkali Petrov Nazarbayeva Tursunov Mirzaev Levina Sultanbekov Rahimova Usmonov Ibraimova Kenzhebaev Morozova Whitfield Yusupova Akhmetov Temirova Volkov Schneider Dzhaksybekov Nurmagambetova Kholmatov Rossi Alieva Sharipov Orlova Becker Amanova Tokhtarov Fischer Saparova Ermekov Dubois Khan Baimukhamedov Novak'.split(
    ' ',
  );
const AFFILIATIONS = [
  'Institute for Steppe History, Almaty',
  'University of Northbridge',
  'Eurasian University of Astana',
  'Nazarbayev University',
  'American University of Central Asia',
  'KIMEP University',
  'Tashkent State University of Oriental Studies',
  'Samarkand State University',
  'University of Central Asia, Khorog',
  'Higher School of Economics, Moscow',
  'University of Oxford',
  'Indiana University Bloomington',
  'Humboldt University of Berlin',
  'SOAS University of London',
  'University of Tsukuba',
  'Sciences Po, Paris',
  'Leiden University',
  'University of Wisconsin–Madison',
  'George Washington University',
  'Ilia State University, Tbilisi',
  'Academy of Sciences of Uzbekistan',
  'Kyrgyz National University',
  'Tajik National University',
  'Al-Farabi Kazakh National University',
  'Independent scholar',
];

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
function prng(seed) {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative Zipf weights (exponent 1) over the vocabulary, for binary search. */
const CUMULATIVE = (() => {
  let sum = 0;
  const out = VOCABULARY.map((_, i) => (sum += 1 / (i + 1)));
  return out.map((v) => v / sum);
})();

/** The offset of `timeZone` at the instant `utcMs`, as `+hh:mm`, from the platform's time-zone data. */
const offsetFormats = new Map();
function offsetOf(timeZone, utcMs) {
  let format = offsetFormats.get(timeZone);
  if (!format) offsetFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const parts = format.formatToParts(new Date(utcMs));
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

const pad = (n) => String(n).padStart(2, '0');

/**
 * A valid programme v1 object with exactly `sessions` sessions.
 * @param {{ sessions: number, days?: number, rooms?: number, seed?: number }} options
 */
export function generateProgramme({ sessions, days = 4, rooms = 20, seed = 1 }) {
  if (!Number.isInteger(sessions) || sessions < 0) throw new TypeError('sessions must be a whole number');
  if (!(days >= 1 && rooms >= 1)) throw new TypeError('days and rooms must be at least 1');
  const random = prng(seed * 7919 + sessions);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const word = () => {
    const r = random();
    let lo = 0;
    let hi = CUMULATIVE.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (CUMULATIVE[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return VOCABULARY[lo];
  };
  const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const words = (n) => Array.from({ length: n }, word);
  const sentence = (n) => `${capital(words(n).join(' '))}.`;
  const title = () => {
    const main = words(int(3, 7)).map(capital).join(' ');
    return random() < 0.5 ? `${main}: ${words(int(3, 6)).map(capital).join(' ')}` : main;
  };
  /** About `total` words in sentences of 8–22 words, split into `paragraphs` paragraphs. */
  const text = (total, paragraphs = 1) => {
    const sentences = [];
    for (let left = total; left > 0;) {
      const n = Math.min(left, int(8, 22));
      sentences.push(sentence(n));
      left -= n;
    }
    if (paragraphs <= 1) return sentences.join(' ');
    const per = Math.ceil(sentences.length / paragraphs);
    const out = [];
    for (let i = 0; i < sentences.length; i += per) out.push(sentences.slice(i, i + per).join(' '));
    return out.join('\n\n');
  };
  const person = () => ({ name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`, affiliation: pick(AFFILIATIONS) });
  const people = (lo, hi) => Array.from({ length: int(lo, hi) }, person);

  const roomNames = Array.from({ length: rooms }, (_, i) => {
    const floor = 1 + Math.floor(i / 6);
    return `${floor}${pad((i % 6) + 1)} (Floor ${floor})`;
  });

  // Sessions per day, as even as possible; slots per day from the fullest day.
  const perDay = Array.from({ length: days }, (_, d) => Math.floor(sessions / days) + (d < sessions % days ? 1 : 0));
  const slotsPerDay = Math.max(1, Math.ceil(perDay[0] / rooms));
  // Slots fill 08:00–22:00 (from 09:00 with 2-hour slots when there are few): a 1h45 session in
  // a 2-hour slot for small programmes, down to 5-minute slots; past 168 slots a day, the whole
  // day in steps of whole minutes (past 1,440 slots a room a day, sessions spill into the next day).
  const fitsDaytime = slotsPerDay * 5 <= 14 * 60;
  const step = fitsDaytime ? Math.min(120, Math.floor((14 * 60) / slotsPerDay / 5) * 5) : Math.max(1, Math.floor(1440 / slotsPerDay));
  const firstSlot = !fitsDaytime ? 0 : step === 120 ? 9 * 60 : 8 * 60;
  const length = step >= 60 ? step - 15 : step > 5 ? step - 5 : step;

  const [y, m, d0] = FIRST_DAY.split('-').map(Number);
  const instant = (day, minutes) => {
    const wall = Date.UTC(y, m - 1, d0 + day, 0, minutes);
    // Offset at the wall time read as UTC, then again at the real instant (exact outside a DST jump).
    let offset = offsetOf(TIME_ZONE, wall);
    const sign = offset[0] === '-' ? -1 : 1;
    const offsetMinutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    offset = offsetOf(TIME_ZONE, wall - offsetMinutes * 60_000);
    const w = new Date(wall);
    return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:00${offset}`;
  };

  // Cells: per day, per room, the slots that room holds (slot-major filling across rooms).
  const panels = [];
  let panelNo = 0;
  for (let day = 0; day < days; day++) {
    const slotsOfRoom = Array.from({ length: rooms }, () => []);
    for (let cell = 0; cell < perDay[day]; cell++) slotsOfRoom[cell % rooms].push(Math.floor(cell / rooms));
    for (let room = 0; room < rooms; room++) {
      const slots = slotsOfRoom[room];
      for (let i = 0; i < slots.length;) {
        const take = Math.min(int(1, 3), slots.length - i);
        const id = `P${String(++panelNo).padStart(4, '0')}`;
        const panel = {
          id,
          title: title(),
          format: pick(FORMATS),
          theme: pick(THEMES),
          location: roomNames[room],
          description: text(int(40, 80), 1),
          url: `https://example.org/bench-conference/panels/${id}`,
          convenors: people(1, 2),
          chairs: people(1, 1),
          discussants: people(0, 1),
          sessions: [],
        };
        for (let s = 0; s < take; s++, i++) {
          const startMinutes = firstSlot + slots[i] * step;
          const sessionId = `${id}-${s + 1}`;
          const session = {
            id: sessionId,
            ...(take > 1 ? { title: `Session ${s + 1}` } : {}),
            start: instant(day, startMinutes),
            end: instant(day, startMinutes + length),
            papers: [],
          };
          const paperCount = int(1, 4);
          for (let p = 0; p < paperCount; p++) {
            session.papers.push({
              id: `${sessionId}-${String.fromCharCode(97 + p)}`,
              title: title(),
              authors: people(1, 3),
              shortAbstract: text(int(22, 32), 1),
              abstract: text(int(135, 165), int(2, 3)),
            });
          }
          panel.sessions.push(session);
        }
        panels.push(panel);
      }
    }
  }

  return {
    version: 1,
    conference: {
      id: `bench-${sessions}`,
      title: `Benchmark Conference of ${sessions} Sessions`,
      timeZone: TIME_ZONE,
      locale: 'en',
      url: 'https://example.org/bench-conference',
    },
    panels,
  };
}

/**
 * Checks a document with the project's own runtime validator (src/data/validate.ts, transpiled
 * on the fly) and the JSON Schema (schema/programme.schema.json, with ajv). Returns the problems.
 */
export async function checkProgramme(doc) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const { readFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const ts = (await import('typescript')).default;
  // Transpile validate.ts and the modules it imports (relative ones) into a scratch folder, then import it.
  const out = mkdtempSync(join(tmpdir(), 'bench-validate-'));
  const pending = ['validate'];
  for (const seen = new Set(); pending.length;) {
    const name = pending.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    const source = readFileSync(join(root, `src/data/${name}.ts`), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    for (const [, dep] of js.matchAll(/from '\.\/([\w-]+)\.js'/g)) pending.push(dep);
    writeFileSync(join(out, `${name}.js`), js);
  }
  const { validateProgramme } = await import(pathToFileURL(join(out, 'validate.js')).href);
  const problems = validateProgramme(doc).problems.map((p) => `validate.ts ${p.path}: ${p.message}`);
  const Ajv2020 = (await import('ajv/dist/2020.js')).default;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const schema = JSON.parse(readFileSync(join(root, 'schema/programme.schema.json'), 'utf8'));
  if (!ajv.validate(schema, doc)) problems.push(...ajv.errors.slice(0, 20).map((e) => `schema ${e.instancePath}: ${e.message}`));
  return problems;
}

/** Counts of what a document holds, and how many sessions mention `word` (as the list's search does). */
export function describe(doc, word = SEARCH_WORD) {
  const re = new RegExp(word, 'iu');
  let sessions = 0;
  let papers = 0;
  let matching = 0;
  for (const panel of doc.panels) {
    for (const session of panel.sessions ?? []) {
      sessions++;
      papers += session.papers?.length ?? 0;
      const texts = [panel.title, panel.description, session.title, ...(session.papers ?? []).flatMap((p) => [p.title, p.shortAbstract, p.abstract])];
      if (texts.some((t) => t && re.test(t))) matching++;
    }
  }
  return { panels: doc.panels.length, sessions, papers, matching };
}

/** Writes bench/out/programme-{N}.json for each size, validated; returns the paths. */
export async function writeProgrammes(sizes = SIZES, outDir = join(dirname(fileURLToPath(import.meta.url)), 'out'), { log = console.log } = {}) {
  mkdirSync(outDir, { recursive: true });
  const paths = [];
  for (const n of sizes) {
    const doc = generateProgramme({ sessions: n, seed: 2024 });
    const problems = await checkProgramme(doc);
    if (problems.length) throw new Error(`generated programme-${n} is not valid:\n  ${problems.slice(0, 20).join('\n  ')}`);
    const json = JSON.stringify(doc);
    const path = join(outDir, `programme-${n}.json`);
    writeFileSync(path, json);
    const info = describe(doc);
    log(
      `wrote ${path}: ${info.panels} panels, ${info.sessions} sessions, ${info.papers} papers, ${(json.length / 1048576).toFixed(1)} MiB; "${SEARCH_WORD}" in ${info.matching} sessions; valid`,
    );
    paths.push(path);
  }
  return paths;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0);
  await writeProgrammes(sizes.length ? sizes : SIZES);
}
