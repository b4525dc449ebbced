#!/usr/bin/env node
/**
 * Looks at a page as a person would: loads it in headless Chromium, waits for the elements to
 * render, reports page errors and console errors, and saves a full-page screenshot.
 *
 *   node scripts/screenshot.mjs [URL] [OUT.png] [--width=1200] [--wait=SELECTOR] [--login=USER:PASSWORD]
 *     [--press=SELECTOR]   (a star inside a shadow root, e.g. panel-card: the first star-toggle in it)
 *     [--scroll=0.5]       scrolls to that fraction of the page's height first, as a reader would,
 *                          and saves what is then in view (not the full page)
 *     [--dark]             with the reader's system set to a dark colour scheme
 *
 * --login signs in through the reference server's form at /login first, as a person would.
 */
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const args = process.argv.slice(2);
const flags = Object.fromEntries(args.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')));
const [url = 'http://127.0.0.1:8080/', out = '/tmp/demo.png'] = args.filter((a) => !a.startsWith('--'));

const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
});
const problems = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(flags.width ?? 1200), height: 900 });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  if (flags.login) {
    const [user, password] = flags.login.split(':');
    await page.goto(new URL('/login', url).href, { waitUntil: 'networkidle0' });
    await page.type('input[name=username]', user);
    await page.type('input[name=password]', password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
  }
  if ('dark' in flags) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await page.goto(url, { waitUntil: 'networkidle0' });
  if (flags.wait) await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.textContent?.trim(), { timeout: 10000 }, flags.wait);
  if (flags.press) {
    await page.evaluate((sel) => {
      const host = document.querySelector(sel);
      host?.shadowRoot?.querySelector('star-toggle')?.shadowRoot?.querySelector('button')?.click();
    }, flags.press);
  }
  if (flags.scroll) {
    // Step down like a reader (the list draws what comes near), then settle at the fraction asked.
    const target = await page.evaluate((f) => Math.round(document.scrollingElement.scrollHeight * Number(f)), flags.scroll);
    for (let y = 0; y < target; y += 800) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      await new Promise((r) => setTimeout(r, 30));
    }
    await page.evaluate((to) => window.scrollTo(0, to), target);
  }
  await new Promise((r) => setTimeout(r, Number(flags.settle ?? 300)));
  await page.screenshot({ path: out, fullPage: !flags.scroll && flags.full !== 'false' });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
for (const p of problems) console.log(p);
process.exitCode = problems.filter((p) => !p.includes('programme-elements:') && !p.includes('404')).length ? 1 : 0;
