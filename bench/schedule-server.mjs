#!/usr/bin/env node
/**
 * How fast does the reference schedule server save stars, does it keep every one it acknowledged,
 * and how do saves fare while someone floods the sign-in? It runs the real server as a child
 * process (test/node/server-child.mjs) on a fresh SQLite file in a temp folder, or on PostgreSQL
 * with `--database-url`, with 20 accounts of its own (USERS_FILE), and runs:
 *
 *   a) 2,000 writes from the 20 accounts spread over 30 s, plus a burst of 100 in flight at once:
 *      write latency, and the acknowledged writes GET /items does not reflect (lost; must be 0)
 *   b) a sign-in flood, 32 at a time for 10 s (right and wrong passwords, real and unknown accounts,
 *      from one address and from many), while the 20 accounts keep saving: save latency, and how
 *      the sign-ins were answered
 *   c) a stale write: an unstar at t2 first, then a star pressed earlier (t1 < t2) arrives late
 *   d) 10 × kill -9 mid-writes and a restart on the same database: acknowledged writes, lost,
 *      restart times, and leftover files in the data folder
 *
 * It prints figures and never fails on a time (it exits 1 only when something was lost).
 *
 *   node bench/schedule-server.mjs [--database-url=postgres://…]
 *
 * On PostgreSQL it empties nothing: accounts and items are named after the run, and sign-ins of
 * the flood come from loopback addresses of the run's own, so runs do not meet each other's state
 * (the throttle's counts last 15 minutes).
 */
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DATABASE_NAME,
  choiceLog,
  choose,
  leftoverFiles,
  makeAccounts,
  percentiles,
  pressClock,
  random,
  signIn,
  starredItems,
  startChild,
  tryLogin,
  writeUsersFile,
} from '../test/node/server-child.mjs';

const flags = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [key, ...value] = a.replace(/^--/, '').split('=');
    return [key, value.join('=')];
  }),
);
const databaseUrl = flags['database-url'] || undefined;
const engine = databaseUrl ? 'PostgreSQL' : 'SQLite';

const ACCOUNTS = 20;
const ITEMS = 6;
const WRITES = 2000;
const WRITE_SPREAD_MS = 30_000;
const BURST = 100;
const FLOOD_MS = 10_000;
const FLOOD_CONNECTIONS = 32;
const FLOOD_SAVES_PER_ACCOUNT = 50;
const KILLS = 10;
const KILL_ACCOUNTS = 8;
const KILL_WRITERS_PER_ACCOUNT = 4;

const ms = (x) => (x === null || x === undefined ? '–' : `${x.toFixed(1)} ms`);
const latency = (xs) => {
  const p = percentiles(xs);
  return `p50 ${ms(p.p50)}, p90 ${ms(p.p90)}, p99 ${ms(p.p99)}, max ${ms(p.max)}`;
};
const say = (line = '') => console.log(line);
const rows = [];
const figure = (part, name, value) => rows.push([part, name, String(value)]);

const runTag = Math.floor(Math.random() * 36 ** 4)
  .toString(36)
  .padStart(4, '0');
// Loopback addresses of this run for the flood (127.R.x.y); the savers sign in from 127.0.0.1, which the flood never uses.
const R = 2 + Math.floor(Math.random() * 250);
const floodAddress = (n) => `127.${R}.${1 + (Math.floor(n / 250) % 250)}.${1 + (n % 250)}`;

const dir = mkdtempSync(join(tmpdir(), 'programme-bench-server-'));
const usersFile = join(dir, 'users.json');
const accounts = makeAccounts(ACCOUNTS, `bench-${runTag}-`);
/** account id → the Cookie header value of its session */
const cookies = {};
let server;
let lostInAll = 0;

/** Every account's GET /items against `log`, for items starting with `prefix`: the lost ones. */
async function lostOf(log, prefix, some = accounts) {
  const lost = [];
  for (const a of some) lost.push(...log.lost(a.id, await starredItems(server.url, cookies[a.id]), prefix));
  lostInAll += lost.length;
  for (const l of lost.slice(0, 10)) say(`  LOST: ${l.userId} ${l.itemId}: expected ${l.expected.join(' or ')}, got ${l.got}`);
  return lost.length;
}

