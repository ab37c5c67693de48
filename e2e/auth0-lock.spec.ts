// Unmodified Auth0 Lock 14 (the npm `auth0-lock`, `Auth0LockPasswordless`, with its own auth0-js)
// logs in against our server in code and link mode, pointed at it only through its documented
// options (`configurationBaseUrl`, `overrides.__token_issuer`).
// The config's webServers are not used: this spec starts its own server and page on free ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import fs from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { newestMail, uniqueEmail } from './inbox.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENT_ID = 'lock-app';

interface ApiServer {
  origin: string;
  /** Every token's `iss`; Lock (auth0-js) checks id_tokens against it and its JWKS. */
  issuer: string;
  child: ChildProcess;
}

let workDir: string;
let page: { origin: string; http: Server };
let server: ApiServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-e2e-auth0-lock-'));
  const lockBundle = await bundleLock();
  // The page is built when asked for, once the server (whose origin it names) runs.
  page = await servePage(lockBundle, () =>
    pageHtml({ domain: server.origin, issuer: server.issuer, redirectUrl: `${page.origin}/` }),
  );
  server = await startServer(page.origin);
});

test.afterAll(async () => {
  server?.child.kill();
  page?.http.close();
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
});

/** Lock as an app bundles it: esbuild, browser fields first, Lock's own auth0-js version. */
async function bundleLock(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { Auth0LockPasswordless } from 'auth0-lock';
window.Auth0LockPasswordless = Auth0LockPasswordless;`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

/**
 * The app's page: Lock with the options the server README gives, `passwordlessMethod` from
 * `?mode=`. Back from a login (tokens in the fragment) Lock reads the answer itself, and the page
 * shows what its `authenticated` event carried.
 */
function pageHtml(settings: { domain: string; issuer: string; redirectUrl: string }): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Auth0 Lock against passwordless-lock</title></head>
<body>
<main><h1>Lock app</h1><output id="result"></output></main>
<script src="/lock.js"></script>
<script>
const settings = ${JSON.stringify(settings)};
const mode = new URLSearchParams(location.search).get('mode') || 'code';
const lock = new Auth0LockPasswordless(${JSON.stringify(CLIENT_ID)}, settings.domain, {
  configurationBaseUrl: settings.domain,
  overrides: { __tenant: 'local', __token_issuer: settings.issuer },
  auth: {
    redirectUrl: settings.redirectUrl,
    responseType: 'token id_token',
    params: { scope: 'openid email' },
  },
  passwordlessMethod: mode,
  allowedConnections: ['email'],
});
const result = document.getElementById('result');
lock.on('authenticated', (auth) => {
  result.dataset.state = 'authenticated';
  result.textContent = JSON.stringify({ idToken: auth.idToken, email: auth.idTokenPayload.email });
});
lock.on('authorization_error', (error) => {
  result.dataset.state = 'error';
  result.textContent = JSON.stringify(error);
});
lock.on('unrecoverable_error', (error) => {
  result.dataset.state = 'error';
  result.textContent = String(error);
});
if (!location.hash) lock.show();
</script>
</body>
</html>
`;
}

async function servePage(
  lockBundle: string,
  html: () => string,
): Promise<{ origin: string; http: Server }> {
  const http = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://page');
    if (pathname === '/lock.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(lockBundle);
    } else if (pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html());
    } else {
      response.writeHead(404).end();
    }
  });
  const port = await listen(http, 0);
  return { origin: `http://127.0.0.1:${port}`, http };
}

async function listen(http: Server, port: number): Promise<number> {
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return (http.address() as AddressInfo).port;
}

/** A free port, so the config's issuer can name it before the server starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe, 0);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Our server from source in --dev (mail goes to its dev inbox), with the page's origin as a client. */
async function startServer(pageOrigin: string): Promise<ApiServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config = path.join(workDir, 'tenant.json');
  await fs.writeFile(
    config,
    JSON.stringify({
      issuer: `${origin}/`,
      clients: [
        {
          client_id: CLIENT_ID,
          name: 'Lock app',
          allowed_origins: [pageOrigin],
          web_origins: [pageOrigin],
          callbacks: [`${pageOrigin}/`],
        },
      ],
    }),
  );
  const args = ['--dev', '--config', config, '--host', '127.0.0.1', '--port', String(port)];
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'packages/server/src/cli.ts',
      ...args,
      '--data',
      path.join(workDir, 'data'),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('listening on http')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return { origin, issuer: `${origin}/`, child };
}

