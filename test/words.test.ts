import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import '../src/locales/de.js';
import { setWords } from '../src/words.js';
import type { PanelCard } from '../src/elements/panel-card/panel-card.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { programmeUrl, settled } from './helpers.js';

describe('words and languages', () => {
  afterEach(() => setWords({ retry: 'Try again' }));

  it('speaks German where the closest [lang] is German, strings and dates alike', async () => {
    const el = await fixture(html`<div lang="de-AT"><panel-card panel-id="P021" src=${programmeUrl('demo')}></panel-card></div>`);
    const card = el.querySelector<PanelCard>('panel-card')!;
    await settled(card);
    const root = card.shadowRoot!;
    expect(root.querySelector('#sessions-heading')!.textContent).to.equal('Sitzungen');
    expect(root.querySelector('[part=time-zone]')!.textContent).to.equal('Zeitzone: Asia/Almaty (UTC+05:00)');
    expect(root.querySelector('.sessions time')!.textContent).to.equal('Sonntag, 9. Juni 2024, 09:00\u2009\u2013\u200910:45');
    const abstract = root.querySelector('abstract-view')!;
    expect(abstract.shadowRoot!.querySelector('[part=toggle]')!.textContent).to.contain('Ganze Zusammenfassung zeigen');
    await expect(card).to.be.accessible();
  });

  it('takes page-wide and per-element overrides, the element’s own winning', async () => {
    setWords({ retry: 'Reload the programme' });
    const el = await fixture<PanelCard>(html`<panel-card panel-id="P021" src="/status/500?t=words"></panel-card>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part=retry]')!.textContent).to.equal('Reload the programme');
    el.words = { retry: 'Once more' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=retry]')!.textContent).to.equal('Once more');
  });

  it('lays out right to left under dir="rtl"', async () => {
    const el = await fixture(
      html`<div dir="rtl" lang="ar" style="width: 900px"><session-list src=${programmeUrl('demo')} deep-link="none"></session-list></div>`,
    );
    const list = el.querySelector<SessionList>('session-list')!;
    await settled(list);
    const row = list.shadowRoot!.querySelector('.row')!;
    const when = row.querySelector('.when')!.getBoundingClientRect();
    const what = row.querySelector('.what')!.getBoundingClientRect();
    expect(when.left).to.be.greaterThan(what.left, 'the time column starts on the right');
    await expect(list).to.be.accessible();
  });
});
