import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../src/index.js';
import { PanelCard, StarToggle } from '../src/core.js';
import { programmeUrl, settled } from './helpers.js';

describe('registering under other names', () => {
  it('is tolerant of a second registration of a taken name', () => {
    expect(() => PanelCard.define()).not.to.throw();
    expect(() => PanelCard.define('panel-card')).not.to.throw();
    expect(customElements.get('panel-card')).to.equal(PanelCard);
  });

  it('registers a class under another name, even one it already has', async () => {
    PanelCard.define('dept-panel');
    StarToggle.define('dept-star');
    const tag = unsafeStatic('dept-panel');
    const el = await fixture<PanelCard>(staticHtml`<${tag} panel-id="P021" src=${programmeUrl('demo')}></${tag}>`);
    await settled(el);
    expect(el).to.be.instanceOf(PanelCard);
    expect(el.shadowRoot!.querySelector('[part=title]')!.textContent).to.contain('Kazakhstan');
    expect(document.createElement('dept-star')).to.be.instanceOf(StarToggle);
  });
});
