import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { storeForChoice } from '../src/schedule/resolve.js';

/**
 * The reader's path with an account on the real reference schedule server: stars pressed in this
 * browser before signing in, offered into the account; the calendar address to subscribe to, which
 * serves the starred sessions and stops when a new one is made.
 */

interface Config {
  url: string;
}
let config: Config;
const HEADER = { 'X-Requested-With': 'programme-elements' };

async function nodeFetch(path: string): Promise<{ status: number; body: string; headers: Record<string, string> }> {
  return (await fetch('/reference/node-fetch', { method: 'POST', body: JSON.stringify({ path }) })).json();
}

async function signIn(username: string, password: string): Promise<void> {
  await fetch(`${config.url}/login`, {
    method: 'POST',
    mode: 'no-cors',
    credentials: 'include',
    body: new URLSearchParams({ username, password, return: '/' }),
  });
  const me = await fetch(`${config.url}/api/schedule/me`, { credentials: 'include', headers: HEADER });
  expect(me.status, 'signed in').to.equal(200);
  // The page's store has read the person before: as after a sign-in in a real page, it reads again.
  await storeForChoice({ schedule: `${config.url}/api/schedule` }).refresh();
}

async function serverItems(): Promise<string[]> {
  const response = await fetch(`${config.url}/api/schedule/items`, { credentials: 'include', headers: HEADER });
  return (await response.json()).items;
}

async function clearItems(): Promise<void> {
  for (const id of await serverItems())
    await fetch(`${config.url}/api/schedule/items/${encodeURIComponent(id)}`, { method: 'DELETE', credentials: 'include', headers: HEADER });
}

