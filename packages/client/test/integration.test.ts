import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Client from '../src/index.js';
import {
  ServerError,
  TransactionError,
  buildLogoutUrl,
  parseCallback,
  passwordlessLogin,
  passwordlessStart,
  userInfo,
} from '../src/index.js';
import { mapStorage } from './map-storage.js';
import { codeIn, linkIn, startServer, type RealServer } from './real-server.js';

// One server process for the whole file: starting it (tsx compiles the server) is the slow part.
// The same Chromium the repository's other browser tests use; nothing is downloaded here.
const chromiumPath = [process.env.CHROME_PATH, '/usr/bin/chromium'].find(
  (path) => path && existsSync(path),
);

declare global {
  interface Window {
    client: typeof Client;
  }
}

/** Serves a blank page on `/` and `/callback` that loads the bundled client as `window.client`. */
async function startAppServer(): Promise<{ origin: string; server: Server }> {
  const [bundle] = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: {
        entry: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
        formats: ['es'],
        fileName: 'client',
      },
    },
  })) as Rollup.RollupOutput[];
  // The lazy cross-origin transport (and any shared chunk) are files of their own: serve them all.
  const chunks = new Map(
    bundle!.output.flatMap((file) => (file.type === 'chunk' ? [[`/${file.fileName}`, file]] : [])),
  );
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry)!;
  const page = `<!doctype html><html lang="en"><title>client test</title>
<script type="module">import * as client from '/${entry.fileName}'; window.client = client;</script></html>`;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const chunk = chunks.get(path);
    if (chunk) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(chunk.code);
    } else if (path === '/' || path === '/callback') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

let server: RealServer;
let app: { origin: string; server: Server };
let emails = 0;
const email = () => `client${++emails}.${Date.now()}@example.com`;

/** The callback registered for the Node tests (nothing listens there: Node reads the redirect). */
const nodeApp = 'http://localhost:5173';
const callback = `${nodeApp}/callback`;
const grantTypes = [
  'http://auth0.com/oauth/grant-type/passwordless/otp',
  'authorization_code',
  'implicit',
];

