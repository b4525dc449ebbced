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
/** An adapter on "a server" (not the browser-storage one), signed in as a new person each time. */
function fakeAdapter(signedIn = true) {
  const calls: Call[] = [];
  const user = { id: `person-${Date.now()}-${++counter}` };
  const adapter: ScheduleAdapter = {
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
});
