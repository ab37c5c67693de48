import { describe, expect, it } from 'vitest';
import { userInfo } from '../src/index.js';
import { fakeFetch, json } from './fake-fetch.js';

describe('userInfo', () => {
  it('gets /userinfo with the bearer token and resolves with the claims', async () => {
    const profile = {
      sub: 'email|1',
      email: 'ada@example.com',
      name: 'Ada',
      picture: 'https://x/p.png',
    };
    const fetch = fakeFetch(json(200, profile));
    await expect(userInfo('auth.example.com', 'at-1', { fetch })).resolves.toEqual(profile);
    const [call] = fetch.calls;
    expect(call?.url).toBe('https://auth.example.com/userinfo');
    expect(call?.method).toBe('GET');
    expect(call?.headers.get('Authorization')).toBe('Bearer at-1');
    expect(call?.headers.has('Content-Type')).toBe(false);
  });

  it('rejects a 401 as a ServerError with the server key', async () => {
    const fetch = fakeFetch(json(401, { error: 'invalid_token', error_description: 'expired' }));
    await expect(userInfo('auth.example.com', 'at-1', { fetch })).rejects.toMatchObject({
      name: 'ServerError',
      status: 401,
      error: 'invalid_token',
      messageKey: 'server',
    });
  });

  it('rejects an empty access token', async () => {
    await expect(userInfo('auth.example.com', '')).rejects.toThrow(TypeError);
  });
});

describe('userInfo retries', () => {
  it('retries once after a network failure or a 503 (reading is safe to repeat)', async () => {
    const profile = { sub: 'email|1' };
    const flaky = fakeFetch(
      () => Promise.reject(new TypeError('socket hang up')),
      json(200, profile),
    );
    await expect(userInfo('auth.example.com', 'at', { fetch: flaky })).resolves.toEqual(profile);
    expect(flaky.calls).toHaveLength(2);
    const unavailable = fakeFetch(json(503, { error: 'unavailable' }), json(200, profile));
    await expect(userInfo('auth.example.com', 'at', { fetch: unavailable })).resolves.toEqual(
      profile,
    );
  });

  it('gives up after the second failure', async () => {
    const down = fakeFetch(
      json(503, { error: 'unavailable' }),
      json(503, { error: 'unavailable' }),
    );
    await expect(userInfo('auth.example.com', 'at', { fetch: down })).rejects.toMatchObject({
      status: 503,
    });
    expect(down.calls).toHaveLength(2);
  });
});