async function list(): Promise<SessionList> {
  const el = await fixture<SessionList>(
    html`<session-list src=${`${config.url}/programme.json`} schedule=${`${config.url}/api/schedule`} deep-link="none" style="width: 900px"></session-list>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('star-toggle'), 'the list never showed', { timeout: 8000 });
  return el;
}

const root = (el: Element) => el.shadowRoot!;

describe('the reader with an account on the reference server', function () {
  this.timeout(30000);

  before(async () => {
    config = await (await fetch('/reference/config')).json();
  });

  after(async () => {
    await fetch(`${config.url}/logout`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new URLSearchParams({ return: '/' }) });
  });

  it('offers the stars pressed in this browser before signing in, and adds them to the account', async () => {
    await signIn('member', 'member');
    await clearItems();
    localStorage.removeItem('programme-elements:offer-declined:cess-2024|member');
    localStorage.setItem('programme-elements:schedule:cess-2024', JSON.stringify(['P003-1', 'P021-1']));
    const el = await list();
    await waitUntil(() => root(el).querySelector('[part=offer]'), 'no offer', { timeout: 8000 });
    const offer = root(el).querySelector('[part=offer]')!;
    expect(offer.querySelector('p')!.textContent).to.equal('You starred 2 items in this browser before signing in. Add them to your account?');
    await expect(el).to.be.accessible();
    const add = [...offer.querySelectorAll('button')].find((b) => b.textContent === 'Add to my account')!;
    add.focus();
    add.click();
    await waitUntil(async () => (await serverItems()).length === 2, 'not added to the account', { timeout: 8000 });
    expect((await serverItems()).sort()).to.deep.equal(['P003-1', 'P021-1']);
    await el.updateComplete;
    const done = root(el).querySelector('#local-offer')!;
    expect(done.textContent).to.equal('2 items added to your account.');
    expect(root(el).activeElement, 'focus stays where the buttons were').to.equal(done);
    expect(localStorage.getItem('programme-elements:schedule:cess-2024'), 'the browser-only stars moved into the account').to.equal(null);
    await clearItems();
  });

  it('gives a calendar address of the starred sessions, which a new address revokes', async () => {
    await signIn('member', 'member');
    await clearItems();
    await fetch(`${config.url}/api/schedule/items/P003-1`, { method: 'PUT', credentials: 'include', headers: HEADER });
    const el = await list();
    await waitUntil(() => root(el).querySelector('.menu-button'), 'no downloads menu');
    (root(el).querySelector('.menu-button') as HTMLButtonElement).click();
    await waitUntil(() => [...root(el).querySelectorAll('#downloads button')].some((b) => b.textContent === 'Subscribe in your calendar'), 'no subscribe item');
    const subscribe = [...root(el).querySelectorAll<HTMLButtonElement>('#downloads button')].find((b) => b.textContent === 'Subscribe in your calendar')!;
    subscribe.click();
    await waitUntil(() => root(el).querySelector('#address'), 'no calendar address shown', { timeout: 8000 });
    const field = root(el).querySelector<HTMLInputElement>('#address')!;
    expect(root(el).activeElement, 'the address is focused').to.equal(field);
    expect(field.value).to.match(/^http:\/\/localhost:\d+\/calendar\/[\w-]+\.ics$/);
    expect(root(el).querySelector<HTMLAnchorElement>('.subscribe a')!.href).to.match(/^webcal:\/\/localhost:\d+\/calendar\/[\w-]+\.ics$/);
    await expect(el).to.be.accessible();

    const path = new URL(field.value).pathname;
    const feed = await nodeFetch(path);
    expect(feed.status).to.equal(200);
    expect(feed.headers['content-type']).to.match(/^text\/calendar/);
    expect(feed.body).to.contain('UID:P003-1@cess-2024.programme-elements');
    expect(feed.body.match(/BEGIN:VEVENT/g)).to.have.length(1);

    // Always current: a star added later is in the next fetch.
    await fetch(`${config.url}/api/schedule/items/P021-1`, { method: 'PUT', credentials: 'include', headers: HEADER });
    expect((await nodeFetch(path)).body).to.contain('UID:P021-1@cess-2024.programme-elements');

    (root(el).querySelector('.subscribe-close') as HTMLButtonElement).click();
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement === root(el).querySelector('.menu-button'), 'focus did not go back to the menu button');

    // A new address: the old one stops working.
    const again = await fetch(`${config.url}/api/schedule/calendar`, { method: 'POST', credentials: 'include', headers: HEADER });
    expect(again.status).to.equal(200);
    expect((await nodeFetch(path)).status).to.equal(404);
    await clearItems();
  });

  it('shares a schedule by a link: another reader sees those sessions, read only, adds them to their own, and goes back to the whole programme', async () => {
    await signIn('member', 'member');
    await clearItems();
    for (const id of ['P003-1', 'P005-2']) await fetch(`${config.url}/api/schedule/items/${id}`, { method: 'PUT', credentials: 'include', headers: HEADER });
    const sharer = await list();
    await waitUntil(() => root(sharer).querySelector('.menu-button'), 'no menu');
    (root(sharer).querySelector('.menu-button') as HTMLButtonElement).click();
    await waitUntil(() => [...root(sharer).querySelectorAll('#downloads button')].some((b) => b.textContent === 'Share my schedule'), 'no share item');
    [...root(sharer).querySelectorAll<HTMLButtonElement>('#downloads button')].find((b) => b.textContent === 'Share my schedule')!.click();
    await waitUntil(() => root(sharer).querySelector('#address'), 'no share link shown', { timeout: 8000 });
    const link = root(sharer).querySelector<HTMLInputElement>('#address')!.value;
    expect(link).to.match(/#shared-schedule=[\w-]+\.[\w-]+$/);
    expect(root(sharer).activeElement).to.equal(root(sharer).querySelector('#address'));
    sharer.remove();

    // Another reader, signed in as ada, opens the link.
    await signIn('ada', 'lovelace');
    await clearItems();
    const page = location.href;
    history.replaceState(null, '', new URL(link).hash);
    try {
      const el = await list();
      await waitUntil(() => root(el).querySelector('[part=shared]'), 'the shared schedule is not shown', { timeout: 8000 });
      expect(root(el).querySelector('#shared-heading')!.textContent).to.equal('Sessions starred by A. Member');
      await waitUntil(() => root(el).querySelectorAll('[data-session]').length === 2, 'not only the shared sessions');
      expect([...root(el).querySelectorAll('[data-session]')].map((r) => r.getAttribute('data-session'))).to.deep.equal(['P003-1', 'P005-2']);
      expect(root(el).querySelector('[part=count]')!.textContent).to.contain('2');
      await expect(el).to.be.accessible();
      (root(el).querySelector('.shared-add') as HTMLButtonElement).click();
      await waitUntil(async () => (await serverItems()).length === 2, 'not added to ada’s schedule', { timeout: 8000 });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(root(el).querySelector('#shared-added'));
      expect(root(el).querySelector('#shared-added')!.textContent).to.equal('2 items added to your schedule.');
      (root(el).querySelector('.shared-leave') as HTMLButtonElement).click();
      await waitUntil(
        () => !root(el).querySelector('[part=shared]') && root(el).querySelectorAll('[data-session]').length > 2,
        'the whole programme is not back',
      );
      expect(location.hash).to.equal('');
    } finally {
      history.replaceState(null, '', page);
      await clearItems();
    }
    // An unknown link says so.
    history.replaceState(null, '', '#shared-schedule=bWVtYmVy.not-the-right-mac');
    try {
      const el = await list();
      await waitUntil(
        () => root(el).querySelector('[part=count]')?.textContent?.includes('This link to a schedule is not known here'),
        'no word about the unknown link',
        {
          timeout: 8000,
        },
      );
      expect(!!root(el).querySelector('[part=shared]')).to.equal(false);
    } finally {
      history.replaceState(null, '', page);
    }
  });
});
