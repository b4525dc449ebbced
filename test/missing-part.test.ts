import { expect, waitUntil } from '@open-wc/testing';
import { programmeUrl } from './helpers.js';

/**
 * A site copied programme-elements.min.js without its lazy/ folder: the parts that load on demand
 * are missing. The element says so in words and fires programme-error (missing-code) with the
 * detail; the rest of it keeps working.
 */

async function page(markup: string): Promise<{ frame: HTMLIFrameElement; errors: { kind: string; message: string }[] }> {
  const frame = document.createElement('iframe');
  frame.title = 'A host page';
  frame.style.cssText = 'width: 60rem; height: 40rem';
  const errors: { kind: string; message: string }[] = [];
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/no-lazy-page?element=${encodeURIComponent(markup)}`;
  document.body.append(frame);
  await loaded;
  frame.contentDocument!.addEventListener('programme-error', (e) => errors.push((e as CustomEvent).detail));
  return { frame, errors };
}

describe('a copy without the lazy/ folder', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('a timetable says a part could not be loaded, fires programme-error, and still shows the list', async () => {
    const { frame, errors } = await page(`<session-list src="${programmeUrl('demo')}" view="grid" deep-link="none"></session-list>`);
    const list = () => frame.contentDocument!.querySelector('session-list')!;
    await waitUntil(() => list().shadowRoot?.querySelector('[part=missing]'), 'no word about the missing part', { timeout: 8000 });
    const line = list().shadowRoot!.querySelector('[part=missing]')!;
    expect(line.getAttribute('role')).to.equal('alert');
    expect(line.textContent).to.equal('Part of this programme could not be loaded. Reload the page; if that does not help, tell the people who run this site.');
    await waitUntil(() => errors.some((e) => e.kind === 'missing-code'), 'no programme-error');
    const detail = errors.find((e) => e.kind === 'missing-code')!;
    expect(detail.message).to.match(/^The timetable of programme-elements could not be loaded \(.+\)\. If you run this site: keep the lazy\/ folder beside/);
    expect(errors.filter((e) => e.kind === 'missing-code').length, 'reported once').to.equal(1);
    // The rows are there all the same.
    await waitUntil(() => list().shadowRoot!.querySelectorAll('[data-session]').length > 0, 'no rows');
  });

  it('a card still shows its panel; opening Add to calendar says the links could not be loaded', async () => {
    const { frame, errors } = await page(`<panel-card src="${programmeUrl('demo')}" panel-id="P021"></panel-card>`);
    const card = () => frame.contentDocument!.querySelector('panel-card')!;
    await waitUntil(() => card().shadowRoot?.querySelector('.add-calendar'), 'the card never showed', { timeout: 8000 });
    const details = card().shadowRoot!.querySelector('details')!;
    details.open = true;
    await waitUntil(() => card().shadowRoot!.querySelector('[part=missing]'), 'no word about the missing part', { timeout: 8000 });
    expect(errors.map((e) => e.kind)).to.include('missing-code');
    expect(card().shadowRoot!.textContent).to.contain('Kazakhstan Between Great Powers');
  });

  it('a feed that needs an importer says which part is missing', async () => {
    const { frame } = await page(`<session-list src="/test/fixtures/interop/frab-31c3.xml" deep-link="none"></session-list>`);
    const list = () => frame.contentDocument!.querySelector('session-list')!;
    const errors: { kind: string; message: string }[] = [];
    list().addEventListener('programme-error', (e) => errors.push((e as CustomEvent).detail));
    await waitUntil(() => errors.length > 0 || list().shadowRoot?.querySelector('[role=alert]'), 'nothing said', { timeout: 8000 });
    await waitUntil(() => errors.length > 0, 'no programme-error', { timeout: 8000 });
    expect(errors[0].message).to.contain('needs an importer: The importers of programme-elements could not be loaded');
  });
});
