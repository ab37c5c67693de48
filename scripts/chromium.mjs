// Finds the Chromium that tests drive. Nothing here downloads a browser.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The executable to launch, or null when this machine has none. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', playwrightsOwnChromium()];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

/** Flags for headless runs here: as root Chromium needs --no-sandbox; the network is closed. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const noChromiumMessage =
  'No Chromium found: set CHROME_PATH, or install one (Debian: apt-get install -y chromium; elsewhere: pnpm exec playwright install chromium).';

function playwrightsOwnChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
