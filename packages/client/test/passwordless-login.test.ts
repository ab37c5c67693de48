import { describe, expect, it } from 'vitest';
import {
  NetworkError,
  PASSWORDLESS_OTP_GRANT,
  ServerError,
  TokenValidationError,
  decodeJwtPayload,
  passwordlessLogin,
  type ClientError,
} from '../src/index.js';
import { fakeFetch, json, jwt } from './fake-fetch.js';
import { atHash, fakeTenant } from './tenant.js';

const params = { clientId: 'demo', email: 'ada@example.com', code: '123456' };
const claims = {
  sub: 'email|0123456789abcdef01234567',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
};
const tokens = {
  access_token: 'opaque-at',
  id_token: jwt(claims),
  token_type: 'Bearer',
  expires_in: 86400,
  scope: 'openid profile email',
};

describe('passwordlessLogin', () => {
  it('posts the passwordless otp grant as JSON', async () => {
    const fetch = fakeFetch(json(200, tokens));
    await passwordlessLogin('http://127.0.0.1:3000', params, { fetch, verifyIdToken: false });
    const [call] = fetch.calls;
    expect(call?.url).toBe('http://127.0.0.1:3000/oauth/token');
    expect(call?.method).toBe('POST');
    expect(call?.headers.get('Content-Type')).toBe('application/json');
    expect(call?.headers.has('Auth0-Client')).toBe(true);
    expect(call?.body).toEqual({
      grant_type: PASSWORDLESS_OTP_GRANT,
      client_id: 'demo',
      username: 'ada@example.com',
      otp: '123456',
      realm: 'email',
      scope: 'openid profile email',
    });
    expect(PASSWORDLESS_OTP_GRANT).toBe('http://auth0.com/oauth/grant-type/passwordless/otp');
  });

  it('passes scope and audience when given', async () => {
    const fetch = fakeFetch(json(200, tokens));
    await passwordlessLogin(
      'auth.example.com',
      { ...params, scope: 'openid', audience: 'https://api.example.com' },
      { fetch, verifyIdToken: false },
    );
    expect(fetch.calls[0]?.body).toMatchObject({
      scope: 'openid',
      audience: 'https://api.example.com',
    });
  });

  it('with verifyIdToken: false, maps the tokens and only decodes the id_token payload', async () => {
    const fetch = fakeFetch(json(200, tokens));
    await expect(
      passwordlessLogin('auth.example.com', params, { fetch, verifyIdToken: false }),
    ).resolves.toEqual({
      accessToken: 'opaque-at',
      idToken: tokens.id_token,
      idTokenPayload: claims,
      tokenType: 'Bearer',
      expiresIn: 86400,
      scope: 'openid profile email',
    });
  });

  it('rejects a wrong code (403 invalid_grant) with the wrong_code key', async () => {
    const fetch = fakeFetch(
      json(403, { error: 'invalid_grant', error_description: 'Wrong email or verification code.' }),
    );
    const error: ClientError = await passwordlessLogin('auth.example.com', params, { fetch }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ServerError);
    // The union narrows on code.
    if (error.code !== 'server_error') throw new Error('expected a server error');
    expect(error.status).toBe(403);
    expect(error.messageKey).toBe('wrong_code');
    expect(error.message).toBe('Wrong email or verification code.');
  });

  it('rejects a lockout (429 too_many_attempts) with the too_many_attempts key', async () => {
    const fetch = fakeFetch(
      json(
        429,
        { error: 'too_many_attempts', error_description: 'Locked' },
        { 'Retry-After': '900' },
      ),
    );
    const error = await passwordlessLogin('auth.example.com', params, { fetch }).catch((e) => e);
    expect(error).toMatchObject({ messageKey: 'too_many_attempts', retryAfter: 900 });
  });

  it('rejects a token answer without tokens or with an unreadable id_token', async () => {
    const fetch = fakeFetch(
      json(200, { access_token: 'x' }),
      json(200, { ...tokens, id_token: 'not-a-jwt' }),
    );
    for (let i = 0; i < 2; i++) {
      const error = await passwordlessLogin('auth.example.com', params, {
        fetch,
        verifyIdToken: false,
      }).catch((e) => e);
      expect(error).toMatchObject({
        name: 'ServerError',
        error: 'invalid_response',
        messageKey: 'server',
      });
    }
  });
});

