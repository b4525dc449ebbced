import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { loadSettings } from '../src/data/load.js';
import type { PanelCard } from '../src/elements/panel-card/panel-card.js';
import type { ProgrammeErrorDetail } from '../src/events.js';
import { record, settled } from './helpers.js';

document.documentElement.lang = 'en-GB';

let n = 0;
const unique = (url: string) => `${url}${url.includes('?') ? '&' : '?'}t=${Date.now()}-${++n}`;
const referenceServer = async (): Promise<string> => (await (await fetch('/reference/config')).json()).url;

/** A card on `src`, with the programme-error events it fires (listened to before it can fire any). */
async function card(src: string) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const errors = record<ProgrammeErrorDetail>(wrapper, 'programme-error');
  const el = document.createElement('panel-card');
  el.panelId = 'P021';
  el.src = src;
  wrapper.append(el);
  return { el, errors };
}
const title = (el: PanelCard) => el.shadowRoot!.querySelector('[part=title]')?.textContent ?? '';
const alert = (el: PanelCard) => el.shadowRoot!.querySelector('[role=alert]')?.textContent ?? '';

describe('bad networks', () => {
  afterEach(() => (loadSettings.timeoutMs = 30_000));

  it('a slow trickle: the card says it is loading, then shows the panel', async () => {
    const { el } = await card(unique('/trickle/demo?ms=1500'));
    await new Promise((r) => setTimeout(r, 400));
    expect(el.shadowRoot!.textContent).to.contain('Loading the programme…');
    await waitUntil(() => title(el).includes('Kazakhstan'), 'never rendered', { timeout: 5000 });
  });

  it('a server that never answers: a clear message after the timeout, and a retry', async () => {
    loadSettings.timeoutMs = 1500;
    const { el, errors } = await card(unique('/never'));
    await waitUntil(() => errors.length === 1, 'no programme-error', { timeout: 5000 });
    expect(errors[0].detail.kind).to.equal('network');
    expect(errors[0].detail.message).to.contain('did not answer within 1.5 s');
    await el.updateComplete;
    expect(alert(el)).to.contain('The programme could not be loaded.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=retry]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Loading the programme…');
    await expect(el).to.be.accessible();
  });

  it('a wrong content type: JSON labelled text/html is still read as JSON', async () => {
    const { el } = await card(unique('/wrong-type/demo'));
    await waitUntil(() => title(el).includes('Kazakhstan'), 'never rendered', { timeout: 5000 });
  });

  it('a redirect to another origin that allows it: the panel shows', async () => {
    const target = `${await referenceServer()}/programme.json`;
    const { el } = await card(unique(`/redirect?to=${encodeURIComponent(target)}`));
    await waitUntil(() => title(el).includes('Kazakhstan'), 'never rendered', { timeout: 5000 });
  });

  it('a redirect to another origin that refuses it (no CORS): a clear message', async () => {
    const target = `${await referenceServer()}/login`;
    const { el, errors } = await card(unique(`/redirect?to=${encodeURIComponent(target)}`));
    await settled(el);
    await waitUntil(() => errors.length === 1, 'no programme-error');
    expect(errors[0].detail.kind).to.equal('network');
    expect(alert(el)).to.contain('The programme could not be loaded.');
  });

  it('a CORS refusal: a clear message, and the neighbour keeps working', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <panel-card panel-id="P021" src=${`${await referenceServer()}/login?t=${++n}`}></panel-card>
      <panel-card panel-id="P021" src=${unique('/programmes/demo.json')}></panel-card>
    </div>`);
    const [refused, fine] = [...wrapper.querySelectorAll('panel-card')];
    await settled(refused);
    await settled(fine);
    expect(alert(refused)).to.contain('The programme could not be loaded.');
    expect(title(fine)).to.contain('Kazakhstan');
  });
});
