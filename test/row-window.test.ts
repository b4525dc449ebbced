import { expect, fixture, html as testHtml, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { RowWindow } from '../src/elements/session-list/row-window.js';

/** The row window on its own, under a minimal host: what it draws, and when. */

type Item = { day?: string; n: number };

class WindowHost extends LitElement {
  items: Item[] = [];
  readonly window = new RowWindow<Item>(this, {
    chunkSize: 5,
    estimate: (item) => (item.day ? 0 : 100),
    breakBefore: (item) => !!item.day,
    container: () => this.renderRoot.querySelector('.rows'),
  });

  protected override render() {
    this.window.setItems(this.items);
    return html`<div class="rows">
      ${this.window
        .chunks()
        .map((c) =>
          c.rendered
            ? html`<div data-chunk=${c.index}>${c.items.map((i) => html`<div class="item" style="height: ${i.day ? 0 : 100}px">${i.n}</div>`)}</div>`
            : html`<div data-chunk=${c.index} class="placeholder" style="height: ${c.height}px"></div>`,
        )}
    </div>`;
  }
}
customElements.define('window-host', WindowHost);

const items = (n: number, dayEvery = 0): Item[] => Array.from({ length: n }, (_, i) => ({ n: i, ...(dayEvery && i % dayEvery === 0 ? { day: `d${i}` } : {}) }));
async function host(list: Item[]): Promise<WindowHost> {
  const el = await fixture<WindowHost>(testHtml`<window-host></window-host>`);
  el.items = list;
  el.requestUpdate();
  await el.updateComplete;
  return el;
}
const drawn = (el: WindowHost) =>
  el.window
    .chunks()
    .filter((c) => c.rendered)
    .map((c) => c.index);

describe('RowWindow', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('cuts the list into chunks of at most chunkSize, starting a new one at each breakBefore item', async () => {
    const el = await host(items(12, 7));
    expect(el.window.chunks().map((c) => c.items.map((i) => i.n))).to.deep.equal([
      [0, 1, 2, 3, 4],
      [5, 6],
      [7, 8, 9, 10, 11],
    ]);
    expect(el.window.chunks().map((c) => c.offset)).to.deep.equal([0, 5, 7]);
  });

  it('draws about a screen and the margin at once, by estimated height, and the rest as placeholders of that height', async () => {
    const el = await host(items(200));
    const first = drawn(el);
    // 600 px of margin below the viewport, 100 px a row, 5 rows a chunk.
    expect(first[0]).to.equal(0);
    expect(first.length).to.equal(Math.ceil((window.innerHeight + 600) / 500));
    const placeholder = el.renderRoot.querySelector<HTMLElement>('.placeholder')!;
    expect(placeholder.style.height).to.equal('500px');
  });

  it('draws the chunks the reader scrolls to, and lets far ones go back to placeholders', async () => {
    const el = await host(items(400));
    window.scrollTo(0, 20_000);
    const at = Math.floor((window.scrollY - (el.getBoundingClientRect().top + window.scrollY)) / 500);
    await waitUntil(() => drawn(el).includes(at) && !drawn(el).includes(0), `chunk ${at} drawn, chunk 0 let go`);
  });

  it('reveals the chunk holding an item, for deep links', async () => {
    const el = await host(items(400));
    el.window.reveal(333);
    await el.updateComplete;
    expect(drawn(el)).to.include(66);
  });

  it('starts again from the top with a new list', async () => {
    const el = await host(items(400));
    el.window.reveal(333);
    el.items = items(50);
    el.requestUpdate();
    await el.updateComplete;
    expect(drawn(el)).not.to.include(66);
    expect(drawn(el)[0]).to.equal(0);
  });
});
