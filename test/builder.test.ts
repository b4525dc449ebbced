import { expect, waitUntil } from '@open-wc/testing';

/**
 * The embed builder (demo/builder.html), as a web editor uses it: paste an address, see it load or
 * its problems by path, pick a panel, copy the script snippet, paste it into a blank page: the
 * panel shows there.
 */

const loaded = (frame: HTMLIFrameElement) => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));

/** axe, run inside the builder's own document (it is a page of its own, in a frame). */
async function axeViolations(frame: HTMLIFrameElement): Promise<string[]> {
  const win = frame.contentWindow as Window & { axe?: { run: (node: Node) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } };
  if (!win.axe) {
    const script = frame.contentDocument!.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const ready = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    frame.contentDocument!.head.append(script);
    await ready;
  }
  const { violations } = await win.axe!.run(frame.contentDocument!);
  return violations.map((v) => `${v.id} (${v.nodes.length})`);
}

async function builder(): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.title = 'The embed builder';
  frame.style.cssText = 'width: 70rem; height: 50rem';
  const done = loaded(frame);
  frame.src = '/demo/builder.html';
  document.body.append(frame);
  await done;
  await waitUntil(() => frame.contentDocument!.getElementById('load-form'), 'no builder');
  return { frame, doc: frame.contentDocument! };
}

function loadAddress(doc: Document, address: string): void {
  const input = doc.getElementById('programme-url') as HTMLInputElement;
  input.value = address;
  (doc.getElementById('load-form') as HTMLFormElement).requestSubmit();
}

describe('the embed builder', function () {
  this.timeout(20000);
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('loads a programme, previews the panel chosen, and gives a script snippet that works when pasted into a blank page', async () => {
    const { frame, doc } = await builder();
    loadAddress(doc, `${location.origin}/programmes/demo.json`);
    await waitUntil(() => doc.getElementById('load-status')!.textContent!.startsWith('Loaded'), 'never loaded', { timeout: 8000 });
    expect(doc.getElementById('load-status')!.textContent).to.contain('12 panels, 18 sessions, times in Asia/Almaty');
    const panel = doc.getElementById('panel') as HTMLSelectElement;
    panel.value = 'P021';
    panel.dispatchEvent(new Event('change', { bubbles: true }));
    const accent = doc.getElementById('accent') as HTMLInputElement;
    accent.value = '#7a0019';
    accent.dispatchEvent(new Event('input', { bubbles: true }));
    const preview = () => doc.querySelector('#preview panel-card');
    await waitUntil(() => preview()?.shadowRoot?.textContent?.includes('Kazakhstan Between Great Powers'), 'no preview');
    expect(await axeViolations(frame)).to.deep.equal([]);

    const snippet = (doc.getElementById('snippet-script') as HTMLTextAreaElement).value;
    expect(snippet).to.contain('panel-id="P021"').and.contain('--programme-accent: #7a0019;').and.contain('/dist/programme-elements.min.js');
    // Pasted into a blank page.
    const blank = document.createElement('iframe');
    blank.title = 'A blank page';
    const ready = loaded(blank);
    blank.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body>${snippet}</body></html>`;
    document.body.append(blank);
    await ready;
    await waitUntil(
      () => blank.contentDocument!.querySelector('panel-card')?.shadowRoot?.textContent?.includes('Kazakhstan Between Great Powers'),
      'the pasted snippet shows nothing',
      {
        timeout: 8000,
      },
    );
    // The static HTML, pasted into a page that runs no script: the panel's text is all there.
    const staticHtml = (doc.getElementById('snippet-static') as HTMLTextAreaElement).value;
    expect(staticHtml).to.contain('id="P021"').and.contain('Kazakhstan Between Great Powers').and.not.contain('<script');
    const still = document.createElement('div');
    still.innerHTML = staticHtml;
    expect(still.textContent).to.contain('Is Kazakhstan a middle power?').and.contain('Gulnara Abenova');
    expect(!!still.querySelector('script, style, iframe, panel-card')).to.equal(false);
    expect((doc.getElementById('snippet-static-css') as HTMLTextAreaElement).value).to.contain('.pe-');
    // The iframe snippet, pasted into another blank page: the embed page shows the panel, sized to it.
    const iframeSnippet = (doc.getElementById('snippet-iframe') as HTMLTextAreaElement).value;
    expect(iframeSnippet)
      .to.contain('embed.html?element=panel-card')
      .and.contain('data-programme-embed')
      .and.contain('embed-host.js')
      .and.contain('accent=%237a0019');
    const host = document.createElement('iframe');
    host.title = 'A page with an embed';
    host.style.cssText = 'width: 50rem; height: 40rem';
    const hostReady = loaded(host);
    host.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted iframe</title></head><body>${iframeSnippet}</body></html>`;
    document.body.append(host);
    await hostReady;
    const embed = () => host.contentDocument!.querySelector('iframe');
    await waitUntil(
      () => embed()?.contentDocument?.querySelector('panel-card')?.shadowRoot?.textContent?.includes('Kazakhstan Between Great Powers'),
      'the pasted iframe shows nothing',
      {
        timeout: 10000,
      },
    );
    await waitUntil(() => embed()!.getBoundingClientRect().height > 600, 'the host script did not size the frame to the panel', { timeout: 8000 });
  });

  it('says what is wrong with a programme, by path: one that cannot be shown, and one shown without its broken items', async () => {
    const { frame, doc } = await builder();
    loadAddress(doc, `${location.origin}/not-json`);
    await waitUntil(() => doc.getElementById('load-status')!.textContent!.startsWith('This programme cannot be shown'), 'no word about the problem', {
      timeout: 8000,
    });
    expect((doc.getElementById('choices') as HTMLElement).hidden).to.equal(true);
    loadAddress(doc, `${location.origin}/programmes/invalid.json`);
    await waitUntil(() => doc.getElementById('load-status')!.textContent!.includes('have mistakes and are left out'), 'no word about the items left out', {
      timeout: 8000,
    });
    const problems = [...doc.querySelectorAll('#problems li')].map((li) => li.textContent ?? '');
    expect(problems.length).to.be.greaterThan(0);
    expect(problems[0]).to.match(/^panels\[2\]\.sessions\[0\]\.start: /);
    expect(await axeViolations(frame)).to.deep.equal([]);
  });

  it('refuses an address that is not http(s), and escapes what it writes into snippets', async () => {
    const { doc } = await builder();
    loadAddress(doc, 'javascript:alert(1)');
    await waitUntil(() => doc.getElementById('load-status')!.textContent!.startsWith('Type the address'), 'took a javascript: address');
    expect(doc.getElementById('programme-url')!.getAttribute('aria-invalid')).to.equal('true');
    const { scriptSnippet } = await import('../src/builder/snippets.js');
    const text = scriptSnippet({
      element: 'panel-card',
      src: 'https://x.example/p.json"><script>alert(1)</script>',
      attributes: { 'panel-id': '"><img src=x onerror=alert(1)>' },
      colours: { accent: 'red; background: url(evil)' },
      filesUrl: 'https://cdn.example/pe/',
    });
    expect(text).to.not.contain('<img').and.not.contain('"><script>').and.not.contain('url(evil)');
  });
});
