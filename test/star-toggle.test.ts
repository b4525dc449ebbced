import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { StarToggle } from '../src/elements/star-toggle/star-toggle.js';
import { HttpScheduleAdapter } from '../src/schedule/http-adapter.js';
import { storeFor, storeForChoice } from '../src/schedule/resolve.js';
import { localAdapterFor } from '../src/schedule/local-adapter.js';
import type { ProgrammeErrorDetail, StarChangeDetail, LoginRequestDetail } from '../src/events.js';
import { hits, programmeUrl, record, settled } from './helpers.js';

document.documentElement.lang = 'en-GB';

let nsCounter = 0;
/** A fresh namespace of the test server's schedule API. */
function api(setup: Record<string, unknown> = {}) {
  const base = `/schedule-api/t${Date.now()}x${++nsCounter}`;
  return {
    base,
    control: (c: Record<string, unknown>) => fetch(`${base}/__control`, { method: 'POST', body: JSON.stringify(c) }),
    stats: async () => (await fetch(`${base}/__stats`)).json() as Promise<{ requests: Record<string, number>; starred: string[] }>,
    ready: fetch(`${base}/__control`, { method: 'POST', body: JSON.stringify(setup) }),
  };
}

const button = (el: StarToggle) => el.shadowRoot!.querySelector('button')!;
const pressed = (el: StarToggle) => button(el).getAttribute('aria-pressed');
const ready = (el: StarToggle) => waitUntil(() => button(el) && button(el).getAttribute('aria-disabled') !== 'true', 'the star never became ready');

/** Two stars for one item on a fresh namespace of the schedule API (no retries), ready to press. */
async function twinStars(itemId: string) {
  const a = api();
  await a.ready;
  const adapter = new HttpScheduleAdapter(a.base, { retries: 0 });
  const el = await fixture(
    html`<div><star-toggle item-id=${itemId} .scheduleAdapter=${adapter}></star-toggle><star-toggle item-id=${itemId} .scheduleAdapter=${adapter}></star-toggle></div>`,
  );
  const [star, twin] = [...el.querySelectorAll('star-toggle')] as StarToggle[];
  await ready(star);
  return { a, el, star, twin };
}

describe('<star-toggle> with the local schedule', () => {
  beforeEach(async () => {
    localStorage.clear();
    await storeFor(localAdapterFor('cess-2024')).refresh();
    await storeFor(localAdapterFor('default')).refresh();
  });

  it('names the item, toggles on click, fires programme-star-change, and says the schedule lives in this browser', async () => {
    const el = await fixture<StarToggle>(html`<star-toggle item-id="P021-1-a" src=${programmeUrl('demo')}></star-toggle>`);
    await waitUntil(() => button(el).getAttribute('aria-label')!.includes('Is Kazakhstan'), 'no title');
    await ready(el);
    expect(button(el).getAttribute('aria-label')).to.equal('Add “Is Kazakhstan a middle power?” to my schedule');
    expect(pressed(el)).to.equal('false');
    const note = el.shadowRoot!.getElementById(button(el).getAttribute('aria-describedby')!)!;
    expect(note.textContent).to.equal('Your schedule is saved in this browser only.');
    await expect(el).to.be.accessible();

    const changes = record<StarChangeDetail>(el, 'programme-star-change');
    button(el).click();
    await el.updateComplete;
    expect(pressed(el)).to.equal('true');
    expect(changes.map((e) => e.detail)).to.deep.equal([{ itemId: 'P021-1-a', starred: true }]);
    await waitUntil(() => JSON.parse(localStorage.getItem('programme-elements:schedule:cess-2024') ?? '[]').includes('P021-1-a'));
    await expect(el).to.be.accessible();
  });

  it('is operated with Space and Enter', async () => {
    const el = await fixture<StarToggle>(html`<star-toggle item-id="P021" src=${programmeUrl('demo')}></star-toggle>`);
    await ready(el);
    button(el).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(pressed(el)).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(pressed(el)).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
  });

  it('keeps two stars for the same item in step', async () => {
    const el = await fixture(html`<programme-source src=${programmeUrl('demo')}>
      <star-toggle item-id="P021"></star-toggle><star-toggle item-id="P021"></star-toggle><star-toggle item-id="P005"></star-toggle>
    </programme-source>`);
    const [a, b, other] = [...el.querySelectorAll('star-toggle')];
    await ready(a);
    button(a).click();
    await b.updateComplete;
    expect([pressed(a), pressed(b), pressed(other)]).to.deep.equal(['true', 'true', 'false']);
  });

  it('shows a press made in another tab', async () => {
    const el = await fixture<StarToggle>(html`<star-toggle item-id="P021" src=${programmeUrl('demo')}></star-toggle>`);
    await ready(el);
    // Another browsing context of the same origin writes the schedule: the storage event reaches this page.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    frame.contentWindow!.localStorage.setItem('programme-elements:schedule:cess-2024', JSON.stringify(['P021']));
    await waitUntil(() => pressed(el) === 'true', 'the other tab’s press never showed');
    frame.remove();
  });

  it('fires no event when code sets its properties', async () => {
    const el = await fixture<StarToggle>(html`<star-toggle item-id="P021" src=${programmeUrl('demo')}></star-toggle>`);
    await ready(el);
    const events = [...record(el, 'programme-star-change'), ...record(el, 'programme-error'), ...record(el, 'programme-login-request')];
    el.itemId = 'P005';
    el.itemTitle = 'Something else';
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect(button(el).getAttribute('aria-label')).to.equal('Add “Something else” to my schedule');
  });

  it('works with an id alone, without a programme', async () => {
    const el = await fixture<StarToggle>(html`<star-toggle item-id="talk-42" item-title="A talk on the host's own page"></star-toggle>`);
    await ready(el);
    button(el).click();
    await el.updateComplete;
    expect(pressed(el)).to.equal('true');
    await expect(el).to.be.accessible();
  });
});

