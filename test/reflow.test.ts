import { sendKeys } from '@web/test-runner-commands';
import { dayTabs, filterSelect, starredOnlyBox } from './list-actions.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import type { StarToggle } from '../src/elements/star-toggle/star-toggle.js';
import { programmeUrl, settled } from './helpers.js';

document.documentElement.lang = 'en-GB';

describe('reflow, forced colours and focus', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ forcedColors: 'none' });
  });

  it('at 320 px wide (400 % zoom of 1280 px), nothing scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture(html`<div style="padding: 0 8px">
      <panel-card panel-id="P021" src=${programmeUrl('demo')}></panel-card>
      <session-list src=${programmeUrl('demo')} deep-link="none"></session-list>
    </div>`);
    const [card, list] = [...el.children] as HTMLElement[];
    await settled(card);
    await settled(list);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
    for (const host of [card, list]) {
      for (const node of host.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
        const box = node.getBoundingClientRect();
        if (box.width) expect(box.right, `${host.localName} ${node.localName}.${node.className}`).to.be.at.most(321);
      }
    }
  });

  it('in forced-colours mode a pressed star is still filled, and the card keeps its border', async () => {
    await emulateMedia({ forcedColors: 'active' });
    localStorage.clear();
    const el = await fixture<StarToggle>(html`<star-toggle item-id="forced-1" item-title="Forced"></star-toggle>`);
    await waitUntil(() => el.shadowRoot!.querySelector('button[aria-disabled=false]'));
    el.shadowRoot!.querySelector('button')!.click();
    await el.updateComplete;
    const path = el.shadowRoot!.querySelector('path.filled')!;
    expect(getComputedStyle(path).fill).to.not.match(/rgba\(0, 0, 0, 0\)|transparent|none/);
    await expect(el).to.be.accessible();
  });

  it('keeps focus where the reader is when the list updates', async () => {
    const el = await fixture<SessionList>(html`<session-list src=${programmeUrl('demo')} deep-link="none"></session-list>`);
    await settled(el);
    const tab = dayTabs(el).find((t) => t.dataset.day === '2024-06-09')!;
    tab.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tab);
    expect(tab.getAttribute('aria-pressed')).to.equal('true');
    const theme = await filterSelect(el, 'Theme');
    theme.focus();
    theme.value = theme.options[1].value;
    theme.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'the select keeps focus as the list narrows').to.equal(theme);
    const checkbox = await starredOnlyBox(el);
    checkbox.focus();
    checkbox.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(checkbox);
  });
});