describe('decodeJwtPayload', () => {
  it('decodes base64url UTF-8 JSON', () => {
    expect(decodeJwtPayload(jwt({ name: 'Zoë ✓', n: 1 }))).toEqual({ name: 'Zoë ✓', n: 1 });
  });

  it('throws a TypeError for anything that is not a JWT with an object payload', () => {
    for (const bad of ['', 'a.b', 'a.!!!.c', `a.${btoa('[1]')}.c`, `a.${btoa('nope')}.c`]) {
      expect(() => decodeJwtPayload(bad)).toThrow(TypeError);
    }
  });
});

describe('passwordlessLogin with the otp transport and id_token validation', () => {
  it('validates the id_token by default', async () => {
    const tenant = await fakeTenant({
      'POST /oauth/token': async () =>
        json(200, {
          ...tokens,
          access_token: 'at-1',
          id_token: await tenant.idToken({ at_hash: await atHash('at-1') }),
        }),
    });
    await expect(
      passwordlessLogin(tenant.domain, params, { fetch: tenant.fetch }),
    ).resolves.toMatchObject({ accessToken: 'at-1', idTokenPayload: { iss: tenant.issuer } });
    expect(tenant.jwksCalls()).toBe(1);
  });

  it('refuses a tampered or forged id_token from the token endpoint by default', async () => {
    let idToken = '';
    const tenant = await fakeTenant({
      'POST /oauth/token': () => json(200, { ...tokens, id_token: idToken }),
    });
    // The tenant's own token with another user's email in it: the signature no longer matches.
    const [header, , signature] = (await tenant.idToken()).split('.');
    const payload = jwt({ ...claims, iss: tenant.issuer, aud: 'demo', email: 'eve@example.com' });
    const tampered = `${header}.${payload.split('.')[1]}.${signature}`;
    // And a token with the tenant's kid but no real signature.
    for (const token of [tampered, tokens.id_token]) {
      idToken = token;
      const error = await passwordlessLogin(tenant.domain, params, { fetch: tenant.fetch }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TokenValidationError);
      expect(error).toMatchObject({ check: 'signature', messageKey: 'invalid_token' });
    }

    // Only verifyIdToken: false takes it as it comes.
    idToken = tampered;
    await expect(
      passwordlessLogin(tenant.domain, params, { fetch: tenant.fetch, verifyIdToken: false }),
    ).resolves.toMatchObject({ idTokenPayload: { email: 'eve@example.com' } });
  });

  it('sends a nonce with the grant and checks that the id_token carries it', async () => {
    let sent: unknown;
    const tenant = await fakeTenant({
      'POST /oauth/token': async (call) => {
        sent = (call.body as { nonce?: string }).nonce;
        return json(200, { ...tokens, id_token: await tenant.idToken({ nonce: 'other' }) });
      },
    });
    await expect(
      passwordlessLogin(tenant.domain, { ...params, nonce: 'n-1' }, { fetch: tenant.fetch }),
    ).rejects.toMatchObject({ check: 'nonce' });
    expect(sent).toBe('n-1');
    // A nonce is checked even with verifyIdToken: false.
    await expect(
      passwordlessLogin(
        tenant.domain,
        { ...params, nonce: 'n-1' },
        { fetch: tenant.fetch, verifyIdToken: false },
      ),
    ).rejects.toMatchObject({ check: 'nonce' });
  });

  it('never retries a code verification, even after a network failure or a 503', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    await expect(
      passwordlessLogin('auth.example.com', params, { fetch: down }),
    ).rejects.toBeInstanceOf(NetworkError);
    const unavailable = fakeFetch(json(503, { error: 'unavailable' }));
    await expect(
      passwordlessLogin('auth.example.com', params, { fetch: unavailable }),
    ).rejects.toMatchObject({ status: 503 });
    expect(down.calls.length + unavailable.calls.length).toBe(2);
  });
});
