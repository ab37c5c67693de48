import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkError, ServerError, TimeoutError, passwordlessStart } from '../src/index.js';
import { fakeFetch, json, never } from './fake-fetch.js';

const params = { clientId: 'demo', email: 'ada@example.com' };
const started = {
  _id: 'req_1',
  email: 'ada@example.com',
  expires_in: 180,
  resend_after: 30,
  max_attempts: 3,
};

/** What passwordlessStart with `params` rejects with when `fetch` answers. */
const startError = (fetch: typeof globalThis.fetch) =>
  passwordlessStart('auth.example.com', params, { fetch }).catch((e) => e);

describe('passwordlessStart', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('posts the Auth0 start body with JSON, language and Auth0-Client headers', async () => {
    const fetch = fakeFetch(json(200, started));
    await passwordlessStart('http://localhost:3000', { ...params, language: 'fr' }, { fetch });

    const [call] = fetch.calls;
    expect(call?.url).toBe('http://localhost:3000/passwordless/start');
    expect(call?.method).toBe('POST');
    expect(call?.body).toEqual({
      client_id: 'demo',
      connection: 'email',
      email: 'ada@example.com',
      send: 'code',
      authParams: {},
    });
    expect(call?.headers.get('Content-Type')).toBe('application/json');
    expect(call?.headers.get('X-Request-Language')).toBe('fr');
    const client = JSON.parse(atob(call?.headers.get('Auth0-Client') ?? ''));
    expect(client).toEqual({ name: 'passwordless-lock', version: expect.any(String) });
  });

  it('sends no X-Request-Language when no language is given, and passes send and authParams', async () => {
    const fetch = fakeFetch(json(200, started));
    await passwordlessStart(
      'auth.example.com',
      { ...params, send: 'link', authParams: { scope: 'openid', state: 's1' } },
      { fetch },
    );
    const [call] = fetch.calls;
    expect(call?.url).toBe('https://auth.example.com/passwordless/start');
    expect(call?.headers.has('X-Request-Language')).toBe(false);
    expect(call?.body).toMatchObject({
      send: 'link',
      authParams: { scope: 'openid', state: 's1' },
    });
  });

  it('maps the answer to camelCase, including the server extensions', async () => {
    const fetch = fakeFetch(json(200, started));
    await expect(passwordlessStart('localhost:3000', params, { fetch })).resolves.toEqual({
      id: 'req_1',
      email: 'ada@example.com',
      expiresIn: 180,
      resendAfter: 30,
      maxAttempts: 3,
    });
  });

  it('reads the code length our server adds, ignoring a value that is not a number', async () => {
    const answer = (code_length: unknown) =>
      passwordlessStart('localhost:3000', params, {
        fetch: fakeFetch(json(200, { ...started, code_length })),
      });
    await expect(answer(8)).resolves.toMatchObject({ codeLength: 8 });
    await expect(answer('8')).resolves.not.toHaveProperty('codeLength');
  });

  it('leaves out the extensions a plain Auth0 answer lacks', async () => {
    const fetch = fakeFetch(
      json(200, { _id: 'x', email: 'ada@example.com', email_verified: false }),
    );
    await expect(passwordlessStart('auth.example.com', params, { fetch })).resolves.toEqual({
      id: 'x',
      email: 'ada@example.com',
    });
  });

  it('uses globalThis.fetch when no fetch is passed', async () => {
    const fetch = fakeFetch(json(200, started));
    vi.stubGlobal('fetch', fetch);
    await passwordlessStart('auth.example.com', params);
    expect(fetch.calls).toHaveLength(1);
  });

  it('rejects bad.email with the bad_email message key', async () => {
    const fetch = fakeFetch(
      json(400, { error: 'bad.email', error_description: 'email is not valid' }),
    );
    const error = await startError(fetch);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({
      name: 'ServerError',
      code: 'server_error',
      messageKey: 'bad_email',
      status: 400,
      error: 'bad.email',
      error_description: 'email is not valid',
      message: 'email is not valid',
    });
  });

  it('rejects too_many_requests as rate_limited with Retry-After in seconds', async () => {
    const fetch = fakeFetch(
      json(
        429,
        { error: 'too_many_requests', error_description: 'Slow down' },
        { 'Retry-After': '27' },
      ),
    );
    const error = await startError(fetch);
    expect(error).toMatchObject({ status: 429, messageKey: 'rate_limited', retryAfter: 27 });
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), toFake: ['Date'] });
    const fetch = fakeFetch(
      json(429, { error: 'too_many_requests' }, { 'Retry-After': 'Tue, 01 Jan 2030 00:01:30 GMT' }),
    );
    const error = await startError(fetch);
    expect(error.retryAfter).toBe(90);
  });

  it('maps an origin refusal to origin_not_allowed', async () => {
    const fetch = fakeFetch(
      json(403, {
        error: 'access_denied',
        error_description: 'Origin https://evil.example is not allowed.',
      }),
    );
    const error = await startError(fetch);
    expect(error).toMatchObject({ status: 403, messageKey: 'origin_not_allowed' });
  });

  it('maps other errors, and bodies that are not JSON, to the server key', async () => {
    const fetch = fakeFetch(
      json(400, { error: 'bad.client_id', error_description: 'Unknown client' }),
      new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const first = await startError(fetch);
    expect(first).toMatchObject({ messageKey: 'server', error: 'bad.client_id' });
    const second = await startError(fetch);
    expect(second).toMatchObject({
      messageKey: 'server',
      status: 502,
      error: 'http_502',
      error_description: 'Bad Gateway',
    });
  });

  it('turns a failed fetch into a NetworkError that keeps the cause', async () => {
    const cause = new TypeError('fetch failed');
    const fetch = fakeFetch(() => {
      throw cause;
    });
    const error = await startError(fetch);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      name: 'NetworkError',
      code: 'network_error',
      messageKey: 'network',
    });
    expect(error.cause).toBe(cause);
  });

  it('times out after options.timeout with a TimeoutError', async () => {
    const fetch = fakeFetch(never);
    const error = await passwordlessStart('auth.example.com', params, { fetch, timeout: 20 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'timeout_error', messageKey: 'timeout', timeout: 20 });
    expect(fetch.calls[0]?.signal?.aborted).toBe(true);
  });

  it('times out after 15 seconds by default', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch(never);
    const pending = passwordlessStart('auth.example.com', params, { fetch }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(fetch.calls[0]?.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toBeInstanceOf(TimeoutError);
  });

  it('honours an AbortSignal, rejecting with its reason', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(never);
    const pending = passwordlessStart('auth.example.com', params, {
      fetch,
      signal: controller.signal,
    });
    controller.abort();
    const error = await pending.catch((e) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe('AbortError');
  });

  it('does not send anything when the signal is already aborted', async () => {
    const fetch = fakeFetch(json(200, started));
    const signal = AbortSignal.abort(new Error('gone'));
    await expect(passwordlessStart('auth.example.com', params, { fetch, signal })).rejects.toThrow(
      'gone',
    );
    expect(fetch.calls).toHaveLength(0);
  });

  it('rejects bad arguments with a coded TypeError before any request', async () => {
    const fetch = fakeFetch();
    const cases: unknown[] = [
      { ...params, clientId: '' },
      { ...params, email: undefined },
      { ...params, send: 'sms' },
      { ...params, authParams: { n: 1 } },
    ];
    for (const bad of cases) {
      const error = await passwordlessStart('auth.example.com', bad as typeof params, {
        fetch,
      }).catch((e) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.code).toBe('ERR_INVALID_ARG_VALUE');
    }
    await expect(
      passwordlessStart('auth.example.com', params, { fetch, timeout: 0 }),
    ).rejects.toThrow(/timeout/);
    expect(fetch.calls).toHaveLength(0);
  });
});
