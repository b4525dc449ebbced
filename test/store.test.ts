import { expect, waitUntil } from '@open-wc/testing';
import { SignedOutError, UnreachableError, type ScheduleAdapter } from '../src/schedule/adapter.js';
import { ScheduleStore, type ScheduleFailure } from '../src/schedule/store.js';

/**
 * The schedule store on its own, against a fake adapter whose every request the test answers:
 * what the stars show at once, what reaches the adapter, and what happens when it refuses or
 * cannot be reached.
 */

interface Call {
  id: string;
  starred: boolean;
  resolve: () => void;
  reject: (e: Error) => void;
}

let counter = 0;
/**
 * An adapter on "a server" (not the browser-storage one), signed in as a new person each time,
 * unless `as` names one (two pages of one person share it, and `scope`).
 */
function fakeAdapter(signedIn = true, as?: { user: string; scope: string }) {
  const calls: Call[] = [];
  const user = { id: as?.user ?? `person-${Date.now()}-${++counter}` };
  const adapter: ScheduleAdapter = {
    ...(as ? { scope: as.scope } : {}),
    user: async () => (signedIn ? user : null),
    starred: async () => ['already'],
    setStarred: (id, starred) => new Promise<void>((resolve, reject) => calls.push({ id, starred, resolve, reject })),
  };
  return { adapter, calls };
}
const failures = (store: ScheduleStore) => {
  const seen: ScheduleFailure[] = [];
  store.addEventListener('failure', (e) => seen.push((e as CustomEvent<ScheduleFailure>).detail));
  return seen;
};
/** A signed-in store whose first press of P1 the adapter answers with `error`; resolves once the store has said so. */
async function pressThenFail(error: Error) {
  const { adapter, calls } = fakeAdapter();
  const store = new ScheduleStore(adapter);
  const seen = failures(store);
  await store.start();
  store.set('P1', true);
  await waitUntil(() => calls.length === 1);
  calls[0].reject(error);
  await waitUntil(() => seen.length === 1);
  return { store, calls, seen };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ScheduleStore', () => {
  beforeEach(() => localStorage.clear());

  it('reads the person and their stars once, however many ask', async () => {
    const { adapter } = fakeAdapter();
    const store = new ScheduleStore(adapter);
    await Promise.all([store.start(), store.start()]);
    expect(store.status).to.equal('signed-in');
    expect(store.isStarred('already')).to.equal(true);
    expect(store.local).to.equal(false);
  });

  it('signed out: presses change nothing and reach no adapter', async () => {
    const { adapter, calls } = fakeAdapter(false);
    const store = new ScheduleStore(adapter);
    await store.start();
    store.set('P1', true);
    expect(store.status).to.equal('signed-out');
    expect(store.isStarred('P1')).to.equal(false);
    expect(calls).to.have.length(0);
  });

  it('shows a press at once, pending until the adapter confirms it', async () => {
    const { adapter, calls } = fakeAdapter();
    const store = new ScheduleStore(adapter);
    await store.start();
    store.set('P1', true);
    expect([store.isStarred('P1'), store.isPending('P1')]).to.deep.equal([true, true]);
    await waitUntil(() => calls.length === 1);
    calls[0].resolve();
    await waitUntil(() => !store.isPending('P1'));
    expect(store.isStarred('P1')).to.equal(true);
    expect([...store.starredIds()].sort()).to.deep.equal(['P1', 'already']);
  });

  it('a burst of presses sends one request at a time and ends on the last choice', async () => {
    const { adapter, calls } = fakeAdapter();
    const store = new ScheduleStore(adapter);
    await store.start();
    for (const starred of [true, false, true, false, true]) store.set('P1', starred);
    await waitUntil(() => calls.length === 1);
    expect(calls.map((c) => c.starred)).to.deep.equal([true]);
    calls[0].resolve();
    // The first request answered: the store sends the latest choice, not the ones in between.
    await waitUntil(() => calls.length === 2);
    calls[1].resolve();
    await waitUntil(() => !store.isPending('P1'));
    expect(calls.map((c) => c.starred)).to.deep.equal([true, true]);
    expect(store.isStarred('P1')).to.equal(true);
  });

  it('a refused change is put back and said, not kept', async () => {
    const { store, seen } = await pressThenFail(new Error('Not allowed.'));
    expect(seen[0]).to.include({ itemId: 'P1', message: 'Not allowed.' });
    expect(seen[0].queued).to.equal(undefined);
    expect([store.isStarred('P1'), store.isPending('P1')]).to.deep.equal([false, false]);
  });

  it('signed out while saving: the change is put back and the store says nobody is signed in', async () => {
    const { store } = await pressThenFail(new SignedOutError());
    expect(store.status).to.equal('signed-out');
    expect(store.isStarred('P1')).to.equal(false);
  });

  it('an undeliverable change is kept, pending, and sent when asked again', async () => {
    const { store, calls, seen } = await pressThenFail(new UnreachableError('The server could not be reached.'));
    expect(seen[0].queued).to.equal(true);
    expect([store.isStarred('P1'), store.isPending('P1')]).to.deep.equal([true, true]);
    store.flush();
    await waitUntil(() => calls.length === 2);
    expect(calls[1]).to.include({ id: 'P1', starred: true });
    calls[1].resolve();
    await waitUntil(() => !store.isPending('P1'));
    expect(store.isStarred('P1')).to.equal(true);
    await tick();
  });

  it('sends an undeliverable change again by itself, after a pause of about two seconds', async () => {
    const started = performance.now();
    const { store, calls } = await pressThenFail(new UnreachableError('No answer.'));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(calls, 'not sent again at once').to.have.length(1);
    await waitUntil(() => calls.length === 2, 'sent again', { timeout: 4_000 });
    expect(performance.now() - started).to.be.above(1_900);
    calls[1].resolve();
    await waitUntil(() => !store.isPending('P1'));
  });

  it('sends what is waiting at once when the browser is back online', async () => {
    const { store, calls } = await pressThenFail(new UnreachableError('Offline.'));
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => calls.length === 2, 'sent on "online"', { timeout: 500 });
    calls[1].resolve();
    await waitUntil(() => !store.isPending('P1'));
  });

  it('two pages of one person and schedule: a press on one is shown on the other, and the last press wins', async () => {
    const as = { user: `person-${Date.now()}-${++counter}`, scope: `https://api.example/${counter}` };
    const one = fakeAdapter(true, as);
    const other = fakeAdapter(true, as);
    const page1 = new ScheduleStore(one.adapter);
    const page2 = new ScheduleStore(other.adapter);
    await Promise.all([page1.start(), page2.start()]);
    page1.set('P1', true);
    await waitUntil(() => page2.isStarred('P1'), 'the other page shows the press');
    page2.set('P1', false);
    await waitUntil(() => !page1.isStarred('P1'), 'the first page follows the later press');
    // Whatever was sent in between, each page's last request is the later choice: unstarred.
    await waitUntil(() => {
      for (const c of [...one.calls, ...other.calls]) c.resolve();
      return !page1.isPending('P1') && !page2.isPending('P1');
    });
    expect([page1.isStarred('P1'), page2.isStarred('P1')]).to.deep.equal([false, false]);
    expect(one.calls.at(-1)?.starred ?? false).to.equal(false);
    expect(other.calls.at(-1)?.starred).to.equal(false);
  });

  it('an adapter that says it is local keeps nothing waiting in the outbox', async () => {
    const { adapter, calls } = fakeAdapter();
    const store = new ScheduleStore({ ...adapter, local: true });
    await store.start();
    expect(store.local).to.equal(true);
    store.set('P1', true);
    await waitUntil(() => calls.length === 1);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('programme-elements:outbox:'))).to.deep.equal([]);
    calls[0].resolve();
    await waitUntil(() => !store.isPending('P1'));
  });
});