/** Sends the planned presses ({ t, a, item, starred }, t in ms from now) each at its time, not waiting for answers; resolves when all are answered. */
async function sendPlanned(log, plan, clock) {
  const start = performance.now();
  const pending = [];
  let inFlight = 0;
  let maxInFlight = 0;
  for (const p of [...plan].sort((x, y) => x.t - y.t)) {
    const wait = start + p.t - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    pending.push(
      log.send(server.url, cookies[p.a.id], p.a.id, p.item, p.starred, clock(p.a.id)).then((res) => {
        inFlight--;
        if (p.latencies && res?.status === 200) p.latencies.push(res.ms);
      }),
    );
  }
  await Promise.all(pending);
  return { maxInFlight, ms: performance.now() - start };
}

say(`schedule server benchmark: ${engine}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
say(`run ${runTag}, temp folder ${dir}`);
await writeUsersFile(usersFile, accounts);
server = await startChild({ dir, databaseUrl, usersFile });
say(`server started in ${ms(server.startMs)} on ${server.url} (pid ${server.pid})`);
figure('setup', 'first start (spawn to first answer)', ms(server.startMs));
for (const a of accounts) cookies[a.id] = await signIn(server.url, a.username, a.password);
const clock = pressClock();

// a) 2,000 writes over 30 s and a burst of 100.
{
  say(`\na) ${WRITES} writes from ${ACCOUNTS} accounts over ${WRITE_SPREAD_MS / 1000} s, and ${BURST} at once half-way`);
  const log = choiceLog();
  const burstLatencies = [];
  const plan = [];
  accounts.forEach((a, k) => {
    const rand = random(100 + k);
    for (let i = 0; i < WRITES / ACCOUNTS; i++) plan.push({ t: rand() * WRITE_SPREAD_MS, a, item: `a-${Math.floor(rand() * ITEMS)}`, starred: rand() < 0.5 });
    for (let i = 0; i < BURST / ACCOUNTS; i++) {
      plan.push({ t: WRITE_SPREAD_MS / 2, a, item: `a-${Math.floor(rand() * ITEMS)}`, starred: rand() < 0.5, latencies: burstLatencies });
    }
  });
  const { maxInFlight, ms: took } = await sendPlanned(log, plan, clock);
  const lost = await lostOf(log, 'a-');
  say(
    `  sent ${log.counts.sent} in ${(took / 1000).toFixed(1)} s, acknowledged ${log.counts.acked}, failed ${log.counts.doubtful}, most in flight ${maxInFlight}`,
  );
  say(`  older than the one saved (applied: false): ${log.counts.notApplied}`);
  say(`  write latency: ${latency(log.latencies)}`);
  say(`  the burst's latency: ${latency(burstLatencies)}`);
  say(`  lost updates: ${lost}`);
  for (const e of log.errors.slice(0, 5)) say(`  error: ${e}`);
  const p = percentiles(log.latencies);
  figure('a', 'writes acknowledged / sent', `${log.counts.acked} / ${log.counts.sent}`);
  figure('a', 'most writes in flight at once', maxInFlight);
  figure('a', 'write p50 / p90 / p99 / max', `${ms(p.p50)} / ${ms(p.p90)} / ${ms(p.p99)} / ${ms(p.max)}`);
  figure('a', 'burst of 100: p50 / max', `${ms(percentiles(burstLatencies).p50)} / ${ms(percentiles(burstLatencies).max)}`);
  figure('a', 'arrived after a later press (applied: false)', log.counts.notApplied);
  figure('a', 'lost updates', lost);
}