describe('<star-toggle> with an HTTP schedule', () => {
  it('signed out: says what signing in is for; a press asks the host to sign in', async () => {
    const a = api({ signedIn: false });
    await a.ready;
    const el = await fixture<StarToggle>(
      html`<star-toggle item-id="P021-1-a" item-title="Is Kazakhstan a middle power?" schedule=${a.base} login-url="/login?return={return}"></star-toggle>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.signed-out'), 'never showed the signed-out state');
    expect(button(el).getAttribute('aria-label')).to.equal('Sign in to add “Is Kazakhstan a middle power?” to your schedule');
    expect(button(el).hasAttribute('aria-pressed')).to.equal(false);
    expect(button(el).textContent!.trim()).to.equal('Sign in');
    await expect(el).to.be.accessible();
    const requests = record<LoginRequestDetail>(el, 'programme-login-request');
    el.addEventListener('programme-login-request', (e) => e.preventDefault(), { once: true });
    button(el).click();
    expect(requests.map((e) => [e.detail.itemId, e.detail.login, e.cancelable])).to.deep.equal([['P021-1-a', '/login?return={return}', true]]);
  });

  it("signed out: the request's default calls the adapter's login function", async () => {
    const a = api({ signedIn: false });
    await a.ready;
    const adapter = new HttpScheduleAdapter(a.base);
    let called = 0;
    Object.assign(adapter, { login: () => called++ });
    const el = await fixture<StarToggle>(html`<star-toggle item-id="X" .scheduleAdapter=${adapter}></star-toggle>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.signed-out'));
    button(el).click();
    expect(called).to.equal(1);
  });

  it('200 stars and 5 panel cards make one programme request and one starred-list request', async () => {
    const a = api({ starred: ['P021-1-b'] });
    await a.ready;
    const src = programmeUrl('demo');
    const ids = ['P021', 'P021-1', 'P021-1-a', 'P021-1-b', 'P021-1-c', 'P005', 'P008', 'P011'];
    const el = await fixture(html`<programme-source src=${src} schedule=${a.base}>
      ${Array.from({ length: 200 }, (_, i) => html`<star-toggle item-id=${ids[i % ids.length]}></star-toggle>`)}
      ${Array.from({ length: 5 }, () => html`<panel-card panel-id="P021"></panel-card>`)}
    </programme-source>`);
    const stars = [...el.querySelectorAll('star-toggle')];
    const cards = [...el.querySelectorAll('panel-card')];
    await Promise.all(cards.map((c) => settled(c)));
    await waitUntil(() => stars.every((s) => button(s)?.getAttribute('aria-disabled') === 'false'), 'stars not ready');
    expect(pressed(stars[3])).to.equal('true');
    const cardStar = cards[0].shadowRoot!.querySelectorAll('star-toggle')[2] as StarToggle; // P021-1-b
    await waitUntil(() => pressed(cardStar) === 'true');
    expect(await hits(src)).to.equal(1);
    const { requests } = await a.stats();
    expect(requests.items).to.equal(1);
    expect(requests.me).to.equal(1);
  });

  it('rolls back, tells the reader and fires programme-error when the server refuses a change (403); agrees after recovery', async () => {
    const { a, el, star, twin } = await twinStars('P1');
    await a.control({ fail: { status: 403, count: 1 } });
    const errors = record<ProgrammeErrorDetail>(el, 'programme-error');
    button(star).click();
    await star.updateComplete;
    expect(pressed(twin)).to.equal('true', 'optimistic: every star shows the press at once');
    await waitUntil(() => errors.length === 1, 'no programme-error');
    await star.updateComplete;
    expect(pressed(star)).to.equal('false');
    expect(pressed(twin)).to.equal('false');
    expect(errors[0].detail).to.deep.equal({ message: 'The schedule server answered HTTP 403: failing on purpose with 403.', kind: 'save' });
    const message = star.shadowRoot!.querySelector('[role=status]')!;
    expect(message.textContent).to.equal('Not saved: The schedule server answered HTTP 403: failing on purpose with 403. The star was put back.');
    expect(
      Object.keys(localStorage).filter((k) => k.startsWith('programme-elements:outbox:') && k.includes(a.base)),
      'nothing kept',
    ).to.deep.equal([]);
    await expect(star).to.be.accessible();
    // Recovery: the next press persists, and the page, the server and a fresh read agree.
    button(star).click();
    await waitUntil(async () => (await a.stats()).starred.includes('P1'));
    await star.updateComplete;
    expect(pressed(star)).to.equal('true');
    expect(message.textContent).to.equal('');
    expect([...(await new HttpScheduleAdapter(a.base).starred())]).to.deep.equal(['P1']);
  });

  it('keeps the change when the server answers 500: pending, the reader told, sent once the server is back; page, server and a fresh read agree', async () => {
    const { a, el, star, twin } = await twinStars('P8');
    await a.control({ fail: { status: 500, count: 1000 } });
    const errors = record<ProgrammeErrorDetail>(el, 'programme-error');
    button(star).click();
    await waitUntil(() => errors.length === 1, 'no programme-error');
    await star.updateComplete;
    expect(errors[0].detail).to.deep.equal({ message: 'The schedule server answered HTTP 500.', kind: 'queued' });
    expect(pressed(star), 'the reader’s choice stays').to.equal('true');
    expect(pressed(twin)).to.equal('true');
    expect(star.shadowRoot!.querySelector('button.pending')).to.exist;
    const message = star.shadowRoot!.querySelector('[role=status]')!;
    expect(message.textContent).to.match(/^Not sent yet: The schedule server answered HTTP 500\. Your change is kept/);
    await expect(star).to.be.accessible();
    expect((await a.stats()).starred).to.deep.equal([]);
    // The server is back: the change goes, the message goes, and everyone agrees.
    await a.control({ fail: null });
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await a.stats()).starred.includes('P8'), 'the kept change was never sent', { timeout: 5000 });
    await waitUntil(() => !star.shadowRoot!.querySelector('button.pending') && message.textContent === '', 'still pending');
    expect(pressed(star)).to.equal('true');
    expect(pressed(twin)).to.equal('true');
    expect([...(await new HttpScheduleAdapter(a.base).starred())]).to.deep.equal(['P8']);
  });

  it('keeps the change when the server does not answer in time, after bounded retries', async () => {
    const a = api();
    await a.ready;
    const adapter = new HttpScheduleAdapter(a.base, { timeout: 300, retries: 1 });
    const el = await fixture<StarToggle>(html`<star-toggle item-id="P2" .scheduleAdapter=${adapter}></star-toggle>`);
    await ready(el);
    await a.control({ hang: 2 });
    button(el).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button.pending')).to.exist;
    await expect(el).to.be.accessible();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=status]')!.textContent !== '', 'no message', { timeout: 3000 });
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Not sent yet: The schedule server did not answer within 0.3 s.');
    expect(pressed(el)).to.equal('true');
    expect((await a.stats()).requests.put).to.equal(2);
    // The server answers again: the kept change is sent.
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await a.stats()).starred.includes('P2'), 'the kept change was never sent', { timeout: 5000 });
    await waitUntil(() => !el.shadowRoot!.querySelector('button.pending'), 'still pending');
    expect(pressed(el)).to.equal('true');
  });

  it('keeps a change that could not be sent, says it is pending, and sends it when the server is back, even after a reload', async () => {
    const a = api();
    await a.ready;
    const el = await fixture<StarToggle>(
      html`<star-toggle item-id="P7" item-title="Seven" .scheduleAdapter=${new HttpScheduleAdapter(a.base, { retries: 0 })}></star-toggle>`,
    );
    await ready(el);
    await a.control({ drop: 1000 });
    const errors = record<ProgrammeErrorDetail>(el, 'programme-error');
    button(el).click();
    await waitUntil(() => errors.length === 1, 'no programme-error');
    await el.updateComplete;
    expect(errors[0].detail.kind).to.equal('queued');
    expect(pressed(el)).to.equal('true', 'the reader’s choice stays');
    expect(el.shadowRoot!.querySelector('button.pending')).to.exist;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Not sent yet: The schedule server could not be reached.');
    await expect(el).to.be.accessible();
    const saved = Object.keys(localStorage).find((k) => k.startsWith('programme-elements:outbox:') && k.includes(a.base));
    expect(saved, 'the change is kept in this browser').to.exist;
    expect(JSON.parse(localStorage.getItem(saved!)!)).to.have.all.keys('P7');
    expect(JSON.parse(localStorage.getItem(saved!)!).P7.starred).to.equal(true);

    // A reload: a new adapter and store find the kept change and show it as pending.
    const again = await fixture<StarToggle>(
      html`<star-toggle item-id="P7" item-title="Seven" .scheduleAdapter=${new HttpScheduleAdapter(a.base, { retries: 0 })}></star-toggle>`,
    );
    await waitUntil(() => pressed(again) === 'true', 'the kept change did not survive the reload');

    // The server is back.
    await a.control({ drop: 0 });
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await a.stats()).starred.includes('P7'), 'the kept change was never sent', { timeout: 5000 });
    await waitUntil(() => !again.shadowRoot!.querySelector('button.pending'), 'still pending');
    expect(pressed(again)).to.equal('true');
    expect(localStorage.getItem(saved!)).to.equal(null);
  });

  it('a 401 mid-session turns every star to signed out and keeps the change until the reader is signed in again, then sends it', async () => {
    const a = api();
    await a.ready;
    const el = await fixture(
      html`<div><star-toggle item-id="P3" schedule=${a.base}></star-toggle><star-toggle item-id="P4" schedule=${a.base}></star-toggle></div>`,
    );
    const [star, other] = [...el.querySelectorAll('star-toggle')];
    await ready(star);
    await a.control({ signedIn: false });
    const errors = record<ProgrammeErrorDetail>(el, 'programme-error');
    button(star).click();
    await waitUntil(() => star.shadowRoot!.querySelector('.signed-out') && other.shadowRoot!.querySelector('.signed-out'), 'not signed out');
    expect(star.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal(
      'Not sent yet: you are no longer signed in. Your change is kept in this browser and sent when you sign in again.',
    );
    expect(errors.map((e) => e.detail.kind)).to.deep.equal(['queued']);
    await expect(star).to.be.accessible();
    expect((await a.stats()).starred).to.deep.equal([]);
    // Signed in again (the page is back from the sign-in form): the kept press is sent and shown.
    await a.control({ signedIn: true });
    await storeForChoice({ schedule: a.base }).refresh();
    await waitUntil(async () => (await a.stats()).starred.includes('P3'), 'the kept change was never sent', { timeout: 5000 });
    await waitUntil(() => pressed(star as StarToggle) === 'true' && !star.shadowRoot!.querySelector('button.pending'), 'not shown as starred');
  });

  it('a burst of 50 presses with random server delays ends in the state of the last press, on the page and on the server', async () => {
    const a = api({ randomDelay: 40 });
    await a.ready;
    const el = await fixture<StarToggle>(html`<star-toggle item-id="P5" schedule=${a.base}></star-toggle>`);
    await ready(el);
    for (let i = 0; i < 50; i++) {
      button(el).click();
      if (Math.random() < 0.3) await new Promise((r) => setTimeout(r, Math.random() * 30));
    }
    // 50 presses from unstarred: the last one unstars.
    await el.updateComplete;
    expect(pressed(el)).to.equal('false');
    await waitUntil(() => !el.shadowRoot!.querySelector('button.pending'), 'never settled', { timeout: 8000 });
    expect(pressed(el)).to.equal('false');
    expect((await a.stats()).starred).to.deep.equal([]);
    // One more press: starred everywhere.
    button(el).click();
    await waitUntil(async () => (await a.stats()).starred.includes('P5'));
    await waitUntil(() => !el.shadowRoot!.querySelector('button.pending'));
    expect(pressed(el)).to.equal('true');
    const { requests } = await a.stats();
    expect(requests.put + requests.delete).to.be.lessThan(52);
  });

  it('says so, with a retry, when the schedule cannot be read', async () => {
    const a = api({ fail: { status: 500, count: 3 } });
    await a.ready;
    const adapter = new HttpScheduleAdapter(a.base, { retries: 0 });
    const el = await fixture<StarToggle>(html`<star-toggle item-id="P6" item-title="Six" .scheduleAdapter=${adapter}></star-toggle>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.signed-out'), 'no error state');
    expect(button(el).getAttribute('aria-label')).to.equal('Your schedule could not be loaded; try again to star “Six”');
    await expect(el).to.be.accessible();
    await a.control({ fail: null });
    button(el).click();
    await waitUntil(() => pressed(el) === 'false', 'retry did not recover');
  });
});
