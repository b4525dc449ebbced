/**
 * Does a person's secret calendar URL hold exactly their starred sessions, stay current, and stop
 * working when replaced or turned off? Tests `calendarFeed` (dist/server/calendar-feed.js, so run
 * `npm run build` first) and server/calendar.mjs over real HTTP, on a SQLite file in a temp folder.
 * Run with `node --test test/node/`.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { copyFile, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { calendarFeed } from '../../dist/server/calendar-feed.js';
import { calendarRoutes } from '../../server/calendar.mjs';
import { originPolicy } from '../../server/cors.mjs';
import { openDatabase } from '../../server/db/index.mjs';
import { hashGate } from '../../server/hash-gate.mjs';
import { serverSessions } from '../../server/sessions.mjs';
import { DEMO_USERS, userDirectory } from '../../server/users.mjs';

const programme = JSON.parse(await readFile(new URL('../../demo/programme.json', import.meta.url), 'utf8'));
const conferenceId = programme.conference.id;
const uidOf = (sessionId) => `${sessionId}@${conferenceId}.programme-elements`;
const sessionsOf = (panelId) => programme.panels.find((p) => p.id === panelId).sessions;
const startOf = new Map(programme.panels.flatMap((p) => p.sessions ?? []).map((s) => [s.id, Date.parse(s.start)]));

/** The VEVENTs of an iCalendar text, parsed by ical.js: UID and DTSTART instant (ms). */
function events(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: event.getFirstPropertyValue('uid'),
    start: event.getFirstPropertyValue('dtstart').toJSDate().getTime(),
  }));
}
const uids = (text) => events(text).map((e) => e.uid);
const sorted = (list) => [...list].sort();

describe('calendarFeed', () => {
  test('holds exactly the starred sessions, with their starts', () => {
    const text = calendarFeed(programme, ['P003-2', 'P005-1'], { now: new Date('2024-06-01T00:00:00Z') });
    assert.deepEqual(sorted(uids(text)), sorted([uidOf('P003-2'), uidOf('P005-1')]));
    for (const { uid, start } of events(text)) assert.equal(start, startOf.get(uid.split('@')[0]), uid);
    assert.match(text, /^DTSTAMP:20240601T000000Z\r$/m);
    assert.match(text, /^REFRESH-INTERVAL;VALUE=DURATION:PT1H\r$/m);
  });

  test('a starred panel brings all its sessions, a starred paper its session', () => {
    const text = calendarFeed(programme, ['P003', 'P008-2-b'], {});
    assert.deepEqual(sorted(uids(text)), sorted([...sessionsOf('P003').map((s) => uidOf(s.id)), uidOf('P008-2')]));
  });

  test('ids the programme does not have are ignored; nothing starred gives an empty calendar', () => {
    assert.deepEqual(uids(calendarFeed(programme, ['nope', 'P011-1', '', 'P011-1'], {})), [uidOf('P011-1')]);
    const empty = calendarFeed(programme, ['nope'], {});
    assert.deepEqual(uids(empty), []);
    assert.match(empty, /^BEGIN:VCALENDAR\r\n[\s\S]*X-PUBLISHED-TTL:PT1H\r\nEND:VCALENDAR\r\n$/);
  });

  test('every starred session of the programme, each once, at its start', () => {
    const all = [...startOf.keys()];
    const found = events(calendarFeed(programme, [...all, ...programme.panels.map((p) => p.id)], {}));
    assert.equal(found.length, all.length);
    for (const { uid, start } of found) assert.equal(start, startOf.get(uid.split('@')[0]));
  });

  test('names the calendar', () => {
    assert.match(calendarFeed(programme, [], { calendarName: 'My CESS' }), /^X-WR-CALNAME:My CESS\r$/m);
    assert.match(calendarFeed(programme, [], {}), /^X-WR-CALNAME:Central Eurasian Studies Society 2024 Regional Conference\r$/m);
  });

  test('a programme with a broken panel still gives the rest; a broken document throws', () => {
    const broken = structuredClone(programme);
    broken.panels[0].sessions[0].start = 'soon';
    assert.deepEqual(uids(calendarFeed(broken, ['P003-1', 'P005-1'], {})), [uidOf('P005-1')]);
    assert.throws(() => calendarFeed({ version: 1 }, [], {}), /not a valid programme/);
  });
});

