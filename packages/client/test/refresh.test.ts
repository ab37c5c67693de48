import { describe, expect, it } from 'vitest';
import {
  NetworkError,
  ServerError,
  TokenValidationError,
  passwordlessLogin,
  refreshTokens,
  revokeToken,
} from '../src/index.js';
import { fakeFetch, json, jwt } from './fake-fetch.js';
import { fakeTenant } from './tenant.js';

const spent = {
  error: 'invalid_grant',
  error_description: 'Unknown or invalid refresh token.',
};

describe('refreshTokens', () => {
  it('posts the refresh_token grant as JSON and answers with the next refresh token', async () => {
    const tenant = await fakeTenant({
      'POST /oauth/token': async () =>
        json(200, {
          access_token: 'at-2',
          id_token: await tenant.idToken(),
          refresh_token: 'rt-2',
          token_type: 'Bearer',
          expires_in: 86400,
          scope: 'openid profile email offline_access',
        }),
    });
    const result = await refreshTokens(
      tenant.domain,
      { clientId: 'demo', refreshToken: 'rt-1' },
      { fetch: tenant.fetch },
    );
    const [call] = tenant.calls;
    expect(call?.url).toBe(`${tenant.origin}/oauth/token`);
    expect(call?.method).toBe('POST');
    expect(call?.headers.get('Content-Type')).toBe('application/json');
    // No scope given: none sent, so the server keeps the login's.
    expect(call?.body).toEqual({
      grant_type: 'refresh_token',
      client_id: 'demo',
      refresh_token: 'rt-1',
    });
    expect(result).toMatchObject({
      accessToken: 'at-2',
      refreshToken: 'rt-2',
      tokenType: 'Bearer',
      expiresIn: 86400,
      scope: 'openid profile email offline_access',
      idTokenPayload: { sub: 'email|0123456789abcdef01234567', aud: 'demo' },
    });
  });

  it('sends a narrower scope when given', async () => {
    const tenant = await fakeTenant({
      'POST /oauth/token': async () =>
        json(200, { access_token: 'at', id_token: await tenant.idToken(), refresh_token: 'rt' }),
    });
    await refreshTokens(
      tenant.domain,
      { clientId: 'demo', refreshToken: 'rt-1', scope: 'openid' },
      { fetch: tenant.fetch },
    );
    expect(tenant.calls[0]?.body).toMatchObject({ scope: 'openid' });
  });

  it('validates the new id_token: one for another client is refused', async () => {
    const tenant = await fakeTenant({
      'POST /oauth/token': async () =>
        json(200, { access_token: 'at', id_token: await tenant.idToken({ aud: 'other' }) }),
    });
    const error = await refreshTokens(
      tenant.domain,
      { clientId: 'demo', refreshToken: 'rt-1' },
      { fetch: tenant.fetch },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(TokenValidationError);
    expect(error).toMatchObject({ check: 'aud' });
  });

  it('rejects a spent, revoked or unknown token with the server error (403 invalid_grant)', async () => {
    const fetch = fakeFetch(json(403, spent));
    const error = await refreshTokens(
      'auth.example.com',
      { clientId: 'demo', refreshToken: 'rt-spent' },
      { fetch },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({
      status: 403,
      error: 'invalid_grant',
      error_description: 'Unknown or invalid refresh token.',
      message: 'Unknown or invalid refresh token.',
    });
  });

  it('is never retried: a second try could present a token the first one spent', async () => {
    const fetch = fakeFetch(json(503, { error: 'unavailable' }), json(200, {}));
    const error = await refreshTokens(
      'auth.example.com',
      { clientId: 'demo', refreshToken: 'rt-1' },
      { fetch },
    ).catch((e) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(fetch.calls).toHaveLength(1);
  });

  it('refuses bad arguments before any request', async () => {
    const fetch = fakeFetch();
    for (const params of [
      { clientId: '', refreshToken: 'rt' },
      { clientId: 'demo', refreshToken: '' },
      { clientId: 'demo', refreshToken: 'rt', scope: 7 },
    ]) {
      await expect(
        refreshTokens('auth.example.com', params as never, { fetch }),
      ).rejects.toMatchObject({ name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE' });
    }
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('revokeToken', () => {
  it('posts client_id and token to /oauth/revoke and takes the empty 200', async () => {
    const fetch = fakeFetch(new Response(null, { status: 200 }));
    await expect(
      revokeToken('http://127.0.0.1:3000', { clientId: 'demo', token: 'rt-1' }, { fetch }),
    ).resolves.toBeUndefined();
    const [call] = fetch.calls;
    expect(call?.url).toBe('http://127.0.0.1:3000/oauth/revoke');
    expect(call?.method).toBe('POST');
    expect(call?.body).toEqual({ client_id: 'demo', token: 'rt-1' });
  });

  it('retries once after a network failure (revoking twice is harmless)', async () => {
    const fetch = fakeFetch(
      () => Promise.reject(new TypeError('fetch failed')),
      new Response('', { status: 200 }),
    );
    await revokeToken('auth.example.com', { clientId: 'demo', token: 'rt-1' }, { fetch });
    expect(fetch.calls).toHaveLength(2);
  });

  it('rejects an error answer as a ServerError and a dead server as a NetworkError', async () => {
    const refused = fakeFetch(json(401, { error: 'invalid_client', error_description: 'No.' }));
    await expect(
      revokeToken('auth.example.com', { clientId: 'x', token: 'rt' }, { fetch: refused }),
    ).rejects.toMatchObject({ name: 'ServerError', status: 401, error: 'invalid_client' });
    const down = fakeFetch(
      () => Promise.reject(new TypeError('fetch failed')),
      () => Promise.reject(new TypeError('fetch failed')),
    );
    await expect(
      revokeToken('auth.example.com', { clientId: 'x', token: 'rt' }, { fetch: down }),
    ).rejects.toBeInstanceOf(NetworkError);
  });

  it('refuses a missing token before any request', async () => {
    const fetch = fakeFetch();
    await expect(
      revokeToken('auth.example.com', { clientId: 'demo', token: '' }, { fetch }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_VALUE' });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('a login that asked for offline_access', () => {
  it('carries the refresh token; one without it has no refreshToken', async () => {
    const answer = { access_token: 'at', id_token: jwt({ sub: 's' }), expires_in: 60 };
    const fetch = fakeFetch(json(200, { ...answer, refresh_token: 'rt-1' }), json(200, answer));
    const params = {
      clientId: 'demo',
      email: 'ada@example.com',
      code: '123456',
      scope: 'openid offline_access',
    };
    const options = { fetch, verifyIdToken: false };
    await expect(passwordlessLogin('auth.example.com', params, options)).resolves.toMatchObject({
      refreshToken: 'rt-1',
    });
    expect(fetch.calls[0]?.body).toMatchObject({ scope: 'openid offline_access' });
    expect(await passwordlessLogin('auth.example.com', params, options)).not.toHaveProperty(
      'refreshToken',
    );
  });
});
