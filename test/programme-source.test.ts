import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { ProgrammeErrorDetail } from '../src/events.js';
import { hits, programmeUrl, record, settled, visibleText } from './helpers.js';

describe('<programme-source>', () => {
  it('renders its children as they are', async () => {
    const el = await fixture(html`<programme-source src=${programmeUrl('sparse')}><p>Host content</p></programme-source>`);
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(el.querySelector('p')!.textContent).to.equal('Host content');
  });

  it('fires one programme-error for a failed load, however many elements use it', async () => {
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const errors = record<ProgrammeErrorDetail>(wrapper, 'programme-error');
    wrapper.innerHTML = `<programme-source src="/status/500?t=source-once">
      <panel-card panel-id="P1"></panel-card><panel-card panel-id="P2"></panel-card><abstract-view paper-id="x"></abstract-view>
    </programme-source>`;
    const cards = [...wrapper.querySelectorAll<HTMLElement>('panel-card, abstract-view')];
    await Promise.all(cards.map((c) => settled(c)));
    for (const c of cards) expect(visibleText(c)).to.contain('The programme could not be loaded.');
    expect(errors.map((e) => e.detail.kind)).to.deep.equal(['http']);
    expect(errors[0].target).to.equal(wrapper.querySelector('programme-source'));
    wrapper.remove();
  });

  it("a retry in any child reloads the provider's programme", async () => {
    const el = await fixture(html`<programme-source src="/status/500?t=source-retry"><panel-card panel-id="P1"></panel-card></programme-source>`);
    const card = el.querySelector('panel-card')!;
    await settled(card);
    card.shadowRoot!.querySelector('button')!.click();
    await waitUntil(async () => (await hits('/status/500?t=source-retry')) === 2);
  });

  it('loads again when src changes', async () => {
    const el = await fixture<HTMLElementTagNameMap['programme-source']>(
      html`<programme-source src=${programmeUrl('sparse')}><panel-card panel-id="BARE"></panel-card></programme-source>`,
    );
    const card = el.querySelector('panel-card')!;
    await settled(card);
    expect(visibleText(card)).to.contain('A panel with nothing else');
    el.src = programmeUrl('demo');
    card.panelId = 'P021';
    await waitUntil(() => visibleText(card).includes('Is Kazakhstan a middle power?'));
  });

  it('passes its time-zone to every element inside', async () => {
    const el = await fixture(
      html`<programme-source time-zone="Europe/London" src=${programmeUrl('demo')}><panel-card panel-id="P021"></panel-card></programme-source>`,
    );
    const card = el.querySelector('panel-card')!;
    await settled(card);
    expect(visibleText(card)).to.contain('Time zone: Europe/London');
  });

  it('an element defined before its provider still gets the data', async () => {
    // Upgrade order: the card is connected and asks for data; then the provider around it upgrades.
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<late-source src="${programmeUrl('sparse')}"><panel-card panel-id="BARE"></panel-card></late-source>`;
    document.body.append(wrapper);
    const { ProgrammeSource } = await import('../src/core.js');
    customElements.define('late-source', class extends ProgrammeSource {});
    const card = wrapper.querySelector('panel-card')!;
    await waitUntil(() => visibleText(card).includes('A panel with nothing else'), 'the late provider never answered');
    wrapper.remove();
  });
});