// b) A sign-in flood while everyone keeps saving.
{
  say(`\nb) sign-in flood: ${FLOOD_CONNECTIONS} at a time for ${FLOOD_MS / 1000} s, while the ${ACCOUNTS} accounts save`);
  const log = choiceLog();
  const plan = [];
  accounts.forEach((a, k) => {
    const rand = random(300 + k);
    for (let i = 0; i < FLOOD_SAVES_PER_ACCOUNT; i++) plan.push({ t: rand() * FLOOD_MS, a, item: `b-${Math.floor(rand() * ITEMS)}`, starred: rand() < 0.5 });
  });
  const answers = { signedIn: 0, wrong: 0, throttled: 0, busy: 0, other: 0, failed: 0 };
  const loginLatencies = [];
  let spread = 0;
  const end = performance.now() + FLOOD_MS;
  // Half the connections from one address (one guesser), half from a new address every 10 tries (many).
  const flooders = Array.from({ length: FLOOD_CONNECTIONS }, async (_, w) => {
    let address = floodAddress(0);
    for (let n = 0; performance.now() < end; n++) {
      if (w % 2 && n % 10 === 0) address = floodAddress(1 + spread++);
      const account = accounts[(w + n) % ACCOUNTS];
      const [username, password] =
        n % 4 === 0 ? [account.username, account.password] : n % 4 === 1 ? [account.username, 'wrong password'] : [`nobody-${runTag}-${w}-${n}`, 'guess'];
      try {
        const res = await tryLogin(server.url, username, password, { localAddress: address });
        loginLatencies.push(res.ms);
        if (res.status === 303 || res.status === 200) answers.signedIn++;
        else if (res.status === 401) answers.wrong++;
        else if (res.status === 429 && res.headers['retry-after'] === '2') answers.busy++;
        else if (res.status === 429) answers.throttled++;
        else answers.other++;
      } catch {
        answers.failed++;
      }
    }
  });
  const [{ ms: took }] = await Promise.all([sendPlanned(log, plan, clock), ...flooders]);
  const lost = await lostOf(log, 'b-');
  const total = Object.values(answers).reduce((x, y) => x + y, 0);
  say(`  saves: ${log.counts.acked} / ${log.counts.sent} acknowledged in ${(took / 1000).toFixed(1)} s; latency ${latency(log.latencies)}`);
  say(`  sign-ins: ${total} answered (${(total / (FLOOD_MS / 1000)).toFixed(0)}/s), latency ${latency(loginLatencies)}`);
  say(`    303 signed in ${answers.signedIn}, 401 wrong ${answers.wrong}, 429 throttled ${answers.throttled}, 429 busy hashing ${answers.busy}`);
  say(`    other ${answers.other}, no answer ${answers.failed}`);
  say(`  lost updates: ${lost}`);
  for (const e of log.errors.slice(0, 5)) say(`  error: ${e}`);
  const p = percentiles(log.latencies);
  figure('b', 'saves during the flood: acknowledged / sent', `${log.counts.acked} / ${log.counts.sent}`);
  figure('b', 'save p50 / p99 / max during the flood', `${ms(p.p50)} / ${ms(p.p99)} / ${ms(p.max)}`);
  figure('b', 'sign-ins answered', `${total} (${(total / (FLOOD_MS / 1000)).toFixed(0)}/s)`);
  figure('b', 'sign-ins 200/303 · 401 · 429', `${answers.signedIn} · ${answers.wrong} · ${answers.throttled + answers.busy}`);
  figure('b', '… of the 429s: throttled · hash gate busy', `${answers.throttled} · ${answers.busy}`);
  figure('b', 'sign-ins otherwise answered / unanswered', `${answers.other} / ${answers.failed}`);
  figure('b', 'lost updates', lost);
}

// c) A stale write.
{
  say('\nc) stale write: unstar at t2 first, then the star pressed at t1 < t2 arrives');
  const a = accounts[0];
  const cookie = cookies[a.id];
  const [t0, t1, t2] = [Date.now() - 30_000 + 0.25, Date.now() - 30_000 + 1.5, Date.now() - 30_000 + 3.75];
  const first = await choose(server.url, cookie, 'c-x', true, t0);
  const unstar = await choose(server.url, cookie, 'c-x', false, t2);
  const late = await choose(server.url, cookie, 'c-x', true, t1);
  // And on an item never starred before: the unstar leaves a record the late star loses to.
  const unstarNew = await choose(server.url, cookie, 'c-y', false, t2);
  const lateNew = await choose(server.url, cookie, 'c-y', true, t1);
  const items = await starredItems(server.url, cookie);
  const state = (id) => (items.includes(id) ? 'STARRED (wrong)' : 'not starred');
  say(`  star at t0: ${first.status} ${JSON.stringify(first.json)}`);
  say(`  unstar at t2: ${unstar.status} ${JSON.stringify(unstar.json)}`);
  say(`  late star at t1: ${late.status} ${JSON.stringify(late.json)}`);
  say(`  final state of c-x: ${state('c-x')}`);
  say(`  never starred, unstar at t2 then star at t1: ${JSON.stringify(unstarNew.json)} then ${JSON.stringify(lateNew.json)}; final: ${state('c-y')}`);
  if (items.includes('c-x') || items.includes('c-y')) lostInAll++;
  figure('c', 'final state after the late star', state('c-x'));
  figure('c', 'late star answered applied: false', late.json?.applied === false ? 'yes' : `NO (${late.text})`);
  figure('c', 'same on an item never starred', `${state('c-y')}, applied: ${lateNew.json?.applied}`);
}

