import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/**
 * A signed-out reader presses a star far down a page: they go to the server's sign-in form, sign in,
 * and come back to the same page, at the same star, pressed, with focus on it; the server holds
 * the item. All for real: a page on the test origin, the reference server's own form, the keyboard.
 */

const HEADER = { 'X-Requested-With': 'programme-elements' };
let config: { url: string };

const loaded = (frame: HTMLIFrameElement) => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));

async function serverItems(): Promise<string[]> {
  const response = await fetch(`${config.url}/api/schedule/items`, { credentials: 'include', headers: HEADER });
  return response.status === 200 ? (await response.json()).items : [];
}

describe('signing in from a star', function () {
  this.timeout(30000);

  before(async () => {
    config = await (await fetch('/reference/config')).json();
    await fetch(`${config.url}/logout`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new URLSearchParams({ return: '/' }) });
  });

  after(async () => {
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    await fetch(`${config.url}/api/schedule/items/RETURN1`, { method: 'DELETE', credentials: 'include', headers: HEADER });
    await fetch(`${config.url}/logout`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new URLSearchParams({ return: '/' }) });
  });

  it('returns to the star that was pressed, applies the press, and puts focus on it', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'A host page';
    frame.style.cssText = 'width: 40rem; height: 30rem';
    const first = loaded(frame);
    frame.src = '/reference/star-page?item=RETURN1';
    document.body.append(frame);
    await first;
    const star = () => frame.contentDocument?.querySelector('star-toggle') as HTMLElement | null;
    const button = () => star()?.shadowRoot?.querySelector('button') ?? null;
    await waitUntil(() => button()?.classList.contains('signed-out'), 'the star never showed signed out', { timeout: 8000 });

    // Press it: the frame goes to the server's sign-in form.
    const toForm = loaded(frame);
    button()!.click();
    await toForm;
    frame.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'member' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'member' });
    const back = loaded(frame);
    await sendKeys({ press: 'Enter' });
    await back;

    // Back on the page, at the star.
    await waitUntil(() => frame.contentWindow!.location.pathname === '/reference/star-page', 'not back on the page');
    expect(frame.contentWindow!.location.hash).to.equal('#RETURN1');
    await waitUntil(() => button()?.getAttribute('aria-pressed') === 'true', 'the press was forgotten', { timeout: 8000 });
    await waitUntil(async () => (await serverItems()).includes('RETURN1'), 'the server does not hold it', { timeout: 8000 });
    await waitUntil(() => star()!.shadowRoot!.activeElement === button(), 'focus is not on the star');
    const rect = star()!.getBoundingClientRect();
    expect(rect.top >= 0 && rect.bottom <= frame.contentWindow!.innerHeight, `the star is out of view (top ${rect.top})`).to.equal(true);
  });
});
