import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { StarToggle } from '../src/elements/star-toggle/star-toggle.js';
import { HttpScheduleAdapter } from '../src/schedule/http-adapter.js';

/**
 * The stale write, on the real reference server behind the fault proxy: a star's PUT is held on the
 * way past the adapter's timeout, the reader unstars, and the held PUT arrives last. The server
 * keeps the later press, so the page, a reload and the server all end unstarred.
 */

const HEADER = { 'X-Requested-With': 'programme-elements' };
let config: { url: string; faulty: string };

const button = (el: StarToggle) => el.shadowRoot!.querySelector('button')!;
const pressed = (el: StarToggle) => button(el).getAttribute('aria-pressed');
const faults = (settings: Record<string, unknown>) => fetch('/reference/faults', { method: 'POST', body: JSON.stringify(settings) });

async function serverItems(): Promise<string[]> {
  const response = await fetch(`${config.url}/api/schedule/items`, { credentials: 'include', headers: HEADER });
  return (await response.json()).items;
}

describe('a press that arrives late never undoes a later one', function () {
  this.timeout(20000);

  before(async () => {
    config = await (await fetch('/reference/config')).json();
    await fetch(`${config.url}/login`, {
      method: 'POST',
      mode: 'no-cors',
      credentials: 'include',
      body: new URLSearchParams({ username: 'mover', password: 'move-me-1', return: '/' }),
    });
  });

  after(() => faults({}));

  it('a PUT held past the timeout lands after the unstar: the page, a reload and the server end unstarred', async () => {
    await fetch(`${config.url}/api/schedule/items/STALE1`, { method: 'DELETE', credentials: 'include', headers: HEADER });
    const adapter = new HttpScheduleAdapter(`${config.faulty}/api/schedule`, { timeout: 400, retries: 0 });
    const el = await fixture<StarToggle>(html`<star-toggle item-id="STALE1" item-title="Stale" .scheduleAdapter=${adapter}></star-toggle>`);
    await waitUntil(() => button(el) && button(el).getAttribute('aria-disabled') === 'false', 'the star never became ready', { timeout: 5000 });
    await faults({ hold: { method: 'PUT', ms: 2000, count: 1 } });
    button(el).click();
    // The PUT times out on the page (it is held): kept, pending.
    await waitUntil(() => el.shadowRoot!.querySelector('[role=status]')!.textContent!.startsWith('Not sent yet'), 'the held PUT did not time out', {
      timeout: 5000,
    });
    // The reader changes their mind: unstar. The DELETE goes through at once.
    button(el).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('button.pending'), 'the unstar was not confirmed', { timeout: 5000 });
    expect(pressed(el)).to.equal('false');
    // The held PUT arrives now, last.
    await waitUntil(async () => ((await (await fetch('/reference/faults')).json()) as { forwarded: number; held: number }).held === 1, 'nothing was held');
    await new Promise((r) => setTimeout(r, 2500));
    expect(await serverItems(), 'the late PUT re-starred the item on the server').to.not.include('STALE1');
    expect(pressed(el)).to.equal('false');
    // A reload: a new adapter and store read the server.
    const again = await fixture<StarToggle>(
      html`<star-toggle item-id="STALE1" item-title="Stale" .scheduleAdapter=${new HttpScheduleAdapter(`${config.url}/api/schedule`)}></star-toggle>`,
    );
    await waitUntil(() => button(again)?.getAttribute('aria-disabled') === 'false', 'the reloaded star never became ready');
    expect(pressed(again)).to.equal('false');
  });
});
