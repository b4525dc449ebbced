import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { PanelCard } from '../src/elements/panel-card/panel-card.js';
import type { AbstractView } from '../src/elements/abstract-view/abstract-view.js';
import type { ProgrammeErrorDetail } from '../src/events.js';
import { hits, programmeUrl, record, settled, visibleText } from './helpers.js';

const seed = () => programmeUrl('demo');

// The host page says which language it is in; the cards follow it.
document.documentElement.lang = 'en-GB';

describe('<panel-card>', () => {
  it('shows every field of the seed panel, in the conference time zone', async () => {
    const el = await fixture<PanelCard>(html`<panel-card panel-id="P021" src=${seed()}></panel-card>`);
    await settled(el);
    const text = visibleText(el);
    for (const expected of [
      'Format',
      'Panel',
      'Theme',
      'Political Science, International Relations, and Law',
      'Location',
      '702 (Floor 7)',
      'Convenors',
      'Chairs',
      'Discussants',
      'Sessions',
      'Accepted papers',
      'Is Kazakhstan a middle power?',
      'Time zone: Asia/Almaty (UTC+05:00)',
    ]) {
      expect(text, expected).to.contain(expected);
    }
    const root = el.shadowRoot!;
    expect(root.querySelector('.sessions time')!.textContent).to.match(/^Sunday,? 9 June 2024, 09:00\u2009\u2013\u200910:45$/);
    expect(root.querySelector('.sessions li')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Session 1: Sunday,? 9 June/);
    expect(root.querySelector('[part=title]')!.getAttribute('aria-level')).to.equal('2');
    const papers = [...root.querySelectorAll('[part=paper] .paper-title')].map((p) => p.textContent);
    expect(papers).to.have.length(3);
    expect(papers[0]).to.equal('Is Kazakhstan a middle power?');
    const abstracts = [...root.querySelectorAll('abstract-view')] as AbstractView[];
    expect(abstracts).to.have.length(3);
    // The full abstracts are the seed's, in paragraphs.
    abstracts.forEach((a) => (a.expanded = true));
    await Promise.all(abstracts.map((a) => a.updateComplete));
    expect(abstracts[0].shadowRoot!.querySelectorAll('p').length).to.equal(4);
    expect(visibleText(abstracts[0])).to.contain('This paper examines whether Kazakhstan is a mid-power');
    expect(visibleText(abstracts[1])).to.contain('unraveling the complexities of multi-vector approach');
    expect(visibleText(abstracts[2])).to.contain('George Washington University');
    for (const a of root.querySelectorAll('.authors')) expect(a.textContent!.trim()).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('fires no programme-error when all is well', async () => {
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const errors = record(wrapper, 'programme-error');
    wrapper.innerHTML = `<panel-card panel-id="P021" src="${seed()}"></panel-card>`;
    await settled(wrapper.firstElementChild as PanelCard);
    await new Promise((r) => setTimeout(r, 50));
    expect(errors).to.have.length(0);
    wrapper.remove();
  });

  it('lists authors with affiliations and keeps papers in running order', async () => {
    const el = await fixture<PanelCard>(html`<panel-card panel-id="P021" src=${seed()}></panel-card>`);
    await settled(el);
    const first = el.shadowRoot!.querySelector('[part=paper] .authors')!;
    expect(first.querySelector('.author')!.textContent).to.not.equal('');
    expect(first.querySelector('.affiliation')!.textContent).to.match(/^\(.+\)$/);
  });

  it('is accessible while loading, loaded, sparse and failed', async () => {
    const loading = await fixture<PanelCard>(html`<panel-card panel-id="P021" src=${programmeUrl('demo', { delay: 400 })}></panel-card>`);
    expect(visibleText(loading)).to.equal('Loading the programme…');
    await expect(loading).to.be.accessible();

    const sparse = await fixture<PanelCard>(html`<panel-card panel-id="BARE" src=${programmeUrl('sparse')}></panel-card>`);
    await settled(sparse);
    expect(visibleText(sparse)).to.contain('A panel with nothing else');
    expect(visibleText(sparse)).to.contain('No sessions have been scheduled yet.');
    expect(sparse.shadowRoot!.querySelector('dl')).to.equal(null, 'no empty details list');
    await expect(sparse).to.be.accessible();

    const failed = await fixture<PanelCard>(html`<panel-card panel-id="P021" src="/status/404?t=axe"></panel-card>`);
    await settled(failed);
    expect(visibleText(failed)).to.equal('The programme could not be loaded. Try again');
    await expect(failed).to.be.accessible();
  });

  it('renders a sparse session: no title, no location, papers without authors or abstract', async () => {
    const el = await fixture<PanelCard>(html`<panel-card panel-id="THIN" src=${programmeUrl('sparse')}></panel-card>`);
    await settled(el);
    const text = visibleText(el);
    expect(text).to.contain('A paper with no abstract and no authors');
    expect(text).to.contain('No abstract has been published.');
    expect(text).to.contain('Time zone: UTC Accepted papers'); // a zone that is its own offset is named once
    expect(text).to.not.contain('undefined');
    await expect(el).to.be.accessible();
  });

  for (const [name, src, kind] of [
    ['a 404', '/status/404?t=card', 'http'],
    ['a body that is not JSON', '/not-json?t=card', 'not-json'],
    ['an invalid document', programmeUrl('invalid-time-zone'), 'invalid'],
  ] as const) {
    it(`shows a short message and fires programme-error with the reason for ${name}`, async () => {
      const container = document.createElement('div');
      document.body.append(container);
      const errors = record<ProgrammeErrorDetail>(container, 'programme-error');
      const el = document.createElement('panel-card');
      el.panelId = 'P1';
      el.src = src;
      container.append(el);
      await waitUntil(() => errors.length > 0, 'no programme-error');
      await el.updateComplete;
      expect(errors[0].detail.kind).to.equal(kind);
      expect(errors[0].detail.message).to.not.equal('');
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('The programme could not be loaded.');
      expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Try again');
      if (kind === 'invalid') expect(errors[0].detail.problems![0].path).to.equal('conference.timeZone');
      container.remove();
    });
  }

  it('retries from the error state', async () => {
    const el = await fixture<PanelCard>(html`<panel-card panel-id="P1" src="/status/503?t=retry-card"></panel-card>`);
    await settled(el);
    el.shadowRoot!.querySelector('button')!.click();
    await waitUntil(async () => (await hits('/status/503?t=retry-card')) === 2, 'retry made no second request');
  });

  it('says when the panel is not in the programme, and fires programme-error', async () => {
    const src = programmeUrl('demo');
    const el = document.createElement('panel-card');
    el.panelId = 'P999';
    el.src = src;
    const event = oneEvent(el, 'programme-error');
    document.body.append(el);
    const { detail } = await event;
    expect(detail).to.deep.equal({ message: 'Panel P999 is not in this programme.', kind: 'not-found' });
    await el.updateComplete;
    expect(visibleText(el)).to.equal('Panel P999 is not in this programme.');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('renders text as text: markup in the data is shown, never run', async () => {
    const el = await fixture<PanelCard>(html`<panel-card panel-id="HTML" src=${programmeUrl('hostile')}></panel-card>`);
    await settled(el);
    expect(visibleText(el)).to.contain('<img src=x onerror="window.__pwned=1">');
    expect(!!el.shadowRoot!.querySelector('img')).to.equal(false);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    // A javascript: URL does not become a link: the only links are the calendars' own, on https.
    const links = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.href);
    expect(
      links.every((href) => /^https:\/\/(calendar\.google\.com|outlook\.live\.com)\//.test(href)),
      links.join(' '),
    ).to.equal(true);
    expect(
      links.some((href) => href.includes('javascript')),
      'a javascript: link',
    ).to.equal(false);
  });

  it('follows heading-level', async () => {
    const el = await fixture<PanelCard>(html`<panel-card heading-level="3" panel-id="P021" src=${seed()}></panel-card>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part=title]')!.getAttribute('aria-level')).to.equal('3');
    expect(el.shadowRoot!.querySelector('#sessions-heading')!.getAttribute('aria-level')).to.equal('4');
  });

  it('shows times in another zone when asked', async () => {
    const el = await fixture<PanelCard>(html`<panel-card panel-id="P021" time-zone="Europe/London" src=${seed()}></panel-card>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('.sessions time')!.textContent).to.match(/^Sunday,? 9 June 2024, 05:00\u2009\u2013\u200906:45$/);
    expect(visibleText(el)).to.contain('Time zone: Europe/London (UTC+01:00)');
  });

  it('speaks the language of the closest [lang]', async () => {
    const el = await fixture(html`<div lang="de"><panel-card panel-id="P021" src=${seed()}></panel-card></div>`);
    const card = el.querySelector('panel-card')!;
    await settled(card);
    expect(card.shadowRoot!.querySelector('.sessions time')!.textContent).to.equal('Sonntag, 9. Juni 2024, 09:00\u2009\u2013\u200910:45');
  });

  it('works inside <programme-source>: five cards share one request', async () => {
    const src = seed();
    const el = await fixture(html`<programme-source src=${src}>
      <panel-card panel-id="P021"></panel-card><panel-card panel-id="P021"></panel-card><panel-card panel-id="P021"></panel-card>
      <panel-card panel-id="P021"></panel-card><panel-card panel-id="P021"></panel-card>
    </programme-source>`);
    const cards = [...el.querySelectorAll('panel-card')];
    await Promise.all(cards.map((c) => settled(c)));
    for (const c of cards) expect(visibleText(c)).to.contain('Is Kazakhstan a middle power?');
    expect(await hits(src)).to.equal(1);
  });

  it('five lone elements naming the same src share one request', async () => {
    const src = seed();
    const el = await fixture(html`<div>
      <panel-card panel-id="P021" src=${src}></panel-card><panel-card panel-id="P021" src=${src}></panel-card>
      <abstract-view paper-id="P021-1-a" src=${src}></abstract-view><abstract-view paper-id="P021-1-b" src=${src}></abstract-view>
      <panel-card panel-id="P021" src=${src}></panel-card>
    </div>`);
    await Promise.all([...el.children].map((c) => settled(c as HTMLElement)));
    expect(await hits(src)).to.equal(1);
  });

  it('one broken card does not take its neighbours down', async () => {
    const el = await fixture(html`<div>
      <panel-card panel-id="P021" src="/status/500?t=neighbour"></panel-card>
      <panel-card panel-id="P021" src=${seed()}></panel-card>
    </div>`);
    const [broken, fine] = [...el.children] as PanelCard[];
    await settled(broken);
    await settled(fine);
    expect(visibleText(broken)).to.contain('could not be loaded');
    expect(visibleText(fine)).to.contain('Is Kazakhstan a middle power?');
  });

  it('without src or a provider, says what it needs', async () => {
    const el = await fixture<PanelCard>(html`<panel-card panel-id="P021"></panel-card>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'no message');
    expect(visibleText(el)).to.contain('give this element a src attribute');
  });
});
