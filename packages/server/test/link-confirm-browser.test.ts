import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium, noChromiumMessage } from '../../../scripts/chromium.mjs';
import { startTestServer, type TestServer } from './helpers.js';

// The confirm page in a real browser: its CSP, its form post and redirect, and axe's verdict.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
const VERIFIER = 'YnJvd3Nlci1saW5rLWNvbmZpcm0tdGVzdC12ZXJpZmllci1sb25nLWVub3VnaC0xMjM0';

let browser: Browser;
let appServer: http.Server;
let callback: string;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(noChromiumMessage);
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
  // The app's callback: a page that only shows where it was reached.
  appServer = http.createServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><title>App</title>');
  });
  await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
  callback = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/callback`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => appServer?.close(resolve));
});

/** A listening server whose client `app` calls back to `callback`; its base URL. */
async function startServer(
  confirm: 'click' | 'auto',
): Promise<{ server: TestServer; base: string }> {
  const server = await startTestServer({
    clients: [{ client_id: 'app', name: 'Browser App', callbacks: [callback] }],
    connections: { email: { link: { confirm } } },
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}` };
}

/** Asks for a link for `email` in `language`; the link, reached at `base` (not the issuer). */
async function mailedLink(server: TestServer, base: string, email: string, language = 'en') {
  const authParams = {
    redirect_uri: callback,
    state: 'browser-state',
    code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
    code_challenge_method: 'S256',
  };
  const start = await server.start(
    email,
    { client_id: 'app', send: 'link', authParams },
    { 'x-request-language': language },
  );
  expect(start.statusCode).toBe(200);
  await server.mailSettled();
  const inbox = await server.inject({ url: `/dev/inbox.json?to=${encodeURIComponent(email)}` });
  const link = new URL(
    /(https?:\/\/\S+verify_redirect\S+)/.exec(inbox.json().messages[0].text)![1]!,
  );
  return `${base}${link.pathname}${link.search}`;
}

async function newPage(options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  return { page, cspErrors, close: () => context.close() };
}

describe('the confirm page in Chromium', () => {
  it('passes axe in English, German and Hebrew', async () => {
    const { server, base } = await startServer('click');
    // axe is injected as a script, which the page's own CSP rightly forbids.
    const { page, close } = await newPage({ bypassCSP: true });
    for (const [language, button] of [
      ['en', 'Log in'],
      ['de', 'Anmelden'],
      ['he', 'התחברות'],
    ] as const) {
      await page.goto(await mailedLink(server, base, `axe-${language}@example.com`, language));
      await expect(page.getByRole('button', { name: button }).isVisible()).resolves.toBe(true);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }
        ).axe;
        return (await axe.run()).violations;
      });
      expect({ language, violations }).toEqual({ language, violations: [] });
    }
    await close();
  });

  it('logs in on a click of the button, under its CSP; the link is spent after', async () => {
    const { server, base } = await startServer('click');
    const link = await mailedLink(server, base, 'click@example.com');
    const { page, cspErrors, close } = await newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/callback\?/);
    const answer = new URL(page.url()).searchParams;
    expect(answer.get('state')).toBe('browser-state');
    expect(answer.get('code')).toEqual(expect.any(String));
    expect(cspErrors).toEqual([]);

    await page.goto(link);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(
      page.getByRole('heading', { name: 'This login page cannot be used' }).isVisible(),
    ).resolves.toBe(true);
    await close();
  });

  it('"auto" submits itself; without script the button still logs in', async () => {
    const { server, base } = await startServer('auto');
    const { page, cspErrors, close } = await newPage();
    await page.goto(await mailedLink(server, base, 'auto@example.com'));
    await page.waitForURL(/\/callback\?.*code=/);
    expect(cspErrors).toEqual([]);
    await close();

    server.clock.now += 60_000;
    const noScript = await newPage({ javaScriptEnabled: false });
    await noScript.page.goto(await mailedLink(server, base, 'auto@example.com'));
    await noScript.page.getByRole('button', { name: 'Log in' }).click();
    await noScript.page.waitForURL(/\/callback\?.*code=/);
    await noScript.close();
  });
});
