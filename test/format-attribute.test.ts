import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { programmeUrl, settled } from './helpers.js';

const count = (el: SessionList) => el.shadowRoot!.querySelector('[part=count]')!.textContent!.trim();

describe('the format attribute', () => {
  it('reads another system’s export on a lone element, and says which format it chose', async () => {
    const info: string[] = [];
    const original = console.info;
    console.info = (...args: unknown[]) => info.push(args.join(' '));
    try {
      const el = await fixture<SessionList>(html`<session-list src="/test/fixtures/interop/pretalx-democon.json?t=attr" deep-link="none"></session-list>`);
      await settled(el);
      expect(count(el)).to.equal('36 sessions');
      await waitUntil(() => info.length > 0);
      expect(info[0]).to.contain('as pretalx');
      expect(info[0]).to.contain('time_zone_name says');
    } finally {
      console.info = original;
    }
  });

  it('takes the format from <programme-source>, and refuses a document that is not of it', async () => {
    const el = await fixture(
      html`<programme-source format="c3voc2" src="/test/fixtures/interop/frab-camp2019.json?t=wrong"><session-list deep-link="none"></session-list></programme-source>`,
    );
    const list = el.querySelector('session-list')!;
    await settled(list);
    expect(list.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('The programme could not be loaded.');
  });

  it('on <session-list>, any other value filters by panel format', async () => {
    const el = await fixture<SessionList>(html`<session-list src=${programmeUrl('demo')} deep-link="none" format="Roundtable"></session-list>`);
    await settled(el);
    expect(count(el)).to.equal('Showing 1 of 18 sessions');
  });
});
