/**
 * Does the iframe embed work, and is it safe? embed/embed.html (served by test/server/embed.mjs,
 * with the BUILT self-contained file and the page script from src/embed/) shows the one element
 * its query names, with documented attributes and safe values only, or a message; it posts its
 * height, and nothing else, to its parent; and the host script (src/embed/embed-host.ts, loaded
 * on this test page) resizes the iframe it came from, believing no other window and no other origin.
 * The frames are on this page's origin, so the test can read them; "another origin" is the same
 * test server under its other name (127.0.0.1 beside localhost).
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/embed/embed-host.js';
import { EMBED_ELEMENTS, MAX_VALUE_LENGTH, readEmbedParams } from '../src/embed/attributes.js';
import { HEIGHT_MESSAGE, mountEmbed } from '../src/embed/mount.js';
import { programmeUrl } from './helpers.js';

type FrameWindow = Window & typeof globalThis & { __pwned?: unknown; axe?: { run(context: Document, options: object): Promise<AxeResults> } };
interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}
type Pwnable = Window & { __pwned?: unknown };

const OTHER_HOST = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const otherOrigin = `${location.protocol}//${OTHER_HOST}:${location.port}`;
const seed = () => programmeUrl('demo');
const PWN = 'window.__pwned = 1; parent.__pwned = 1';

/** Every message this page receives, as the host script sees it. */
const messages: { source: MessageEventSource | null; origin: string; data: unknown }[] = [];
addEventListener('message', (event) => messages.push({ source: event.source, origin: event.origin, data: event.data }));
const messageFrom = (source: Window | null, origin: string, what: string) =>
  waitUntil(() => messages.some((m) => m.source === source && m.origin === origin), `no message from ${what}`, { timeout: 10000 });

const embedSrc = (params: Record<string, string>, origin = '') => `${origin}/embed/embed.html?${new URLSearchParams(params)}`;

const frames: HTMLIFrameElement[] = [];
/** An iframe of `src`, `width` px wide, at the top of the page; marked as an embed unless `mark` is false. */
async function openFrame(src: string, { mark = true, width = 600 } = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'Conference programme';
  if (mark) frame.setAttribute('data-programme-embed', '');
  frame.style.cssText = `display: block; width: ${width}px; border: 0;`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.prepend(frame);
  frames.push(frame);
  await loaded;
  return frame;
}

const win = (frame: HTMLIFrameElement) => frame.contentWindow as FrameWindow;
const doc = (frame: HTMLIFrameElement) => frame.contentDocument!;
/** The element the embed page built, or its message. */
const shownIn = (frame: HTMLIFrameElement) => doc(frame).querySelector('main')!.firstElementChild;

/** Waits until the element is defined and shows more than its loading line (a message is rendered too). */
async function rendered(frame: HTMLIFrameElement, el: Element) {
  await waitUntil(() => win(frame).customElements.get(el.localName), `<${el.localName}> was never defined`, { timeout: 15000 });
  await waitUntil(() => el.shadowRoot && el.shadowRoot.childElementCount > 0 && !el.shadowRoot.querySelector('[part="status"]'), 'never rendered', {
    timeout: 15000,
  }).catch((e) => {
    throw new Error(`<${el.localName}> ${e.message}: ${el.shadowRoot?.innerHTML.slice(0, 1500)}`);
  });
}

/** An embed page that has built its element (or message), with the element defined and rendered. */
async function openEmbed(params: Record<string, string>, options?: { mark?: boolean; width?: number }) {
  const frame = await openFrame(embedSrc(params), options);
  await waitUntil(() => shownIn(frame) && shownIn(frame)!.localName !== 'noscript', 'the embed page built nothing', { timeout: 10000 });
  const el = shownIn(frame)!;
  if (el.localName.includes('-')) await rendered(frame, el);
  return { frame, el };
}

