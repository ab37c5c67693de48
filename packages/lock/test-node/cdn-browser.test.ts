// The CDN folder in a real browser: a plain page with one module script tag, no bundler and no
// import map, served from a nested path as a CDN would, opens the dialog and loads a lazy
// language chunk by its relative path. The script-tag file beside the folder takes its locales
// from there too.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/chromium.mjs';
import { buildCdn, chunksOf } from './cdn-build.js';

/** Any path works: the folder's files import each other relatively. */
const DIST_PATH = '/npm/passwordless-lock@0.1.0/dist/';
const CDN_PATH = `${DIST_PATH}cdn/`;
const IIFE = 'passwordless-lock.iife.js';
const page = (script: string, language: string) => `<!doctype html>
<html lang="en">
  ${script}
  <passwordless-lock client-id="demo" domain="http://127.0.0.1:9" language="${language}"></passwordless-lock>
</html>`;
const PAGES: Record<string, string> = {
  '/': page(`<script type="module" src="${CDN_PATH}define.js"></script>`, 'fr'),
  '/en': page(`<script type="module" src="${CDN_PATH}define.js"></script>`, 'en-GB'),
  '/script-tag': page(`<script src="${DIST_PATH}${IIFE}"></script>`, 'de-AT'),
};

const executablePath = findChromium();
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  const files = new Map(Object.entries(PAGES));
  for (const chunk of await buildCdn()) files.set(CDN_PATH + chunk.fileName, chunk.code);
  const [scriptTag] = await chunksOf('script-tag');
  files.set(DIST_PATH + IIFE, scriptTag!.code);
  server = createServer((request, response) => {
    const body = files.get(request.url ?? '');
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = request.url! in PAGES ? 'text/html' : 'text/javascript';
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body);
  });
  // Port 0: the system picks a free one, so this never clashes with the dev servers.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (executablePath) browser = await chromium.launch({ executablePath, args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Opens `path`, shows the lock; the scripts it fetched, and what went wrong. */
async function open(path: string) {
  const tab = await browser.newPage();
  const errors: string[] = [];
  const missing: string[] = [];
  const scripts: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  tab.on('response', (response) => {
    if (response.status() !== 200) missing.push(response.url());
    if (response.url().endsWith('.js')) scripts.push(new URL(response.url()).pathname);
  });
  await tab.goto(origin + path);
  await tab.evaluate(async () => {
    await customElements.whenDefined('passwordless-lock');
    await document.querySelector('passwordless-lock')!.show();
  });
  return { tab, errors, missing, scripts };
}

describe('dist/cdn/ in Chromium', () => {
  it.skipIf(!executablePath)(
    'a page with only <script type="module" src=".../cdn/define.js"> opens the dialog',
    async () => {
      const { tab, errors, missing, scripts } = await open('/');
      const dialog = tab.getByRole('dialog', { name: 'Connexion' });
      await dialog.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await tab.getByRole('textbox').first().isVisible()).toBe(true);
      expect(missing).toEqual([]);
      expect(errors).toEqual([]);
      // The French texts came from their lazy chunk, fetched relative to the folder, after the
      // registry of locales.
      expect(scripts).toContainEqual(expect.stringMatching(/\/dist\/cdn\/chunks\/locales\.js$/));
      expect(scripts).toContainEqual(expect.stringMatching(/\/dist\/cdn\/chunks\/fr\.js$/));
      await tab.close();
    },
    30_000,
  );

  it.skipIf(!executablePath)(
    'an English page fetches neither the registry of locales nor any locale',
    async () => {
      const { tab, errors, scripts } = await open('/en');
      await tab.getByRole('dialog', { name: 'Log in' }).waitFor({ state: 'visible' });
      expect(errors).toEqual([]);
      expect(scripts).toEqual([`${CDN_PATH}define.js`, `${CDN_PATH}chunks/passwordless-lock.js`]);
      await tab.close();
    },
    30_000,
  );

  it.skipIf(!executablePath)(
    'the script-tag file beside the folder takes a locale from cdn/chunks/',
    async () => {
      const { tab, errors, missing, scripts } = await open('/script-tag');
      const dialog = tab.getByRole('dialog', { name: 'Anmelden' });
      await dialog.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await dialog.getAttribute('lang')).toBe('de');
      expect(missing).toEqual([]);
      expect(errors).toEqual([]);
      expect(scripts).toEqual([DIST_PATH + IIFE, `${CDN_PATH}chunks/de.js`]);
      await tab.close();
    },
    30_000,
  );
});