// d) kill -9 mid-writes, 10 times.
{
  say(`\nd) ${KILLS} × kill -9 while ${KILL_ACCOUNTS} accounts write (${KILL_WRITERS_PER_ACCOUNT} writers each), restarting on the same database`);
  const log = choiceLog();
  const some = accounts.slice(0, KILL_ACCOUNTS);
  const rand = random(5);
  const restarts = [];
  const leftovers = new Set();
  let lost = 0;
  for (let cycle = 0; cycle < KILLS; cycle++) {
    const url = server.url;
    const ackedBefore = log.counts.acked;
    let running = true;
    const writers = some.flatMap((a) =>
      Array.from({ length: KILL_WRITERS_PER_ACCOUNT }, async () => {
        while (running) await log.send(url, cookies[a.id], a.id, `d-${Math.floor(rand() * ITEMS)}`, rand() < 0.5, clock(a.id), { timeout: 5000 });
      }),
    );
    // Let at least 50 writes through, then kill at a random moment within the next 300 ms.
    const since = performance.now();
    while (log.counts.acked - ackedBefore < 50 && performance.now() - since < 20_000) await sleep(2);
    await sleep(rand() * 300);
    // No new writes from here; those in flight die with the server.
    running = false;
    await server.kill();
    await Promise.all(writers);
    const dataName = databaseUrl ? null : DATABASE_NAME;
    for (const name of leftoverFiles(server.dataDir, dataName)) leftovers.add(name);
    server = await server.restart();
    restarts.push(server.startMs);
    const lostNow = await lostOf(log, 'd-', some);
    lost += lostNow;
    for (const name of leftoverFiles(server.dataDir, dataName)) leftovers.add(name);
    say(`  kill ${cycle + 1}: ${log.counts.acked - ackedBefore} acknowledged this round, restart ${ms(server.startMs)}, lost ${lostNow}`);
  }
  const r = percentiles(restarts);
  say(`  acknowledged ${log.counts.acked}, in doubt (no answer: in flight at the kill) ${log.counts.doubtful}, lost ${lost}`);
  say(`  restart (spawn to first answer): p50 ${ms(r.p50)}, max ${ms(r.max)}; leftover files: ${leftovers.size ? [...leftovers].join(', ') : 'none'}`);
  if (leftovers.size) lostInAll++;
  figure('d', 'kill -9 and restart', `${KILLS} times`);
  figure('d', 'writes acknowledged · in doubt at the kill', `${log.counts.acked} · ${log.counts.doubtful}`);
  figure('d', 'acknowledged writes lost', lost);
  figure('d', 'restart p50 / max', `${ms(r.p50)} / ${ms(r.max)}`);
  figure('d', 'leftover files in the data folder', leftovers.size ? [...leftovers].join(', ') : 'none');
}

await server.stop();
const widths = [0, 1, 2].map((i) => Math.max(...[['part', 'figure', engine], ...rows].map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
say(`\n${line(['part', 'figure', engine])}`);
say(`|:${'-'.repeat(widths[0] + 1)}|:${'-'.repeat(widths[1] + 1)}|${'-'.repeat(widths[2] + 1)}:|`);
for (const row of rows) say(line(row));

if (lostInAll) {
  say(`\nSomething was lost or left over; the server's log and database are kept in ${dir}`);
  process.exitCode = 1;
} else {
  rmSync(dir, { recursive: true, force: true });
}