/** All the text in a node, through shadow roots (nodes of another window: no instanceof). */
function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).shadowRoot) walk((n as Element).shadowRoot!);
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if ((n as Element).localName === 'style') return;
    n.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Every element in a node and in the shadow roots under it. */
function deepElements(node: ParentNode): Element[] {
  const found: Element[] = [];
  for (const el of node.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...deepElements(el.shadowRoot));
  }
  return found;
}

const attributesOf = (el: Element) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The iframe's height as set by the host script (0 when unset). */
const frameHeight = (frame: HTMLIFrameElement) => parseFloat(frame.style.height) || 0;
/** The height the embed's content needs. */
const contentHeight = (frame: HTMLIFrameElement) => doc(frame).documentElement.scrollHeight;
const fits = (frame: HTMLIFrameElement) => frameHeight(frame) > 0 && Math.abs(frameHeight(frame) - contentHeight(frame)) <= 2;

afterEach(() => {
  frames.splice(0).forEach((f) => f.remove());
  expect((window as Pwnable).__pwned, 'something ran on the test page').to.equal(undefined);
});

describe('embed: the allow-list (src/embed/attributes.ts)', () => {
  it('holds exactly the attributes the custom-elements manifest documents for each element', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const documented = new Map<string, string[]>();
    for (const mod of manifest.modules)
      for (const d of mod.declarations ?? [])
        if (d.tagName)
          documented.set(
            d.tagName,
            (d.attributes ?? []).map((a: { name: string }) => a.name),
          );
    for (const [tag, { attributes, required }] of Object.entries(EMBED_ELEMENTS)) {
      expect(Object.keys(attributes).sort(), tag).to.deep.equal([...documented.get(tag)!].sort());
      for (const name of required) expect(attributes, `${tag} requires ${name}`).to.have.property(name);
    }
  });

  const plan = (query: Record<string, string> | string) => readEmbedParams(new URLSearchParams(query));
  const attrs = (query: Record<string, string> | string) => Object.fromEntries(plan(query).attributes);

  it('takes http(s) and relative addresses for src, schedule, login-url and panel-href, and nothing else', () => {
    for (const good of [
      'https://conference.example.org/programme.json',
      'http://localhost:8000/p.json',
      '/programmes/demo.json',
      'programme.json',
      '//cdn.example/p.json',
    ]) {
      expect(attrs({ element: 'session-list', src: good }).src, good).to.equal(good);
    }
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:application/json,{}',
      'data:text/html,<script>alert(1)</script>',
      'blob:https://example.org/0b3c',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'mailto:a@example.org',
      'ftp://example.org/p.json',
      'http://[bad',
    ]) {
      const p = plan({ element: 'session-list', src: '/ok.json', schedule: bad, 'login-url': bad, 'panel-href': bad });
      expect(p.attributes, JSON.stringify(bad)).to.deep.equal([
        ['src', '/ok.json'],
        ['schedule', 'local'],
      ]);
      expect(p.ignored.map((i) => i.name)).to.deep.equal(['schedule', 'login-url', 'panel-href']);
      const without = plan({ element: 'session-list', src: bad });
      expect(without.element, 'src is required').to.equal(undefined);
      expect(without.attributes).to.deep.equal([]);
      expect(without.problem).to.match(/^Nothing to show: <session-list> needs src \(given, but not an (http\(s\) or relative )?address\)/);
    }
    // Placeholders stay as they are, for the element to fill in; a scheme cannot hide in one.
    expect(attrs({ element: 'session-list', src: '/p.json', 'panel-href': '/programme/{id}' })['panel-href']).to.equal('/programme/{id}');
    expect(attrs({ element: 'session-list', src: '/p.json', 'panel-href': '{id}:alert(1)' })).to.not.have.property('panel-href');
    expect(
      attrs({ element: 'panel-card', src: '/p.json', 'panel-id': 'P1', 'login-url': 'https://members.example.org/login?return={return}' })['login-url'],
    ).to.equal('https://members.example.org/login?return={return}');
  });

  it('takes the theme colours as plain CSS colours, and nothing that could carry more', () => {
    const p = readEmbedParams(
      new URLSearchParams({
        element: 'panel-card',
        src: '/p.json',
        'panel-id': 'P1',
        accent: '#7a0019',
        surface: 'rgb(250 250 248)',
        star: 'red;background:url(x)',
      }),
    );
    expect(p.colours).to.deep.equal([
      ['--programme-accent', '#7a0019'],
      ['--programme-surface', 'rgb(250 250 248)'],
    ]);
    expect(p.ignored.map((i) => i.name)).to.deep.equal(['star']);
    expect(p.attributes.map(([name]) => name)).to.not.include('accent');
  });

  it('paints the element in the colours given', async () => {
    const { el } = await openEmbed({ element: 'panel-card', src: seed(), 'panel-id': 'P021', accent: '#7a0019' });
    expect((el as HTMLElement).style.getPropertyValue('--programme-accent')).to.equal('#7a0019');
    expect(getComputedStyle(el).getPropertyValue('--programme-accent').trim()).to.equal('#7a0019');
  });

  it('keeps the stars in this browser unless a schedule is given', () => {
    expect(attrs({ element: 'star-toggle', src: '/p.json', 'item-id': 'P1' }).schedule).to.equal('local');
    expect(attrs({ element: 'star-toggle', src: '/p.json', 'item-id': 'P1', schedule: 'https://members.example.org/api/schedule' }).schedule).to.equal(
      'https://members.example.org/api/schedule',
    );
    expect(attrs({ element: 'abstract-view', src: '/p.json', 'paper-id': 'P1-1-a' })).to.not.have.property('schedule');
  });

  it('checks values: levels, flags, words, days, moments, languages, lengths', () => {
    const card = { element: 'panel-card', src: '/p.json', 'panel-id': 'P1' };
    expect(attrs({ ...card, 'heading-level': '3' })['heading-level']).to.equal('3');
    for (const bad of ['99999', '0', '5', '-1', '2.5', '1e1', ' ']) expect(attrs({ ...card, 'heading-level': bad }), bad).to.not.have.property('heading-level');
    const list = { element: 'session-list', src: '/p.json' };
    expect(attrs({ ...list, 'heading-level': '5' })['heading-level']).to.equal('5');
    expect(attrs({ ...list, 'starred-only': '' })['starred-only']).to.equal('');
    expect(attrs({ ...list, 'starred-only': 'true' })['starred-only']).to.equal('');
    expect(attrs({ ...list, 'starred-only': 'false' })).to.not.have.property('starred-only');
    expect(attrs({ ...list, 'starred-only': 'yes please' })).to.not.have.property('starred-only');
    expect(attrs({ ...list, view: 'grid', 'deep-link': 'none', format: 'frab', day: '2024-06-09', now: '2024-06-09T10:00:00+05:00' })).to.include({
      view: 'grid',
      'deep-link': 'none',
      format: 'frab',
      day: '2024-06-09',
      now: '2024-06-09T10:00:00+05:00',
    });
    expect(attrs({ ...list, view: 'table', 'deep-link': 'yes', format: 'Roundtable', day: 'Sunday', now: 'soon' })).to.deep.equal({
      src: '/p.json',
      schedule: 'local',
    });
    expect(plan({ ...list, lang: 'de-AT' }).lang).to.equal('de-AT');
    expect(plan({ ...list, lang: '<script>' }).lang).to.equal(undefined);
    expect(attrs({ ...card, 'time-zone': 'x'.repeat(MAX_VALUE_LENGTH) })['time-zone']).to.have.length(MAX_VALUE_LENGTH);
    expect(attrs({ ...card, 'time-zone': 'x'.repeat(MAX_VALUE_LENGTH + 1) })).to.not.have.property('time-zone');
  });

  it('sets no attribute that is not on the list, whatever its name, and lists each left out once', () => {
    const query = new URLSearchParams({ element: 'panel-card', src: '/p.json', 'panel-id': 'P1' });
    for (const name of [
      'onload',
      'ONLOAD',
      'onerror',
      'style',
      'class',
      'id',
      'slot',
      'is',
      'srcdoc',
      'constructor',
      '__proto__',
      'toString',
      'item-id',
      'view',
      'x'.repeat(500),
    ]) {
      query.append(name, PWN);
    }
    query.append('panel-id', 'P2');
    query.append('onload', PWN);
    const p = readEmbedParams(query);
    expect(p.attributes).to.deep.equal([
      ['src', '/p.json'],
      ['panel-id', 'P1'],
      ['schedule', 'local'],
    ]);
    const names = p.ignored.map((i) => i.name);
    expect(names).to.deep.equal([...new Set(names)], 'each once');
    expect(names).to.include.members(['onload', 'onerror', 'style', '__proto__', 'constructor', 'panel-id', 'view', `${'x'.repeat(40)}…`]);
  });

  it('explains an unknown element, a missing one and a missing required attribute', () => {
    expect(plan({ element: 'script', src: '/p.json' }).problem).to.equal(
      '“script” is not something this embed can show: element= must be one of panel-card, session-list, abstract-view, star-toggle.',
    );
    expect(plan({ src: '/p.json' }).problem).to.match(/^This embed does not say what to show/);
    for (const element of ['programme-source', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(plan({ element, src: '/p.json' }).problem, element).to.match(/is not something this embed can show/);
    }
    expect(plan({ element: 'panel-card', src: '/p.json' }).problem).to.equal('Nothing to show: <panel-card> needs panel-id in the embed’s address.');
    expect(plan({ element: 'abstract-view' }).problem).to.equal('Nothing to show: <abstract-view> needs paper-id and src in the embed’s address.');
  });
});

