import { expect, waitUntil } from '@open-wc/testing';
import { programmeUrl } from './helpers.js';

/**
 * The file users paste into a page, as built by `npm run build` (npm test builds first): loaded
 * alone in a fresh document, every element must define itself and render, styles included.
 */
describe('the self-contained bundle', () => {
  it('defines every element and renders a panel with its styles', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '900px';
    frame.style.height = '600px';
    frame.srcdoc = `<!doctype html><html lang="en-GB"><body>
      <script type="module" src="/dist/programme-elements.min.js"></script>
      <panel-card panel-id="P021" src="${programmeUrl('demo')}"></panel-card>
      <session-list src="${programmeUrl('demo')}" deep-link="none"></session-list>
      <star-toggle item-id="P021"></star-toggle></body></html>`;
    document.body.append(frame);
    const win = () => frame.contentWindow as (Window & typeof globalThis) | null;
    await waitUntil(() => win()?.customElements.get('session-list'), 'the bundle never defined <session-list>', { timeout: 5000 });
    for (const tag of ['programme-source', 'panel-card', 'session-list', 'star-toggle', 'abstract-view']) {
      expect(win()!.customElements.get(tag), tag).to.exist;
    }
    const card = () => frame.contentDocument!.querySelector('panel-card')!;
    await waitUntil(() => card().shadowRoot?.querySelector('[part=title]'), 'the bundled card never rendered', { timeout: 5000 });
    expect(card().shadowRoot!.querySelector('[part=title]')!.textContent).to.contain('Kazakhstan Between Great Powers');
    const article = card().shadowRoot!.querySelector('article')!;
    expect(win()!.getComputedStyle(article).borderTopStyle).to.equal('solid', 'the minified styles apply');
    const list = frame.contentDocument!.querySelector('session-list')!;
    await waitUntil(() => list.shadowRoot?.querySelector('[part=count]'), 'the bundled list never rendered', { timeout: 5000 });
    // Below the card, perhaps out of the frame's view: scrolled to, as a reader would, its rows are drawn.
    list.scrollIntoView();
    await waitUntil(() => list.shadowRoot?.querySelector('.row'), 'the bundled list never drew its rows', { timeout: 5000 });
    // The styles are minified (no indentation or line breaks left in them), and Lit's own markers
    // keep their names, so other copies of Lit on the page can read this one's templates.
    for (const tag of ['panel-card', 'session-list', 'star-toggle', 'abstract-view', 'programme-source']) {
      const styles = (win()!.customElements.get(tag) as unknown as { elementStyles: { cssText: string }[] }).elementStyles;
      for (const style of styles) expect(style.cssText, tag).not.to.match(/\n|\s{2,}/);
    }
    const source = await (await fetch('/dist/programme-elements.min.js')).text();
    expect(source).to.contain('_$litType$');
    frame.remove();
  });
});