describe('calendar routes over HTTP', () => {
  let dir, db, server, base, programmeFile, cookie, lookups;
  const routesOptions = {};

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calendar-test-'));
    programmeFile = join(dir, 'programme.json');
    await copyFile(new URL('../../demo/programme.json', import.meta.url), programmeFile);
    db = await openDatabase({ file: join(dir, 'db.sqlite') });
    await db.ensureUsers(DEMO_USERS);
    // Counts token look-ups, to see that a malformed token costs none.
    lookups = 0;
    const userOfToken = db.userOfToken.bind(db);
    const counted = Object.assign(Object.create(db), { userOfToken: (...args) => (lookups++, userOfToken(...args)) });
    const sessions = serverSessions({ db });
    const users = userDirectory({ db, gate: hashGate() });
    const cors = originPolicy(['https://allowed.example']);
    const routes = calendarRoutes({ db: counted, sessions, users, cors, programmeFile });
    const withPublicUrl = calendarRoutes({ db, sessions, users, cors, programmeFile, publicUrl: 'https://schedule.example.org/conf/' });
    const unbuilt = calendarRoutes({ db, sessions, users, cors, programmeFile, feedModule: join(dir, 'missing.js') });
    routesOptions.pick = (req) => (req.headers['x-test'] === 'public' ? withPublicUrl : req.headers['x-test'] === 'unbuilt' ? unbuilt : routes);
    server = createServer(async (req, res) => {
      try {
        const url = new URL(`http://server${req.url}`);
        if ((await routesOptions.pick(req)(req, res, url)) === false) res.writeHead(404).end('not mine');
      } catch (e) {
        res.writeHead(500).end(String(e.stack));
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${server.address().port}`;
    cookie = `programme-session=${await db.createSession('ada', Date.now())}`;
    for (const id of ['P003-2', 'P005']) await db.choose('ada', id, true, Date.now(), 1000);
  });

  after(async () => {
    server?.closeAllConnections();
    await new Promise((done) => (server ? server.close(done) : done()));
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const api = (method, headers = {}) =>
    fetch(`${base}/api/schedule/calendar`, { method, headers: { 'x-requested-with': 'programme-elements', cookie, ...headers } });
  const json = async (response) => ({ status: response.status, body: await response.json() });
  const pathOf = (url) => new URL(url).pathname;

  test('the API needs the header and a signed-in session', async () => {
    assert.equal((await fetch(`${base}/api/schedule/calendar`, { headers: { cookie } })).status, 403);
    assert.equal((await api('GET', { cookie: '' })).status, 401);
    assert.equal((await api('POST', { cookie: 'programme-session=wrong' })).status, 401);
    assert.equal((await api('PUT')).status, 405);
    assert.equal((await api('GET', { origin: 'https://evil.example' })).status, 403);
    assert.equal((await fetch(`${base}/elsewhere`)).status, 404);
  });

  test('a preflight from an allowed origin allows GET, POST and DELETE', async () => {
    const response = await fetch(`${base}/api/schedule/calendar`, {
      method: 'OPTIONS',
      headers: { origin: 'https://allowed.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-requested-with' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://allowed.example');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.deepEqual(response.headers.get('access-control-allow-methods').split(/,\s*/).sort(), ['DELETE', 'GET', 'POST']);
    assert.match(response.headers.get('access-control-allow-headers'), /X-Requested-With/i);
    const refused = await fetch(`${base}/api/schedule/calendar`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    assert.equal(refused.status, 403);
  });

  test('POST makes a URL whose feed holds the starred sessions, always current', async () => {
    assert.deepEqual(await json(await api('GET')), { status: 200, body: { exists: false } });
    const made = await json(await api('POST'));
    assert.equal(made.status, 200);
    assert.match(made.body.url, new RegExp(`^${base}/calendar/[A-Za-z0-9_-]{20,}\\.ics$`));
    assert.equal(made.body.webcal, made.body.url.replace(/^http:/, 'webcal:'));
    assert.deepEqual(await json(await api('GET')), { status: 200, body: { exists: true } });

    // No cookie: the token is the secret.
    const response = await fetch(made.body.url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(response.headers.get('content-disposition'), 'inline; filename="schedule.ics"');
    const text = await response.text();
    assert.deepEqual(sorted(uids(text)), sorted([uidOf('P003-2'), ...sessionsOf('P005').map((s) => uidOf(s.id))]));
    for (const { uid, start } of events(text)) assert.equal(start, startOf.get(uid.split('@')[0]));

    const head = await fetch(made.body.url, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(await head.text(), '');
    assert.equal((await fetch(made.body.url, { method: 'POST' })).status, 405);

    // A star pressed now shows at the next fetch.
    await db.choose('ada', 'P011-1-a', true, Date.now(), 1000);
    assert.ok(uids(await (await fetch(made.body.url)).text()).includes(uidOf('P011-1')));
    await db.choose('ada', 'P011-1-a', false, Date.now() + 1, 1000);
    assert.ok(!uids(await (await fetch(made.body.url)).text()).includes(uidOf('P011-1')));
  });

  test('a changed programme file shows at the next fetch', async () => {
    const { body } = await json(await api('POST'));
    const changed = structuredClone(programme);
    changed.panels.find((p) => p.id === 'P003').sessions[1].start = '2024-06-07T11:05:00+05:00';
    await writeFile(programmeFile, JSON.stringify(changed));
    const later = new Date(Date.now() + 5000);
    await utimes(programmeFile, later, later);
    const event = events(await (await fetch(body.url)).text()).find((e) => e.uid === uidOf('P003-2'));
    assert.equal(event.start, Date.parse('2024-06-07T11:05:00+05:00'));
    await copyFile(new URL('../../demo/programme.json', import.meta.url), programmeFile);
    const again = new Date(Date.now() + 10000);
    await utimes(programmeFile, again, again);
    assert.equal(events(await (await fetch(body.url)).text()).find((e) => e.uid === uidOf('P003-2')).start, startOf.get('P003-2'));
  });

  test('a new POST replaces the URL: the old one answers 404', async () => {
    const first = (await json(await api('POST'))).body;
    const second = (await json(await api('POST'))).body;
    assert.notEqual(first.url, second.url);
    assert.equal((await fetch(first.url)).status, 404);
    assert.equal((await fetch(first.url, { method: 'HEAD' })).status, 404);
    assert.equal((await fetch(second.url)).status, 200);
  });

  test('DELETE turns the URL off', async () => {
    const { body } = await json(await api('POST'));
    assert.equal((await fetch(body.url)).status, 200);
    const deleted = await api('DELETE');
    assert.equal(deleted.status, 204);
    assert.equal((await fetch(body.url)).status, 404);
    assert.deepEqual(await json(await api('GET')), { status: 200, body: { exists: false } });
  });

  test('unknown and malformed tokens answer 404; malformed ones without a look-up', async () => {
    const before = lookups;
    assert.equal((await fetch(`${base}/calendar/${'A'.repeat(32)}.ics`)).status, 404);
    assert.equal(lookups, before + 1);
    for (const bad of ['a%20b', 'a.b', 'A'.repeat(101), '', '%00', 'a+b', 'a=']) {
      assert.equal((await fetch(`${base}/calendar/${bad}.ics`)).status, 404, bad);
    }
    assert.equal(lookups, before + 1);
  });

  test('the URL is built on publicUrl when given', async () => {
    const { status, body } = await json(await api('POST', { 'x-test': 'public' }));
    assert.equal(status, 200);
    assert.match(body.url, /^https:\/\/schedule\.example\.org\/conf\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    assert.equal(body.webcal, body.url.replace(/^https:/, 'webcal:'));
    // The same server answers the path below it.
    assert.equal((await fetch(`${base}${pathOf(body.url).replace(/^\/conf/, '')}`)).status, 200);
  });

  test('without the built feed module the feed answers 503, saying why', async () => {
    const { body } = await json(await api('POST'));
    const response = await fetch(body.url, { headers: { 'x-test': 'unbuilt' } });
    assert.equal(response.status, 503);
    assert.match(await response.text(), /not built/);
  });
});
