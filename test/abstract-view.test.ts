import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { AbstractView } from '../src/elements/abstract-view/abstract-view.js';
import type { Paper } from '../src/data/types.js';
import { programmeUrl, record, settled, visibleText } from './helpers.js';

const long: Paper = {
  id: 'X-1-a',
  title: 'On long abstracts',
  shortAbstract: 'A short version.',
  abstract: 'First paragraph,\nwith a line break.\n\nSecond paragraph.\n\n\nThird paragraph after two blank lines.',
};

const toggle = (el: AbstractView) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!;
const paragraphs = (el: AbstractView) => [...el.shadowRoot!.querySelectorAll('[part=text] p')].map((p) => p.textContent);

describe('<abstract-view>', () => {
  it('shows the short abstract with a collapsed disclosure, and is accessible', async () => {
    const el = await fixture<AbstractView>(html`<abstract-view .paper=${long}></abstract-view>`);
    expect(paragraphs(el)).to.deep.equal(['A short version.']);
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    expect(toggle(el).getAttribute('aria-controls')).to.equal('text');
    expect(toggle(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Show full abstract: On long abstracts');
    await expect(el).to.be.accessible();
  });

  it('opens and closes by click, keeping the paragraphs and line breaks', async () => {
    const el = await fixture<AbstractView>(html`<abstract-view .paper=${long}></abstract-view>`);
    toggle(el).click();
    await el.updateComplete;
    expect(el.expanded).to.equal(true);
    expect(el.hasAttribute('expanded')).to.equal(true);
    expect(paragraphs(el)).to.deep.equal(['First paragraph,\nwith a line break.', 'Second paragraph.', 'Third paragraph after two blank lines.']);
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    toggle(el).click();
    await el.updateComplete;
    expect(paragraphs(el)).to.deep.equal(['A short version.']);
  });

  it('is operated from the keyboard with Enter and Space, keeping focus on the button', async () => {
    const el = await fixture<AbstractView>(html`<abstract-view .paper=${long}></abstract-view>`);
    toggle(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.expanded).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(toggle(el));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.expanded).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(null, 'Tab leaves the element: nothing else to focus');
  });

  it('shows the first paragraph, cut, when there is no short abstract', async () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const el = await fixture<AbstractView>(html`<abstract-view .paper=${{ id: 'a', title: 't', abstract: `${words}\n\nMore.` }}></abstract-view>`);
    const [shown] = paragraphs(el);
    expect(shown!.length).to.be.lessThan(330);
    expect(shown!.endsWith('…')).to.equal(true);
    expect(toggle(el)).to.exist;
  });

  it('offers no button when there is nothing more to show', async () => {
    const el = await fixture<AbstractView>(html`<abstract-view .paper=${{ id: 'a', title: 't', shortAbstract: 'Only this.' }}></abstract-view>`);
    expect(paragraphs(el)).to.deep.equal(['Only this.']);
    expect(toggle(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says so when a paper has no abstract', async () => {
    const el = await fixture<AbstractView>(html`<abstract-view .paper=${{ id: 'a', title: 't' }}></abstract-view>`);
    expect(visibleText(el)).to.equal('No abstract has been published.');
    await expect(el).to.be.accessible();
  });

  it('works alone with paper-id and src, and inside <programme-source>', async () => {
    const alone = await fixture<AbstractView>(html`<abstract-view paper-id="THIN-1-b" src=${programmeUrl('sparse')}></abstract-view>`);
    await settled(alone);
    expect(visibleText(alone)).to.equal('Just this.');
    const provided = await fixture(
      html`<programme-source src=${programmeUrl('sparse')}><abstract-view paper-id="THIN-1-b"></abstract-view></programme-source>`,
    );
    const inner = provided.querySelector('abstract-view')!;
    await settled(inner);
    expect(visibleText(inner)).to.equal('Just this.');
  });

  it('says when the paper is not in the programme', async () => {
    const el = await fixture<AbstractView>(html`<abstract-view paper-id="NOPE" src=${programmeUrl('sparse')}></abstract-view>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
    expect(visibleText(el)).to.equal('Paper NOPE is not in this programme.');
    await expect(el).to.be.accessible();
  });

  it('fires no event when code sets expanded', async () => {
    const el = await fixture<AbstractView>(html`<abstract-view .paper=${long}></abstract-view>`);
    const events = [...record(el, 'programme-star-change'), ...record(el, 'programme-error')];
    el.expanded = true;
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect(paragraphs(el)).to.have.length(3);
  });
});
