import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { StarToggle } from '../src/elements/star-toggle/star-toggle.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { HttpScheduleAdapter } from '../src/schedule/http-adapter.js';
import { storeFor } from '../src/schedule/resolve.js';
import type { ProgrammeErrorDetail } from '../src/events.js';
import { programmeUrl, record } from './helpers.js';

/**
 * The HTTP adapter and the stars against a schedule server that answers badly or hostilely (the
 * test server's schedule API, told to misbehave): redirects, HTML where JSON belongs, empty
 * answers, nonsense, an outage followed by a sign-out. Nothing the reader chose is lost and no
 * request follows a redirect to another origin.
 */

let nsCounter = 0;
function api(setup: Record<string, unknown> = {}) {
  const base = `/schedule-api/answers${Date.now()}x${++nsCounter}`;
  return {
    base,
    control: (c: Record<string, unknown>) => fetch(`${base}/__control`, { method: 'POST', body: JSON.stringify(c) }),
    stats: async () => (await fetch(`${base}/__stats`)).json() as Promise<{ requests: Record<string, number>; starred: string[] }>,
    statsOf: async (path: string) => (await fetch(`${path}/__stats`)).json() as Promise<{ requests: Record<string, number>; starred: string[] }>,
    ready: fetch(`${base}/__control`, { method: 'POST', body: JSON.stringify(setup) }),
  };
}

const button = (el: StarToggle) => el.shadowRoot!.querySelector('button')!;
const pressed = (el: StarToggle) => button(el).getAttribute('aria-pressed');
const ready = (el: StarToggle) => waitUntil(() => button(el) && button(el).getAttribute('aria-disabled') !== 'true', 'the star never became ready');
const message = (el: StarToggle) => el.shadowRoot!.querySelector('[role=status]')!.textContent ?? '';

async function star(a: ReturnType<typeof api>, itemId = 'P1') {
  const adapter = new HttpScheduleAdapter(a.base, { retries: 0 });
  const el = await fixture<StarToggle>(html`<star-toggle item-id=${itemId} .scheduleAdapter=${adapter}></star-toggle>`);
  return { adapter, el };
}