/** The id_token's claims, once its RS256 signature checks out against the server's JWKS. */
async function verifiedClaims(idToken: string): Promise<Record<string, unknown>> {
  const [header, payload, signature] = idToken.split('.') as [string, string, string];
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as {
    kid: string;
    alg: string;
  };
  expect(alg).toBe('RS256');
  const jwks = (await (await fetch(`${server.issuer}.well-known/jwks.json`)).json()) as {
    keys: Array<JsonWebKey & { kid: string }>;
  };
  const jwk = jwks.keys.find((key) => key.kid === kid);
  expect(jwk, `kid ${kid} in the JWKS`).toBeDefined();
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey({ key: jwk!, format: 'jwk' }),
    Buffer.from(signature, 'base64url'),
  );
  expect(signed, 'the id_token signature verifies against the JWKS').toBe(true);
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}

/** Waits for Lock's `authenticated` event and checks the id_token it carried. */
async function expectAuthenticated(browserPage: Page, email: string): Promise<void> {
  const result = browserPage.locator('#result');
  await expect(result).toHaveAttribute('data-state', /.+/, { timeout: 20_000 });
  const state = await result.getAttribute('data-state');
  expect(state, (await result.textContent()) ?? undefined).toBe('authenticated');
  const { idToken, email: eventEmail } = JSON.parse((await result.textContent())!) as {
    idToken: string;
    email: string;
  };
  expect(eventEmail).toBe(email);
  const claims = await verifiedClaims(idToken);
  expect(claims).toMatchObject({ iss: server.issuer, aud: CLIENT_ID, email });
}

/**
 * Every request the browser makes to our server, as `GET /path 200` (the query left out: it holds
 * codes and tokens), so a test can say that each one of Lock's was answered.
 */
function serverRequests(browserPage: Page): string[] {
  const seen: string[] = [];
  browserPage.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== server.origin) return;
    seen.push(`${response.request().method()} ${url.pathname} ${response.status()}`);
  });
  return seen;
}

/** Lock fetched its client settings from us, and nothing it asked for was refused. */
function expectAllAnswered(requests: string[]): void {
  test
    .info()
    .annotations.push({ type: 'requests to the server', description: requests.join(', ') });
  expect(requests).toContain(`GET /client/${CLIENT_ID}.js 200`);
  expect(requests.filter((line) => !/ [23]\d\d$/.test(line))).toEqual([]);
}

async function submitEmail(browserPage: Page, mode: 'code' | 'link', email: string) {
  await browserPage.goto(`${page.origin}/?mode=${mode}`);
  await browserPage.getByRole('textbox', { name: /email/i }).fill(email);
  await browserPage.getByRole('button', { name: /submit/i }).click();
}

test('Lock logs in with a code from the mail', async ({ page: browserPage, request }) => {
  const email = uniqueEmail('auth0-lock-code');
  const requests = serverRequests(browserPage);
  await submitEmail(browserPage, 'code', email);
  const { text } = await newestMail(request, email, server.origin);
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  expect(code, text).toBeDefined();
  await browserPage.getByRole('textbox', { name: /code/i }).fill(code!);
  await browserPage.getByRole('button', { name: /submit/i }).click();
  await expectAuthenticated(browserPage, email);
  expectAllAnswered(requests);
});

test('Lock logs in with the link from the mail', async ({ page: browserPage, request }) => {
  const email = uniqueEmail('auth0-lock-link');
  const requests = serverRequests(browserPage);
  await submitEmail(browserPage, 'link', email);
  const { text } = await newestMail(request, email, server.origin);
  const link = /https?:\/\/\S+\/passwordless\/verify_redirect\S+/.exec(text)?.[0];
  expect(link, text).toBeDefined();
  await browserPage.goto(link!);
  // A link may answer a page whose button finishes the login (so that a mail scanner's GET
  // cannot spend it), or go straight back to the app.
  if (new URL(browserPage.url()).origin === server.origin) {
    await browserPage.getByRole('button').click();
  }
  await expectAuthenticated(browserPage, email);
  expectAllAnswered(requests);
});
