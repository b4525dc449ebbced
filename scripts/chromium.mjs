/**
 * Debian's Chromium, as every script and the test runner here launch it. As root it needs
 * --no-sandbox; the other flags keep it from dialling out on a closed network.
 */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