beforeAll(async () => {
  app = await startAppServer();
  server = await startServer({
    clients: [
      {
        client_id: 'demo',
        name: 'Client tests',
        allowed_origins: [nodeApp],
        web_origins: [nodeApp],
        callbacks: [callback],
        grant_types: grantTypes,
        logout_urls: [`${nodeApp}/bye`],
      },
      {
        client_id: 'app',
        name: 'Client browser tests',
        allowed_origins: [app.origin],
        web_origins: [app.origin],
        callbacks: [app.origin, `${app.origin}/callback`],
        grant_types: grantTypes,
      },
    ],
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => app?.server.close(resolve));
});

describe('against the real server, in Node', () => {
  it('logs in with the otp transport: start, code from the inbox, validated tokens, profile', async () => {
    const address = email();
    const started = await passwordlessStart(server.origin, {
      clientId: 'demo',
      email: address,
      language: 'en',
    });
    expect(started).toMatchObject({ email: address, expiresIn: 180, maxAttempts: 3 });

    const code = codeIn(await server.latestMail(address));
    const tokens = await passwordlessLogin(
      server.origin,
      { clientId: 'demo', email: address, code },
      { issuer: server.issuer },
    );
    expect(tokens.tokenType).toBe('Bearer');
    expect(tokens.idTokenPayload).toMatchObject({
      email: address,
      aud: 'demo',
      iss: server.issuer,
    });

    const profile = await userInfo(server.origin, tokens.accessToken);
    expect(profile).toMatchObject({ email: address, sub: tokens.idTokenPayload.sub });
  });

  it('rejects a wrong code with wrong_code, and an unknown client', async () => {
    const address = email();
    await passwordlessStart(server.origin, { clientId: 'demo', email: address });
    const code = codeIn(await server.latestMail(address));
    const wrong = code === '000000' ? '111111' : '000000';
    const error = await passwordlessLogin(server.origin, {
      clientId: 'demo',
      email: address,
      code: wrong,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 403, error: 'invalid_grant', messageKey: 'wrong_code' });

    await expect(
      passwordlessStart(server.origin, { clientId: 'nobody', email: address }),
    ).rejects.toMatchObject({ status: 400, error: 'bad.client_id' });
  });

  it('rejects a malformed email with bad_email', async () => {
    await expect(
      passwordlessStart(server.origin, { clientId: 'demo', email: 'not an email' }),
    ).rejects.toMatchObject({ messageKey: 'bad_email' });
  });

  it('logs in with a magic link: start with redirectUri, follow the link, parseCallback', async () => {
    const storage = mapStorage();
    const address = email();
    const { state } = await passwordlessStart(
      server.origin,
      { clientId: 'demo', email: address, send: 'link', redirectUri: callback },
      { storage },
    );
    const link = linkIn(await server.latestMail(address));
    // The link is built on the issuer; reach it at the address this test knows the server by.
    // Opening it answers the confirm page (a mail scanner's GET spends nothing); its button posts
    // the page's hidden fields.
    const page = await fetch(`${server.origin}${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    const fields = new URLSearchParams(
      [
        ...(await page.text()).matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g),
      ].map(([, name, value]) => [name!, value!.replaceAll('&amp;', '&')]),
    );
    const response = await fetch(`${server.origin}/passwordless/verify_redirect`, {
      method: 'POST',
      body: fields,
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    const location = response.headers.get('location')!;
    expect(location.startsWith(`${callback}?`)).toBe(true);

    const result = await parseCallback(server.origin, location, { storage, issuer: server.issuer });
    expect(result).toMatchObject({ state, idTokenPayload: { email: address } });
    expect(storage.map.size).toBe(0);
    await expect(parseCallback(server.origin, location, { storage })).rejects.toBeInstanceOf(
      TransactionError,
    );
  });

  it('builds a logout URL the server accepts', async () => {
    const url = buildLogoutUrl(server.origin, {
      clientId: 'demo',
      returnTo: `${nodeApp}/bye`,
    });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${nodeApp}/bye`);
  });
});

describe.skipIf(!chromiumPath)('against the real server, in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function openApp(path = '/', origin = app.origin): Promise<void> {
    page = await browser.newPage();
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(() => 'client' in window);
  }

  async function sendCode(address: string): Promise<string> {
    await page.evaluate(
      ([domain, email]) => window.client.passwordlessStart(domain, { clientId: 'app', email }),
      [server.origin, address] as const,
    );
    return codeIn(await server.latestMail(address));
  }

  it('logs in with the otp transport from a page of an allowed origin', async () => {
    await openApp();
    const address = email();
    const code = await sendCode(address);
    const result = await page.evaluate(
      async ([domain, email, code, issuer]) => {
        const tokens = await window.client.passwordlessLogin(
          domain,
          { clientId: 'app', email, code },
          { issuer },
        );
        const profile = await window.client.userInfo(domain, tokens.accessToken);
        return { claims: tokens.idTokenPayload, profile };
      },
      [server.origin, address, code, server.issuer] as const,
    );
    expect(result.claims).toMatchObject({ email: address, aud: 'app' });
    expect(result.profile).toMatchObject({ email: address });
    await page.close();
  });

  it.each(['code', 'token id_token'] as const)(
    'logs in with the cross-origin transport through a web_message iframe (%s)',
    async (responseType) => {
      await openApp();
      const address = email();
      const code = await sendCode(address);
      const result = await page.evaluate(
        async ([domain, email, code, issuer, responseType]) => {
          // redirectUri defaults to location.origin, the page the web message goes to.
          const tokens = await window.client.passwordlessLogin(
            domain,
            { clientId: 'app', email, code, transport: 'cross-origin', responseType },
            { issuer },
          );
          return {
            claims: tokens.idTokenPayload,
            state: tokens.state,
            iframes: document.querySelectorAll('iframe').length,
            stored: Object.keys(sessionStorage).length,
            url: location.href,
          };
        },
        [server.origin, address, code, server.issuer, responseType] as const,
      );
      expect(result).toMatchObject({
        claims: { email: address, aud: 'app' },
        state: expect.any(String),
        iframes: 0,
        stored: 0,
        url: `${app.origin}/`,
      });
      await page.close();
    },
  );

  it('falls back to a full redirect when the iframe is blocked, and parseCallback finishes', async () => {
    await openApp();
    await page.route(/\/authorize\?.*response_mode=web_message/, (route) => route.abort());
    const address = email();
    const code = await sendCode(address);
    await page.evaluate(
      ([domain, email, code, redirectUri]) => {
        void window.client.passwordlessLogin(domain, {
          clientId: 'app',
          email,
          code,
          transport: 'cross-origin',
          redirectUri,
        });
      },
      [server.origin, address, code, `${app.origin}/callback`] as const,
    );
    await page.waitForURL(/\/callback\?.*code=/);
    await page.waitForFunction(() => 'client' in window);
    const result = await page.evaluate(
      async ([domain, issuer]) => {
        const tokens = await window.client.parseCallback(domain, location.href, { issuer });
        return { email: tokens?.idTokenPayload.email, stored: Object.keys(sessionStorage).length };
      },
      [server.origin, server.issuer] as const,
    );
    expect(result).toEqual({ email: address, stored: 0 });
    await page.close();
  });

  it('logs in with a magic link opened in the same tab', async () => {
    await openApp();
    const address = email();
    await page.evaluate(
      ([domain, email, redirectUri]) =>
        window.client.passwordlessStart(domain, {
          clientId: 'app',
          email,
          send: 'link',
          redirectUri,
        }),
      [server.origin, address, `${app.origin}/callback`] as const,
    );
    const link = linkIn(await server.latestMail(address));
    // The link is built on the issuer; reach it at the address this test knows the server by.
    await page.goto(`${server.origin}${link.pathname}${link.search}`);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/callback\?.*code=/);
    await page.waitForFunction(() => 'client' in window);
    const result = await page.evaluate(
      async ([domain, issuer]) => {
        const tokens = await window.client.parseCallback(domain, location.href, { issuer });
        const again = await window.client
          .parseCallback(domain, location.href, { issuer })
          .catch((error: { code: string }) => error.code);
        return { email: tokens?.idTokenPayload.email, again };
      },
      [server.origin, server.issuer] as const,
    );
    expect(result).toEqual({ email: address, again: 'transaction_error' });
    await page.close();
  });

  it('reports a page origin the tenant does not list as origin_not_allowed', async () => {
    // The same page, reached as localhost instead of 127.0.0.1: another origin.
    await openApp('/', app.origin.replace('127.0.0.1', 'localhost'));
    const result = await page.evaluate(
      (domain) =>
        window.client
          .passwordlessLogin(domain, {
            clientId: 'app',
            email: 'x@example.com',
            code: '123456',
            transport: 'cross-origin',
          })
          .then(
            () => 'logged in',
            (error: unknown) => window.client.messageKeyOf(error),
          ),
      server.origin,
    );
    // The server refuses with 403 "Origin … is not allowed." and CORS headers on that refusal
    // (with credentials, which this transport sends), so the page reads why instead of seeing a
    // network failure.
    expect(result).toBe('origin_not_allowed');
    await page.close();
  });

  it('reports an unlisted page origin as origin_not_allowed when it asks for a code', async () => {
    await openApp('/', app.origin.replace('127.0.0.1', 'localhost'));
    const address = email();
    const result = await page.evaluate(
      ([domain, email]) =>
        window.client.passwordlessStart(domain, { clientId: 'app', email }).then(
          () => 'sent',
          (error: unknown) => window.client.messageKeyOf(error),
        ),
      [server.origin, address] as const,
    );
    expect(result).toBe('origin_not_allowed');
    expect(await server.inbox(address)).toEqual([]);
    await page.close();
  });
});