describe('embed: the page (embed/embed.html)', function () {
  this.timeout(60000);

  it('renders a panel card from its query, in the language asked for, under a strict policy', async () => {
    const src = seed();
    const { frame, el } = await openEmbed({ element: 'panel-card', src, 'panel-id': 'P021', lang: 'de', 'time-zone': 'Europe/Berlin', 'heading-level': '3' });
    expect(el.localName).to.equal('panel-card');
    expect(attributesOf(el)).to.deep.equal({ 'panel-id': 'P021', src, 'time-zone': 'Europe/Berlin', 'heading-level': '3', schedule: 'local' });
    expect(doc(frame).documentElement.lang).to.equal('de');
    const text = deepText(el);
    expect(text).to.contain('Kazakhstan Between Great Powers');
    expect(text).to.contain('Is Kazakhstan a middle power?');
    expect(text).to.contain('Sitzungen', 'the German words were loaded before the card rendered');
    expect(el.shadowRoot!.querySelector('[part=title]')!.getAttribute('aria-level')).to.equal('3');
    const policy = doc(frame).querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(policy).to.contain("script-src 'self'");
    expect(policy).to.not.contain('unsafe');
    expect(doc(frame).querySelectorAll('script:not([src])')).to.have.length(0, 'no inline script');
  });

  it('renders the other three elements', async () => {
    const src = seed();
    const list = await openEmbed({ element: 'session-list', src, 'panel-ids': 'P021', controls: 'none', 'deep-link': 'none' });
    expect(deepText(list.el)).to.contain('Kazakhstan Between Great Powers');
    const abstract = await openEmbed({ element: 'abstract-view', src, 'paper-id': 'P021-1-a', expanded: 'true' });
    expect(abstract.el.hasAttribute('expanded')).to.equal(true);
    expect(deepText(abstract.el)).to.contain('This paper examines whether Kazakhstan is a mid-power');
    const star = await openEmbed({ element: 'star-toggle', src, 'item-id': 'P021-1-a' });
    const label = () => star.el.shadowRoot!.querySelector('button[aria-pressed]')?.getAttribute('aria-label') ?? '';
    await waitUntil(() => label().includes('Is Kazakhstan a middle power?'), `the star does not name its paper: ${label()}`);
  });

  it('posts its height, so the host script fits the frame to it, growing and shrinking, and posts nothing else', async () => {
    const { frame, el } = await openEmbed({ element: 'panel-card', src: seed(), 'panel-id': 'P021' });
    await waitUntil(() => fits(frame) && frameHeight(frame) > 400, `the frame (${frame.style.height}) never fitted its content`, { timeout: 10000 });
    expect(doc(frame).documentElement.scrollHeight).to.be.at.most(frame.clientHeight + 1, 'nothing to scroll inside the frame');
    const before = frameHeight(frame);

    // The reader opens an abstract: the frame follows.
    const abstract = el.shadowRoot!.querySelector('abstract-view')!;
    (abstract.shadowRoot!.querySelector('[part~=toggle]') as HTMLButtonElement).click();
    await waitUntil(() => fits(frame) && frameHeight(frame) > before + 20, `the frame did not follow the open abstract (${before} → ${frameHeight(frame)})`);
    const opened = frameHeight(frame);
    (abstract.shadowRoot!.querySelector('[part~=toggle]') as HTMLButtonElement).click();
    await waitUntil(() => fits(frame) && frameHeight(frame) < opened, 'the frame did not shrink back');
    expect(Math.abs(frameHeight(frame) - before)).to.be.at.most(2);

    // A narrower frame is taller.
    const wide = frameHeight(frame);
    frame.style.width = '320px';
    await waitUntil(() => fits(frame) && frameHeight(frame) > wide, 'the frame did not follow its new width');

    const sent = messages.filter((m) => m.source === frame.contentWindow);
    expect(sent.length).to.be.greaterThan(2);
    for (const m of sent) {
      expect(Object.keys(m.data as object).sort()).to.deep.equal(['height', 'type']);
      expect((m.data as { type: string }).type).to.equal(HEIGHT_MESSAGE);
      expect(m.origin).to.equal(location.origin);
    }
    const heights = sent.map((m) => (m.data as { height: number }).height);
    expect(
      heights.every((h, i) => i === 0 || h !== heights[i - 1]),
      'only changes are posted',
    ).to.equal(true);
  });

  it('believes no other window, no other origin and no bad height', async () => {
    const { frame } = await openEmbed({ element: 'abstract-view', src: seed(), 'paper-id': 'P021-1-a' });
    await waitUntil(() => fits(frame), 'the frame never fitted its content');
    const fitted = frame.style.height;

    // This page itself.
    window.postMessage({ type: HEIGHT_MESSAGE, height: 5 }, '*');
    await messageFrom(window, location.origin, 'this page');
    // A frame of another origin that is no embed, and one that is an embed: each may only speak for itself.
    const stranger = await openFrame(`${otherOrigin}/embed/poster.html?h=7`, { mark: false });
    await messageFrom(stranger.contentWindow, otherOrigin, 'the other origin');
    const other = await openFrame(`${otherOrigin}/embed/poster.html?h=222`);
    await messageFrom(other.contentWindow, otherOrigin, 'the embed of the other origin');
    await sleep(50);
    expect(frame.style.height).to.equal(fitted);
    expect(stranger.style.height).to.equal('', 'not an embed frame');
    expect(other.style.height).to.equal('222px', 'an embed of another origin, speaking for itself');

    // An embed frame that has been sent elsewhere: the right window, the wrong origin.
    const moved = await openFrame('/embed/poster.html?h=111');
    await waitUntil(() => moved.style.height === '111px', 'the same-origin poster was not believed');
    const arrived = new Promise((resolve) => moved.addEventListener('load', resolve, { once: true }));
    moved.contentWindow!.location.href = `${otherOrigin}/embed/poster.html?h=9`;
    await arrived;
    await messageFrom(moved.contentWindow, otherOrigin, 'the moved frame');
    await sleep(50);
    expect(moved.style.height).to.equal('111px', 'the origin is not that of the frame’s src');

    // Heights that are not numbers from 0 to 100,000, and other messages.
    for (const query of ['h=NaN', 'h=Infinity', 'h=-1', 'h=100001', 'h=%22100%22', 'h=null', 'h=%7B%7D', 'h=50&type=other']) {
      const bad = await openFrame(`/embed/poster.html?${query}`);
      await messageFrom(bad.contentWindow, location.origin, query);
      await sleep(20);
      expect(bad.style.height, query).to.equal('');
    }
    const zero = await openFrame('/embed/poster.html?h=0');
    await messageFrom(zero.contentWindow, location.origin, 'h=0');
    expect(zero.style.height).to.equal('0px');
  });

  it('opens the sign-in page of an HTTP schedule in a new top-level window, not in the frame', async () => {
    const ns = `embed-${Date.now()}`;
    await fetch(`/schedule-api/${ns}/__control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ signedIn: false }),
    });
    const { frame, el } = await openEmbed({
      element: 'star-toggle',
      src: seed(),
      'item-id': 'P021-1-a',
      schedule: `/schedule-api/${ns}`,
      'login-url': '/login?return={return}',
    });
    const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>('button.signed-out');
    await waitUntil(() => button() && deepText(el).includes('Sign in'), 'the star never asked to sign in', { timeout: 10000 });
    const opened: unknown[][] = [];
    const fakeWindow = { opener: win(frame) as unknown };
    win(frame).open = ((...args: unknown[]) => (opened.push(args), fakeWindow)) as typeof window.open;
    button()!.click();
    await waitUntil(() => opened.length === 1, 'no window was opened');
    expect(opened[0][1]).to.equal('_blank');
    const login = new URL(String(opened[0][0]), location.href);
    expect(login.pathname).to.equal('/login');
    const back = new URL(login.searchParams.get('return')!);
    expect([back.origin, back.pathname, back.hash]).to.deep.equal([location.origin, '/embed/embed.html', '#P021-1-a']);
    expect(fakeWindow.opener).to.equal(null, 'the sign-in page cannot reach the frame');
    await sleep(200);
    expect(win(frame).location.pathname).to.equal('/embed/embed.html', 'the frame stayed');
  });

  it('adds the borders and padding of a border-box frame', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'Boxed';
    frame.setAttribute('data-programme-embed', '');
    frame.style.cssText = 'box-sizing: border-box; border: 3px solid; padding: 5px;';
    frame.src = '/embed/poster.html?h=100';
    document.body.prepend(frame);
    frames.push(frame);
    await waitUntil(() => frame.style.height, 'never resized');
    expect(frame.style.height).to.equal('116px');
    expect(frame.clientHeight - 10).to.equal(100);
  });
});

describe('embed: hostile addresses', function () {
  this.timeout(60000);

  const noImages = (frame: HTMLIFrameElement) =>
    expect(deepElements(doc(frame)).filter((e) => ['img', 'script', 'iframe'].includes(e.localName) && !e.closest('head'))).to.have.length(0);

  it('shows a message instead of an element for a javascript: src, and runs nothing', async () => {
    const { frame, el } = await openEmbed({
      element: 'panel-card',
      src: 'javascript:window.__pwned=1;parent.__pwned=1',
      'panel-id': `<img src=x onerror="${PWN}">`,
      onload: PWN,
      'heading-level': '99999',
    });
    expect(el.localName).to.equal('p');
    expect(el.getAttribute('role')).to.equal('alert');
    expect(el.textContent).to.equal('Nothing to show: <panel-card> needs src (given, but not an http(s) or relative address) in the embed’s address.');
    await sleep(200);
    noImages(frame);
    expect(win(frame).__pwned).to.equal(undefined);
    expect(doc(frame).body.hasAttribute('onload')).to.equal(false);
  });

  it('sets a hostile panel-id as text, and none of the attributes not on the list', async () => {
    const panelId = `<img src=x onerror="${PWN}">`;
    const src = seed();
    const { frame, el } = await openEmbed({
      element: 'panel-card',
      src,
      'panel-id': panelId,
      onload: PWN,
      onerror: PWN,
      style: 'background: url(javascript:alert(1))',
      'heading-level': '99999',
      schedule: 'javascript:alert(1)',
    });
    expect(attributesOf(el)).to.deep.equal({ 'panel-id': panelId, src, schedule: 'local' });
    expect(deepText(el)).to.contain(`${panelId} is not in this programme.`);
    await sleep(200);
    noImages(frame);
    expect(win(frame).__pwned).to.equal(undefined);
  });

  for (const element of ['script', `<img src=x onerror="${PWN}">`, 'iframe', 'programme-source', '']) {
    it(`shows a message for element=${JSON.stringify(element)}`, async () => {
      const { frame, el } = await openEmbed({ element, src: seed(), srcdoc: `<script>${PWN}</script>`, 'panel-id': 'P021' });
      expect(el.localName).to.equal('p');
      expect(el.getAttribute('role')).to.equal('alert');
      expect(el.textContent).to.match(
        element ? /is not something this embed can show: element= must be one of panel-card, session-list/ : /does not say what to show/,
      );
      await sleep(100);
      noImages(frame);
      expect(win(frame).__pwned).to.equal(undefined);
    });
  }

  it('leaves out a 1 MB parameter, value or name, and says so once, without echoing it', async () => {
    const { frame } = await openEmbed({});
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    const huge = 'A'.repeat(1 << 20);
    try {
      const src = seed();
      const query = new URLSearchParams({ element: 'panel-card', src, 'panel-id': huge });
      expect(await mountEmbed(`?${query}`, doc(frame))).to.equal(null);
      expect(shownIn(frame)!.getAttribute('role')).to.equal('alert');
      expect(shownIn(frame)!.textContent).to.equal(
        `Nothing to show: <panel-card> needs panel-id (given, but longer than ${MAX_VALUE_LENGTH} characters) in the embed’s address.`,
      );
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.have.length.below(300);

      const named = new URLSearchParams({ element: 'panel-card', src, 'panel-id': 'P021', 'heading-level': '99999' });
      named.append(huge, PWN);
      const card = (await mountEmbed(`?${named}`, doc(frame)))!;
      expect(card.localName).to.equal('panel-card');
      expect(attributesOf(card)).to.deep.equal({ 'panel-id': 'P021', src, schedule: 'local' });
      expect(warnings).to.have.length(2);
      expect(String(warnings[1][0])).to.contain('heading-level (not a whole number from 1 to 4)');
      expect(String(warnings[1][0])).to.have.length.below(300);
    } finally {
      console.warn = warn;
    }
    await sleep(100);
    expect(win(frame).__pwned).to.equal(undefined);
  });
});

describe('embed: accessibility', function () {
  this.timeout(60000);

  /**
   * axe on the whole frame document (served as /embed/axe.html: the same page with axe-core loaded
   * first). The card's title is a level-2 heading, as the host asked (heading-level): in a frame,
   * its headings join the host page's outline, so there is no level-one heading of the page's own.
   */
  async function axe(params: Record<string, string>) {
    const frame = await openFrame(`/embed/axe.html?${new URLSearchParams(params)}`);
    await waitUntil(() => shownIn(frame) && shownIn(frame)!.localName !== 'noscript', 'the embed page built nothing', { timeout: 10000 });
    const el = shownIn(frame)!;
    if (el.localName.includes('-')) await rendered(frame, el);
    const results = await win(frame).axe!.run(doc(frame), { rules: { 'page-has-heading-one': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`)).to.deep.equal([]);
  }

  it('passes axe with a panel card', () => axe({ element: 'panel-card', src: seed(), 'panel-id': 'P021' }));
  it('passes axe with a session list', () => axe({ element: 'session-list', src: seed(), 'deep-link': 'none' }));
  it('passes axe with the message', () => axe({ element: 'script' }));
});