describe('the HTTP adapter against a broken or hostile schedule server', () => {
  it('a redirect (to a sign-in page) means signed out, and is never followed', async () => {
    const a = api({ hostile: { answer: 'redirect', count: 1, only: 'me' } });
    await a.ready;
    const { adapter, el } = await star(a);
    await waitUntil(() => el.shadowRoot!.querySelector('.signed-out'), 'a redirect did not read as signed out');
    expect(await adapter.user(), 'the next answer is a real one').to.deep.equal({ id: 'u1', name: 'Ada Lovelace' });
  });

  it('a redirect of a write to another origin is not followed: nothing reaches it, the change is kept for the next sign-in', async () => {
    const a = api();
    await a.ready;
    const { el } = await star(a, 'P2');
    await ready(el);
    await a.control({ hostile: { answer: 'away', count: 5, only: 'put' } });
    const errors = record<ProgrammeErrorDetail>(el, 'programme-error');
    button(el).click();
    await waitUntil(() => errors.length === 1, 'no programme-error');
    expect(errors[0].detail.kind).to.equal('queued');
    const away = await a.statsOf(`${a.base}-away`);
    expect(away.requests.put, 'the other origin got the write').to.equal(0);
    expect((await a.stats()).starred).to.deep.equal([]);
  });

  it('an HTML page in place of JSON means signed out', async () => {
    const a = api({ hostile: { answer: 'html', count: 1, only: 'me' } });
    await a.ready;
    const { el } = await star(a, 'P3');
    await waitUntil(() => el.shadowRoot!.querySelector('.signed-out'), 'an HTML answer did not read as signed out');
    expect(button(el).textContent!.trim()).to.equal('Sign in');
  });

  it('an empty 200 to a write is not a confirmation: the change stays pending and is sent again', async () => {
    const a = api();
    await a.ready;
    const { el } = await star(a, 'P4');
    await ready(el);
    await a.control({ hostile: { answer: 'empty', count: 1, only: 'put' } });
    const errors = record<ProgrammeErrorDetail>(el, 'programme-error');
    button(el).click();
    await waitUntil(() => errors.length === 1, 'no programme-error');
    await el.updateComplete;
    expect(errors[0].detail.kind).to.equal('queued');
    expect(pressed(el)).to.equal('true');
    expect(el.shadowRoot!.querySelector('button.pending'), 'shown as pending').to.exist;
    expect(message(el)).to.contain('did not confirm the change');
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await a.stats()).starred.includes('P4'), 'never sent again', { timeout: 5000 });
    await waitUntil(() => !el.shadowRoot!.querySelector('button.pending'), 'still pending');
  });

  it('an unreadable schedule shows the reason above the list and fires one programme-error of kind schedule', async () => {
    const a = api({ hostile: { answer: 'garbage', count: 1, only: 'items' } });
    await a.ready;
    const adapter = new HttpScheduleAdapter(a.base, { retries: 0 });
    const el = await fixture<SessionList>(html`<session-list src=${programmeUrl('demo')} deep-link="none" .scheduleAdapter=${adapter}></session-list>`);
    const errors = record<ProgrammeErrorDetail>(el, 'programme-error');
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in[role=status]'), 'no reason shown', { timeout: 5000 });
    const line = el.shadowRoot!.querySelector('.sign-in[role=status]')!.textContent!;
    expect(line).to.match(/^Your schedule could not be read: The schedule server's answer to GET \/items is not JSON\. Press a star to try again\.$/);
    await waitUntil(() => errors.some((e) => e.detail.kind === 'schedule'), 'no programme-error of kind schedule');
    expect(errors.filter((e) => e.detail.kind === 'schedule')).to.have.length(1);
    await expect(el).to.be.accessible();
    // Pressing a star tries again; the schedule reads and the line goes.
    const first = el.shadowRoot!.querySelector('star-toggle') as StarToggle;
    button(first).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('.sign-in[role=status]'), 'the reason stayed after a good read', { timeout: 5000 });
    expect(storeFor(adapter).status).to.equal('signed-in');
  });

  it('three presses kept during an outage survive a sign-out that follows, and are all sent after signing in again', async () => {
    const a = api();
    await a.ready;
    const adapter = new HttpScheduleAdapter(a.base, { retries: 0 });
    const el = await fixture(
      html`<div>
        ${['Q1', 'Q2', 'Q3'].map((id) => html`<star-toggle item-id=${id} .scheduleAdapter=${adapter}></star-toggle>`)}
      </div>`,
    );
    const stars = [...el.querySelectorAll('star-toggle')] as StarToggle[];
    await Promise.all(stars.map(ready));
    await a.control({ fail: { status: 503, count: 1000 } });
    for (const s of stars) button(s).click();
    await waitUntil(() => stars.every((s) => s.shadowRoot!.querySelector('button.pending')), 'not all pending');
    // The outage ends with the session gone: every answer is 401 now.
    await a.control({ fail: null, signedIn: false });
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => stars.every((s) => s.shadowRoot!.querySelector('.signed-out')), 'not signed out', { timeout: 5000 });
    expect(
      stars.some((s) => /put back/.test(message(s))),
      'a kept change was said to be put back',
    ).to.equal(false);
    const kept = Object.keys(localStorage).find((k) => k.startsWith('programme-elements:outbox:') && k.includes(a.base));
    expect(Object.keys(JSON.parse(localStorage.getItem(kept!)!)).sort()).to.deep.equal(['Q1', 'Q2', 'Q3']);
    // Signed in again: all three are sent; none is lost.
    await a.control({ signedIn: true });
    await storeFor(adapter).refresh();
    await waitUntil(async () => (await a.stats()).starred.length === 3, 'not all sent', { timeout: 8000 });
    expect((await a.stats()).starred).to.deep.equal(['Q1', 'Q2', 'Q3']);
    await waitUntil(() => stars.every((s) => pressed(s) === 'true' && !s.shadowRoot!.querySelector('button.pending')), 'not shown');
  });

  it('when the server holds a later press from another device, the page shows that one', async () => {
    // A server that keeps times: answer with the state that won.
    const later = { starred: false, at: Date.now() + 1 };
    const adapter = new HttpScheduleAdapter('/nowhere');
    adapter.user = async () => ({ id: 'u' });
    adapter.starred = async () => [];
    adapter.setStarred = async () => later;
    const el = await fixture<StarToggle>(html`<star-toggle item-id="W1" .scheduleAdapter=${adapter}></star-toggle>`);
    await ready(el);
    button(el).click();
    await waitUntil(() => pressed(el) === 'false' && !el.shadowRoot!.querySelector('button.pending'), 'the state that won is not shown');
  });
});
