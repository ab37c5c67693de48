import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/sqlite-store.js';
import {
  MESSAGES_API,
  OVERREACHING_SCOPE,
  START_TIME,
  startTestServer,
  type TestServer,
} from './helpers.js';
import {
  expectRotationPickedUpLive,
  runRotateKeysCli,
  startRotatingServer,
} from './key-rotation.js';

const API = 'https://api.example.com/';

describe('JWT access tokens for a configured API (audience)', () => {
  it('issues an RFC 9068 token that verifies with the JWKS and works at /userinfo', async () => {
    const server = await startTestServer({
      apis: [{ identifier: API, access_token_lifetime_s: 600 }],
    });
    await server.start('api@example.com');
    const response = await server.token(
      'api@example.com',
      await server.codeFromInbox('api@example.com'),
      {
        audience: API,
      },
    );
    expect(response.statusCode).toBe(200);
    const { access_token, expires_in } = response.json();
    expect(expires_in).toBe(600);
    const jwks = createLocalJWKSet((await server.inject({ url: '/.well-known/jwks.json' })).json());
    const { payload, protectedHeader } = await jwtVerify(access_token, jwks, {
      currentDate: new Date(START_TIME),
      typ: 'at+jwt',
      issuer: 'http://localhost:3000/',
      audience: API,
    });
    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload).toMatchObject({
      client_id: 'demo',
      scope: 'openid profile email',
      aud: [API, 'http://localhost:3000/userinfo'],
      exp: START_TIME / 1000 + 600,
      jti: expect.any(String),
    });
    const userinfo = await server.inject({
      url: '/userinfo',
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(userinfo.statusCode).toBe(200);
    expect(userinfo.json().email).toBe('api@example.com');

    server.clock.now += 601_000;
    const expired = await server.inject({
      url: '/userinfo',
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(expired.statusCode).toBe(401);
  });

  it('refuses an unknown audience as Auth0 does, and a forged JWT at /userinfo', async () => {
    const server = await startTestServer({ apis: [{ identifier: API }] });
    await server.start('api@example.com');
    const code = await server.codeFromInbox('api@example.com');
    const unknown = await server.token('api@example.com', code, { audience: 'https://other.api/' });
    expect(unknown.statusCode).toBe(403);
    expect(unknown.json()).toEqual({
      error: 'access_denied',
      error_description: 'Service not found: https://other.api/',
    });
    const forged = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${Buffer.from(
      '{"sub":"email|x","client_id":"demo"}',
    ).toString('base64url')}.`;
    const response = await server.inject({
      url: '/userinfo',
      headers: { authorization: `Bearer ${forged}x` },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('signatures per login', () => {
  /** The values of a token answer that are signed JWTs, each verified with the JWKS. */
  async function signedTokens(server: TestServer, body: Record<string, string>) {
    const jwks = createLocalJWKSet((await server.inject({ url: '/.well-known/jwks.json' })).json());
    const signed: string[] = [];
    for (const [name, value] of Object.entries(body)) {
      if (typeof value !== 'string' || value.split('.').length !== 3) continue;
      await jwtVerify(value, jwks, { currentDate: new Date(START_TIME) });
      signed.push(name);
    }
    return signed.sort();
  }

  it('signs only the id_token without an audience: the access token is opaque, stored hashed', async () => {
    const server = await startTestServer({ apis: [{ identifier: API }] });
    await server.start('one@example.com');
    const response = await server.token(
      'one@example.com',
      await server.codeFromInbox('one@example.com'),
    );
    const body = response.json();
    expect(await signedTokens(server, body)).toEqual(['id_token']);
    // 256 bits from the CSPRNG, base64url; the store knows only its SHA-256.
    expect(body.access_token).toMatch(/^[\w-]{43}$/);
    const hash = createHash('sha256').update(body.access_token).digest('hex');
    const store = new SqliteStore(server.dataDir);
    try {
      expect(await store.findAccessToken(hash)).toMatchObject({ clientId: 'demo' });
      expect(await store.findAccessToken(body.access_token)).toBeUndefined();
    } finally {
      await store.close();
    }
    expect(decodeJwt(body.id_token).at_hash).toBe(
      createHash('sha256').update(body.access_token).digest().subarray(0, 16).toString('base64url'),
    );
  });

  it('signs the access token too when an API audience is asked', async () => {
    const server = await startTestServer({ apis: [{ identifier: API }] });
    await server.start('two@example.com');
    const response = await server.token(
      'two@example.com',
      await server.codeFromInbox('two@example.com'),
      { audience: API },
    );
    expect(await signedTokens(server, response.json())).toEqual(['access_token', 'id_token']);
  });
});

describe('the scope of the OTP grant (apis[].scopes)', () => {
  async function otpTokens(server: TestServer, extra: Record<string, unknown>) {
    await server.start('scope@example.com');
    const code = await server.codeFromInbox('scope@example.com');
    const response = await server.token('scope@example.com', code, extra);
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  it('grants an API only the scopes it lists, in the answer and in the JWT', async () => {
    const server = await startTestServer({ apis: [MESSAGES_API] });
    const tokens = await otpTokens(server, {
      audience: MESSAGES_API.identifier,
      scope: OVERREACHING_SCOPE,
    });
    expect(tokens.scope).toBe('openid email read:messages');
    expect(decodeJwt(tokens.access_token).scope).toBe('openid email read:messages');
  });

  it('grants only OIDC scopes without an audience, even those an API would grant', async () => {
    const server = await startTestServer({ apis: [MESSAGES_API] });
    const tokens = await otpTokens(server, { scope: OVERREACHING_SCOPE });
    expect(tokens.scope).toBe('openid email');
  });

  it('keeps every OIDC scope asked for, and the default when none is', async () => {
    const server = await startTestServer({ apis: [{ identifier: API }] });
    const oidc = 'openid profile email address phone offline_access';
    expect((await otpTokens(server, { audience: API, scope: oidc })).scope).toBe(oidc);
    server.clock.now += 60_000; // past the resend cooldown
    // An undefined value is left out of the JSON body: no scope is sent.
    const asked = await otpTokens(server, { audience: API, scope: undefined });
    expect(asked.scope).toBe('openid profile email');
  });
});

describe('key rotation (--rotate-keys) with keys.json', () => {
  it('is picked up by a running server within a reload interval, without a restart', async () => {
    const server = await startRotatingServer();
    await expectRotationPickedUpLive([server], async () => {
      const { stdout } = await runRotateKeysCli(['--data', server.dataDir]);
      expect(stdout).toMatch(/^passwordless-lock-server: new signing key \S+ in /);
      expect(stdout).toContain(
        `in ${server.dataDir} (2 keys in the JWKS); running servers serve it within 60 s and sign with it after 120 s`,
      );
    });
    expect((await fs.stat(path.join(server.dataDir, 'keys.json'))).mode & 0o777).toBe(0o600);
  });
});
