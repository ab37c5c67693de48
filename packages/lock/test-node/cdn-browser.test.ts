// The CDN folder in a real browser: a plain page with one module script tag, no bundler and no
// import map, served from a nested path as a CDN would, opens the dialog and loads a lazy
// language chunk by its relative path.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/chromium.mjs';
import { buildCdn } from './cdn-build.js';

/** Any path works: the folder's files import each other relatively. */
const CDN_PATH = '/npm/passwordless-lock@0.1.0/dist/cdn/';
const PAGE = `<!doctype html>
<html lang="en">
  <script type="module" src="${CDN_PATH}define.js"></script>
  <passwordless-lock client-id="demo" domain="http://127.0.0.1:9" language="fr"></passwordless-lock>
</html>`;

const executablePath = findChromium();
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  const files = new Map([['/', PAGE]]);
  for (const chunk of await buildCdn()) files.set(CDN_PATH + chunk.fileName, chunk.code);
  server = createServer((request, response) => {
    const body = files.get(request.url ?? '');
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = request.url === '/' ? 'text/html' : 'text/javascript';
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

describe('dist/cdn/ in Chromium', () => {
  it.skipIf(!executablePath)(
    'a page with only <script type="module" src=".../cdn/define.js"> opens the dialog',
    async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      const missing: string[] = [];
      const scripts: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('response', (response) => {
        if (response.status() !== 200) missing.push(response.url());
        if (response.url().endsWith('.js')) scripts.push(new URL(response.url()).pathname);
      });
      await page.goto(origin);
      await page.evaluate(async () => {
        await customElements.whenDefined('passwordless-lock');
        document.querySelector('passwordless-lock')!.show();
      });
      const dialog = page.getByRole('dialog', { name: 'Connexion' });
      await dialog.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await page.getByRole('textbox').first().isVisible()).toBe(true);
      expect(missing).toEqual([]);
      expect(errors).toEqual([]);
      // The French texts came from their lazy chunk, fetched relative to the folder.
      expect(scripts).toContainEqual(expect.stringMatching(/\/dist\/cdn\/chunks\/fr\.js$/));
      await page.close();
    },
    30_000,
  );
});
