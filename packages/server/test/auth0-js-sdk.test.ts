import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium, noChromiumMessage } from '../../../scripts/chromium.mjs';
import { startTestServer, type TestServer } from './helpers.js';

// Auth0's official SDK, unmodified: the browser build that npm ships.
const auth0Script = fs.readFileSync(
  createRequire(import.meta.url).resolve('auth0-js/dist/auth0.min.js'),
  'utf8',
);
const ISSUER = 'https://auth.test/';
const EMAIL = 'sdk-user@example.com';

/** The SDK's `(options, callback)` calling convention. */
type SdkMethod = (options: unknown, callback: (err: unknown, result: unknown) => void) => void;

let browser: Browser;
let appServer: http.Server;
let appOrigin: string;

/** The SPA's own origin: one page (any path) that loads auth0.min.js. */
async function serveApp(): Promise<void> {
  appServer = http.createServer((request, response) => {
    if (request.url === '/auth0.min.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(auth0Script);
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><title>SPA</title><script src="/auth0.min.js"></script>');
  });
  await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
  appOrigin = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(noChromiumMessage);
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
  await serveApp();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => appServer?.close(resolve));
});

async function startAuthServer(): Promise<{ server: TestServer; base: string }> {
  const server = await startTestServer(
    {
      issuer: ISSUER,
      clients: [
        {
          client_id: 'spa',
          name: 'SDK App',
          allowed_origins: [appOrigin],
          web_origins: [appOrigin],
          callbacks: [`${appOrigin}/callback`],
        },
      ],
    },
    // idtoken-verifier checks iat/exp against the browser's clock.
    { deps: { now: Date.now } },
  );
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}` };
}

/** Creates `window.webAuth` on the page, as an app would configure the SDK for our server. */
async function createWebAuth(page: Page, base: string): Promise<void> {
  await page.evaluate(
    ({ base, issuer, origin }) => {
      const auth0 = (globalThis as unknown as { auth0: { WebAuth: new (o: unknown) => unknown } })
        .auth0;
      (globalThis as unknown as { webAuth: unknown }).webAuth = new auth0.WebAuth({
        domain: base,
        clientID: 'spa',
        redirectUri: `${origin}/callback`,
        responseType: 'token id_token',
        scope: 'openid profile email',
        // Documented SDK options for a custom domain: who signs, and where its keys are.
        overrides: {
          __tenant: 'local',
          __token_issuer: issuer,
          __jwks_uri: `${base}/.well-known/jwks.json`,
        },
      });
    },
    { base, issuer: ISSUER, origin: appOrigin },
  );
}

/** Runs `webAuth[method](options, cb)` in the page and returns what the callback got. */
function callSdk(
  page: Page,
  method: string,
  options: unknown,
): Promise<{ err: unknown; result: unknown }> {
  return page.evaluate(
    ({ method, options }) =>
      new Promise<{ err: unknown; result: unknown }>((resolve) => {
        const webAuth = (globalThis as unknown as { webAuth: Record<string, SdkMethod> }).webAuth;
        webAuth[method]!.call(webAuth, options, (err: unknown, result: unknown) =>
          resolve({ err: err ?? null, result: result ?? null }),
        );
      }),
    { method, options },
  );
}

async function userInfo(page: Page, accessToken: string) {
  return page.evaluate(
    (token) =>
      new Promise<{ err: unknown; result: unknown }>((resolve) => {
        const webAuth = (globalThis as unknown as { webAuth: { client: { userInfo: SdkMethod } } })
          .webAuth;
        webAuth.client.userInfo(token, (err: unknown, result: unknown) =>
          resolve({ err: err ?? null, result: result ?? null }),
        );
      }),
    accessToken,
  );
}

describe('the official auth0-js SDK, unmodified, in Chromium', () => {
  it('passwordlessStart → code from the inbox → passwordlessLogin (redirect) → parseHash → userInfo', async () => {
    const { server, base } = await startAuthServer();
    const page = await browser.newPage();
    await page.goto(`${appOrigin}/`);
    await createWebAuth(page, base);

    const started = await callSdk(page, 'passwordlessStart', {
      connection: 'email',
      send: 'code',
      email: EMAIL,
    });
    expect(started.err).toBeNull();
    expect(started.result).toMatchObject({ email: EMAIL });
    const code = await server.codeFromInbox(EMAIL);

    const wrong = await callSdk(page, 'passwordlessLogin', {
      connection: 'email',
      email: EMAIL,
      verificationCode: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.err).toMatchObject({
      code: 'access_denied',
      description: 'Wrong email or verification code.',
    });

    // /co/authenticate, then the SDK navigates to /authorize, which redirects to the callback.
    const navigated = page.waitForURL(`${appOrigin}/callback#*`);
    // The page navigates away, so this evaluate never resolves.
    callSdk(page, 'passwordlessLogin', {
      connection: 'email',
      email: EMAIL,
      verificationCode: code,
    }).catch(() => {});
    await navigated;
    await createWebAuth(page, base);
    const parsed = await callSdk(page, 'parseHash', {});
    expect(parsed.err).toBeNull();
    const result = parsed.result as {
      accessToken: string;
      idTokenPayload: Record<string, unknown>;
      tokenType: string;
    };
    expect(result.tokenType).toBe('Bearer');
    expect(result.idTokenPayload).toMatchObject({
      iss: ISSUER,
      aud: 'spa',
      email: EMAIL,
      sub: expect.stringMatching(/^email\|[0-9a-f]{24}$/),
    });

    const profile = await userInfo(page, result.accessToken);
    expect(profile.err).toBeNull();
    expect(profile.result).toMatchObject({ email: EMAIL, sub: result.idTokenPayload.sub });
    await page.close();
  });

  it('passwordlessLogin with popup: true answers through response_mode=web_message', async () => {
    const { server, base } = await startAuthServer();
    const page = await browser.newPage();
    await page.goto(`${appOrigin}/`);
    await createWebAuth(page, base);
    expect(
      (
        await callSdk(page, 'passwordlessStart', {
          connection: 'email',
          send: 'code',
          email: EMAIL,
        })
      ).err,
    ).toBeNull();
    const code = await server.codeFromInbox(EMAIL);

    const login = await callSdk(page, 'passwordlessLogin', {
      connection: 'email',
      email: EMAIL,
      verificationCode: code,
      popup: true,
    });
    expect(login.err).toBeNull();
    expect(login.result).toMatchObject({
      tokenType: 'Bearer',
      idTokenPayload: { email: EMAIL, aud: 'spa' },
    });
    expect(page.url()).toBe(`${appOrigin}/`);
    await page.close();
  });
});
