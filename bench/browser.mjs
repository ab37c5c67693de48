// Headless Chromium and the local pages the open-time and memory benches drive.
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium, noChromiumMessage } from '../scripts/chromium.mjs';
import { serveStatic } from './static-server.mjs';

/** The page of each subject under bench/pages. */
export const PAGES = { ours: 'ours.html', 'auth0-lock': 'auth0-lock.html' };

/**
 * What Auth0 Lock loads as JSONP on start (`Auth0.setClient`): a client with the Email
 * passwordless connection, the fields its lib/core/client reads.
 */
const AUTH0_CLIENT_SETTINGS = `Auth0.setClient(${JSON.stringify({
  id: 'bench',
  tenant: 'bench',
  subscription: 'free',
  authorize: 'https://bench.invalid/authorize',
  callback: 'http://127.0.0.1/',
  hasAllowedOrigins: true,
  strategies: [{ name: 'email', connections: [{ name: 'email' }] }],
})});`;

/**
 * What Auth0 Lock loads from its CDN on every start, English included
 * (`${languageBaseUrl}/js/lock/VERSION/en.js`): its own English dictionary, registered as JSONP.
 */
function auth0LanguageFile() {
  const require = createRequire(import.meta.url);
  const { version } = require('auth0-lock/package.json');
  const dictionary = require('auth0-lock/lib/i18n/en.js').default;
  return [
    `/auth0-cdn/js/lock/${version}/en.js`,
    `Auth0.registerLanguageDictionary('en', ${JSON.stringify(dictionary)});`,
  ];
}

/**
 * Serves the bundles and pages on loopback and launches the system Chromium. Every host but
 * 127.0.0.1 fails to resolve, so nothing can leave the machine; such requests are recorded.
 *
 * @param {Record<string, { code: string, chunks: { fileName: string, code: string }[] }>} bundles
 */
export async function startBrowserBench(bundles) {
  const files = new Map([
    ['/auth0-config/client/bench.js', AUTH0_CLIENT_SETTINGS],
    auth0LanguageFile(),
  ]);
  for (const [id, built] of Object.entries(bundles)) {
    files.set(`/build/${id}.js`, built.code);
    for (const chunk of built.chunks) files.set(`/build/${chunk.fileName}`, chunk.code);
  }
  const server = await serveStatic(files);
  const executablePath = findChromium();
  if (!executablePath) throw new Error(noChromiumMessage);
  const browser = await chromium.launch({
    executablePath,
    args: [...chromiumArgs, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const offline = [];
  const errors = [];
  return {
    browser,
    origin: server.origin,
    /** Requests that went anywhere but the local server (should stay empty). */
    offline,
    /** Uncaught page errors, by subject. */
    errors,
    /** A fresh context and page with the subject's page loaded and `window.bench` ready. */
    async openPage(subject) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.on('request', (request) => {
        if (!request.url().startsWith(server.origin)) offline.push(`${subject}: ${request.url()}`);
      });
      page.on('pageerror', (error) => errors.push(`${subject}: ${error.message}`));
      await page.goto(`${server.origin}/${PAGES[subject]}`, { waitUntil: 'load' });
      await page.waitForFunction(() => globalThis.benchReady === true, null, { timeout: 15000 });
      return { page, context };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
