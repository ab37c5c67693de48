import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { OTP_GRANT } from '../src/app.js';
import { SqliteStore } from '../src/sqlite-store.js';
import { START_TIME, startTestServer, type TestServer } from './helpers.js';

const APP = 'http://localhost:5173';
const CALLBACK = 'http://localhost:5173/';
const EMAIL = 'stay@example.com';
const OFFLINE = 'openid profile email offline_access';
const VERIFIER = 'dBjftJeZ4CVP-mJ92K9-1JoO3oFeb9XaB8Td9rnq5kw';
const UNUSABLE = { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' };
const DAY_MS = 86_400_000;

const peers: SqliteStore[] = [];
afterEach(async () => {
  while (peers.length > 0) await peers.pop()!.close();
});

/** Another connection to the server's database, as the `users` CLI would open it. */
function peerStore(server: TestServer): SqliteStore {
  const store = new SqliteStore(server.dataDir);
  peers.push(store);
  return store;
}

/** Logs in with the OTP grant asking for `scope`; returns the token answer's body. */
async function logIn(server: TestServer, scope = OFFLINE, clientId = 'demo') {
  expect((await server.start(EMAIL, { client_id: clientId })).statusCode).toBe(200);
  const otp = await server.codeFromInbox(EMAIL);
  const response = await server.token(EMAIL, otp, { scope, client_id: clientId });
  expect(response.statusCode).toBe(200);
  return response.json();
}

interface RefreshOptions {
  scope?: string;
  clientId?: string;
  form?: boolean;
  origin?: string;
}

function refresh(server: TestServer, refreshToken: string, options: RefreshOptions = {}) {
  const body: Record<string, string> = {
    grant_type: 'refresh_token',
    client_id: options.clientId ?? 'demo',
    refresh_token: refreshToken,
    ...(options.scope === undefined ? {} : { scope: options.scope }),
  };
  return post(server, '/oauth/token', body, options);
}

function revoke(server: TestServer, token: string, options: RefreshOptions = {}) {
  return post(server, '/oauth/revoke', { client_id: options.clientId ?? 'demo', token }, options);
}

function post(
  server: TestServer,
  url: string,
  body: Record<string, string>,
  { form, origin }: RefreshOptions,
) {
  return server.inject({
    method: 'POST',
    url,
    headers: {
      ...(origin === undefined ? {} : { origin }),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    payload: form ? new URLSearchParams(body).toString() : body,
  });
}

/** Refreshes and expects a new set of tokens; returns the answer's body. */
async function refreshed(server: TestServer, refreshToken: string, options?: RefreshOptions) {
  const response = await refresh(server, refreshToken, options);
  expect(response.json()).toMatchObject({ refresh_token: expect.any(String) });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function expectUnusable(server: TestServer, refreshToken: string) {
  const response = await refresh(server, refreshToken);
  expect({ status: response.statusCode, body: response.json() }).toEqual({
    status: 403,
    body: UNUSABLE,
  });
}

describe('refresh tokens at login', () => {
  it('are issued for offline_access: opaque, 256-bit, stored only as their SHA-256', async () => {
    const server = await startTestServer();
    const tokens = await logIn(server);
    expect(tokens.refresh_token).toMatch(/^[\w-]{43}$/);
    expect(tokens.scope).toBe(OFFLINE);
    const stored = await peerStore(server).findRefreshToken(
      createHash('sha256').update(tokens.refresh_token).digest('hex'),
    );
    expect(stored).toMatchObject({ clientId: 'demo', scope: OFFLINE, authTime: START_TIME });
    const database = await fs.readFile(path.join(server.dataDir, 'passwordless.sqlite'));
    const wal = await fs.readFile(path.join(server.dataDir, 'passwordless.sqlite-wal'));
    expect(Buffer.concat([database, wal]).includes(tokens.refresh_token)).toBe(false);
  });

  it('are not issued without offline_access', async () => {
    const server = await startTestServer();
    const tokens = await logIn(server, 'openid email');
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope).toBe('openid email');
  });

  it('are not issued, and offline_access is dropped, for a client without the grant', async () => {
    const server = await startTestServer({
      clients: [{ client_id: 'no-refresh', grant_types: [OTP_GRANT] }],
    });
    const tokens = await logIn(server, OFFLINE, 'no-refresh');
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope).toBe('openid profile email');
    const response = await refresh(server, 'x'.repeat(43), { clientId: 'no-refresh' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('unauthorized_client');
  });

  it('are issued by the authorization code exchange (/co/authenticate, /authorize)', async () => {
    const server = await startTestServer();
    expect((await server.start(EMAIL)).statusCode).toBe(200);
    const ticket = await server.coAuthenticate(EMAIL, await server.codeFromInbox(EMAIL), APP);
    const query = new URLSearchParams({
      client_id: 'demo',
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: OFFLINE,
      login_ticket: ticket.json().login_ticket,
      code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const authorized = await server.inject({ url: `/authorize?${query}` });
    const code = new URL(authorized.headers.location!).searchParams.get('code')!;
    const tokens = (await server.exchangeCode(code, VERIFIER, CALLBACK)).json();
    expect(tokens.scope).toBe(OFFLINE);
    await refreshed(server, tokens.refresh_token);
  });
});

describe('grant_type=refresh_token', () => {
  it('rotates: new tokens for the same user, the original auth_time, the used token spent', async () => {
    const server = await startTestServer();
    const login = await logIn(server);
    server.clock.now += DAY_MS;
    const response = await refresh(server, login.refresh_token);
    expect(response.statusCode).toBe(200);
    const tokens = response.json();
    expect(Object.keys(tokens).sort()).toEqual([
      'access_token',
      'expires_in',
      'id_token',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 86_400, scope: OFFLINE });
    expect(tokens.refresh_token).not.toBe(login.refresh_token);
    const claims = decodeJwt(tokens.id_token);
    expect(claims).toMatchObject({
      sub: decodeJwt(login.id_token).sub,
      email: EMAIL,
      auth_time: START_TIME / 1000,
      iat: (START_TIME + DAY_MS) / 1000,
    });
    const userinfo = await server.inject({
      url: '/userinfo',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.json()).toMatchObject({ email: EMAIL });
    await refreshed(server, tokens.refresh_token);
  });

  it('takes form bodies as well as JSON', async () => {
    const server = await startTestServer();
    const login = await logIn(server);
    const tokens = await refreshed(server, login.refresh_token, { form: true });
    await refreshed(server, tokens.refresh_token);
  });

  it('revokes the whole family, the newest token too, when a spent token comes back', async () => {
    const logged: string[] = [];
    const logger = { level: 'info', stream: { write: (line: string) => void logged.push(line) } };
    const server = await startTestServer(
      { metrics: { port: 0 } },
      {
        deps: { logger },
      },
    );
    const login = await logIn(server);
    const second = await refreshed(server, login.refresh_token);
    const third = await refreshed(server, second.refresh_token);
    await expectUnusable(server, login.refresh_token);
    await expectUnusable(server, third.refresh_token);
    await expectUnusable(server, second.refresh_token);

    const events = logged.map((line) => JSON.parse(line));
    const reuse = events.filter((event) => event.event === 'refresh_reuse_detected');
    expect(reuse).toEqual([
      expect.objectContaining({ level: 40, sub: decodeJwt(login.id_token).sub, client_id: 'demo' }),
    ]);
    for (const token of [login, second, third].map((answer) => answer.refresh_token)) {
      expect(logged.join('\n')).not.toContain(token);
    }
    const metrics = await (await fetch(server.app.metricsUrl!)).text();
    expect(metrics).toMatch(/^passwordless_token_refreshes_total 2$/m);
    expect(metrics).toMatch(/^passwordless_refresh_token_reuse_detected_total 1$/m);
  });

  it('answers a spent token within reuse_interval_s as a refresh, and revokes after it', async () => {
    const server = await startTestServer({ tokens: { refresh_token: { reuse_interval_s: 10 } } });
    const login = await logIn(server);
    const first = await refreshed(server, login.refresh_token);
    server.clock.now += 9_000;
    const retry = await refreshed(server, login.refresh_token);
    expect(retry.refresh_token).not.toBe(first.refresh_token);
    await refreshed(server, first.refresh_token);
    server.clock.now += 1_000;
    await expectUnusable(server, login.refresh_token);
    await expectUnusable(server, retry.refresh_token);
  });

  it('lets a token die idle_lifetime_s after it was issued unless used', async () => {
    const server = await startTestServer({
      tokens: { refresh_token: { idle_lifetime_s: 100, absolute_lifetime_s: 1_000 } },
    });
    const login = await logIn(server);
    server.clock.now += 99_000;
    const used = await refreshed(server, login.refresh_token);
    server.clock.now += 100_000;
    await expectUnusable(server, used.refresh_token);
  });

  it('never lets a rotated token outlive the family’s absolute lifetime', async () => {
    const server = await startTestServer({
      tokens: { refresh_token: { idle_lifetime_s: 100, absolute_lifetime_s: 250 } },
    });
    let token = (await logIn(server)).refresh_token;
    for (let elapsed = 90; elapsed < 250; elapsed += 90) {
      server.clock.now += 90_000;
      token = (await refreshed(server, token)).refresh_token;
    }
    // Issued at 180 s: idle until 280 s, but the family ends at 250 s.
    server.clock.now = START_TIME + 250_000;
    await expectUnusable(server, token);
  });

  it('narrows the scope on request but never widens it; a refused widening spends nothing', async () => {
    const server = await startTestServer();
    const login = await logIn(server);
    const narrow = await refreshed(server, login.refresh_token, { scope: 'openid email' });
    expect(narrow.scope).toBe('openid email');
    expect(decodeJwt(narrow.id_token).name).toBeUndefined();

    const wider = await refresh(server, narrow.refresh_token, { scope: 'openid email phone' });
    expect({ status: wider.statusCode, error: wider.json().error }).toEqual({
      status: 403,
      error: 'invalid_scope',
    });
    // The family keeps the scope granted at login.
    const again = await refreshed(server, narrow.refresh_token);
    expect(again.scope).toBe(OFFLINE);
  });

  it('refuses a token of another client with invalid_grant, leaving it usable', async () => {
    const server = await startTestServer({ clients: [{ client_id: 'a' }, { client_id: 'b' }] });
    const login = await logIn(server, OFFLINE, 'a');
    const response = await refresh(server, login.refresh_token, { clientId: 'b' });
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 403,
      body: UNUSABLE,
    });
    await refreshed(server, login.refresh_token, { clientId: 'a' });
  });

  it('refuses unknown and missing tokens', async () => {
    const server = await startTestServer();
    await expectUnusable(server, 'A'.repeat(43));
    const missing = await refresh(server, '');
    expect({ status: missing.statusCode, body: missing.json() }).toEqual({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: 'Missing required parameter: refresh_token',
      },
    });
  });

  it('ends with the user: blocking or deleting kills the families', async () => {
    const server = await startTestServer();
    const peer = peerStore(server);
    const blocked = await logIn(server);
    await peer.blockUser(EMAIL, `email|${'f'.repeat(24)}`, server.clock.now);
    await expectUnusable(server, blocked.refresh_token);
    expect((await peer.userRecords((await peer.findUserByEmail(EMAIL))!)).refreshTokens).toEqual(
      [],
    );
    await peer.unblockUser(EMAIL);

    server.clock.now += 60_000;
    const deleted = await logIn(server);
    await peer.deleteUser(EMAIL);
    await expectUnusable(server, deleted.refresh_token);
  });

  it('refuses a blocked user whose family survived (blocked outside `users block`)', async () => {
    const server = await startTestServer();
    const login = await logIn(server);
    const db = new Database(path.join(server.dataDir, 'passwordless.sqlite'));
    db.prepare('UPDATE users SET blocked = TRUE WHERE email = ?').run(EMAIL);
    db.close();
    const response = await refresh(server, login.refresh_token);
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 401,
      body: { error: 'unauthorized', error_description: 'user is blocked' },
    });
  });

  it('answers a listed origin with CORS and refuses another', async () => {
    const server = await startTestServer();
    const login = await logIn(server);
    const response = await refresh(server, login.refresh_token, { origin: APP });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(APP);
    const foreign = await refresh(server, response.json().refresh_token, {
      origin: 'https://evil.example',
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error).toBe('access_denied');
  });
});

describe('POST /oauth/revoke', () => {
  it('revokes the family, in JSON and form bodies, with an empty 200', async () => {
    const server = await startTestServer();
    for (const form of [false, true]) {
      server.clock.now += 60_000;
      const login = await logIn(server);
      const newest = await refreshed(server, login.refresh_token);
      const response = await revoke(server, login.refresh_token, { form, origin: APP });
      expect({ status: response.statusCode, body: response.body }).toEqual({
        status: 200,
        body: '',
      });
      expect(response.headers['access-control-allow-origin']).toBe(APP);
      await expectUnusable(server, newest.refresh_token);
    }
  });

  it('answers 200 for unknown tokens and for another client’s, which stays usable', async () => {
    const server = await startTestServer({ clients: [{ client_id: 'a' }, { client_id: 'b' }] });
    expect((await revoke(server, 'unknown', { clientId: 'a' })).statusCode).toBe(200);
    const login = await logIn(server, OFFLINE, 'a');
    const response = await revoke(server, login.refresh_token, { clientId: 'b' });
    expect({ status: response.statusCode, body: response.body }).toEqual({ status: 200, body: '' });
    await refreshed(server, login.refresh_token, { clientId: 'a' });
  });

  it('refuses an unknown client, a missing token and a foreign origin', async () => {
    const server = await startTestServer();
    const unknownClient = await revoke(server, 't', { clientId: 'nobody' });
    expect([unknownClient.statusCode, unknownClient.json().error]).toEqual([401, 'invalid_client']);
    const missing = await revoke(server, '');
    expect([missing.statusCode, missing.json().error]).toEqual([400, 'invalid_request']);
    const foreign = await revoke(server, 't', { origin: 'https://evil.example' });
    expect([foreign.statusCode, foreign.json().error]).toEqual([403, 'access_denied']);
  });
});
