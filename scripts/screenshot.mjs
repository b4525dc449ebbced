#!/usr/bin/env node
/**
 * Looks at a page as a person would: loads it in headless Chromium, waits for the elements to
 * render, reports page errors and console errors, and saves a full-page screenshot.
 *
 *   node scripts/screenshot.mjs [URL] [OUT.png] [--width=1200] [--wait=SELECTOR]
 */
import puppeteer from 'puppeteer-core';

const args = process.argv.slice(2);
const flags = Object.fromEntries(args.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')));
const [url = 'http://127.0.0.1:8080/', out = '/tmp/demo.png'] = args.filter((a) => !a.startsWith('--'));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const problems = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(flags.width ?? 1200), height: 900 });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(url, { waitUntil: 'networkidle0' });
  if (flags.wait) await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.textContent?.trim(), { timeout: 10000 }, flags.wait);
  await new Promise((r) => setTimeout(r, Number(flags.settle ?? 300)));
  await page.screenshot({ path: out, fullPage: flags.full !== 'false' });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
for (const p of problems) console.log(p);
process.exitCode = problems.filter((p) => !p.includes('programme-elements:') && !p.includes('404')).length ? 1 : 0;
