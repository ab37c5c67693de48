import { describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { OTP_GRANT } from '../src/app.js';
import { quoteInput } from '../src/errors.js';
import { startTestServer } from './helpers.js';

const START = { client_id: 'demo', connection: 'email', email: 'a@example.com', send: 'code' };

describe('POST /passwordless/start refuses bad input with Auth0 errors', () => {
  it.each([
    [
      { ...START, extra: 1, other: 'x' },
      'bad.request',
      'the following properties are not allowed: extra, other',
    ],
    [{ ...START, client_id: 'nope' }, 'bad.client_id', 'Unknown client.'],
    [{ ...START, client_id: 42 }, 'bad.client_id', undefined],
    [{ ...START, connection: 'sms' }, 'bad.connection', 'Connection does not exist.'],
    [{ ...START, email: 'not-an-email' }, 'bad.email', 'Invalid email address.'],
    [
      { ...START, email: 'a@example.com\r\nBcc: victim@example.com' },
      'bad.email',
      'Invalid email address.',
    ],
    [{ ...START, email: 'a@exa\u0000mple.com' }, 'bad.email', 'Invalid email address.'],
    [{ ...START, email: ['a@example.com'] }, 'bad.email', undefined],
    [{ ...START, send: 'carrier-pigeon' }, 'bad.send', undefined],
    [
      { ...START, send: 'link' },
      'bad.authParams',
      expect.stringContaining('is not a registered callback'),
    ],
    [
      { ...START, send: 'link', authParams: { redirect_uri: 'https://evil.example/' } },
      'bad.authParams',
      'The redirect_uri https://evil.example/ is not a registered callback of the client.',
    ],
    [
      { ...START, send: 'link', authParams: { redirect_uri: 'http://localhost:5173/' } },
      'bad.authParams',
      'PKCE is required: send code_challenge with method S256.',
    ],
    [{ ...START, authParams: { scope: ['openid'] } }, 'bad.authParams', undefined],
    [{ ...START, authParams: 'x' }, 'bad.authParams', undefined],
    [{ client_id: 'demo', connection: 'email' }, 'bad.email', 'Missing required property: email'],
  ])('%j → 400 %s', async (payload, error, description) => {
    const server = await startTestServer();
    const response = await server.inject({ method: 'POST', url: '/passwordless/start', payload });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe(error);
    expect(typeof body.error_description).toBe('string');
    if (description !== undefined) expect(body.error_description).toEqual(description);
    const inbox = await server.inject({ url: '/dev/inbox.json' });
    expect(inbox.json().messages).toEqual([]);
  });

  it.each([
    ['malformed JSON', 'application/json', '{"client_id": "demo",', 400],
    ['empty JSON', 'application/json', '', 400],
    ['a JSON array', 'application/json', '[1,2]', 400],
    ['JSON null', 'application/json', 'null', 400],
    ['prototype poisoning', 'application/json', '{"__proto__": {"x": 1}}', 400],
    ['plain text', 'text/plain', 'client_id=demo', 400],
    ['an unknown content type', 'application/xml', '<start/>', 415],
    [
      'a huge body',
      'application/json',
      JSON.stringify({ ...START, email: 'a'.repeat(20_000) }),
      413,
    ],
  ])('%s → %i with an Auth0-shaped body', async (_name, contentType, payload, status) => {
    const server = await startTestServer();
    const response = await server.inject({
      method: 'POST',
      url: '/passwordless/start',
      headers: { 'content-type': contentType },
      payload,
    });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({
      error: 'bad.request',
      error_description: expect.any(String),
    });
  });
});

describe('POST /oauth/token refuses bad input with OAuth errors', () => {
  it('answers 400 unsupported_grant_type for an unknown grant', async () => {
    const server = await startTestServer();
    const response = await server.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', client_id: 'demo', username: 'a', password: 'b' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'Unsupported grant type: password',
    });
  });

  it.each([
    ['malformed JSON', 'application/json', '{"grant_type"', 400],
    ['a missing grant_type', 'application/json', '{}', 400],
    [
      'a number as otp',
      'application/json',
      JSON.stringify({ grant_type: OTP_GRANT, otp: 123456 }),
      400,
    ],
    [
      'a missing otp',
      'application/json',
      JSON.stringify({
        grant_type: OTP_GRANT,
        client_id: 'demo',
        username: 'a@example.com',
        realm: 'email',
      }),
      400,
    ],
    [
      'a huge body',
      'application/json',
      JSON.stringify({ grant_type: OTP_GRANT, x: 'y'.repeat(20_000) }),
      413,
    ],
    ['an unknown content type', 'text/csv', 'a,b', 415],
  ])('%s → %i invalid_request', async (_name, contentType, payload, status) => {
    const server = await startTestServer();
    const response = await server.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': contentType },
      payload,
    });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({
      error: 'invalid_request',
      error_description: expect.any(String),
    });
  });

  it('answers 401 invalid_client for an unknown client', async () => {
    const server = await startTestServer();
    const response = await server.token('a@example.com', '123456', { client_id: 'nope' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('invalid_client');
  });

  it('answers 403 unauthorized_client when the client may not use the grant', async () => {
    const server = await startTestServer({
      clients: [{ client_id: 'demo', grant_types: ['authorization_code'] }],
    });
    const response = await server.token('a@example.com', '123456');
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('unauthorized_client');
  });

  it('refuses an audience, since no API is configured', async () => {
    const server = await startTestServer();
    const response = await server.token('a@example.com', '123456', { audience: 'https://api' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: 'access_denied',
      error_description: 'Service not found: https://api',
    });
  });
});

describe('unknown endpoints', () => {
  it('answer 404 in the Auth0 shape', async () => {
    const server = await startTestServer();
    const response = await server.inject({ url: '/nope?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: 'not_found',
      error_description: 'No endpoint GET /nope.',
    });
  });

  it('answer a path with a broken percent-encoding with 400 in the Auth0 shape', async () => {
    const server = await startTestServer();
    const response = await server.inject({ url: `/%zz${'x'.repeat(5000)}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'The URL is not valid: it has a broken percent-encoding.',
    });
  });

  it('answer an OPTIONS that is no CORS preflight with 404 in the Auth0 shape', async () => {
    const server = await startTestServer();
    const response = await server.inject({
      method: 'OPTIONS',
      url: '/passwordless/start',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: 'not_found',
      error_description: 'No endpoint OPTIONS /passwordless/start.',
    });
  });

  it('answer a preflight from an Origin no browser sends without echoing it', async () => {
    const server = await startTestServer();
    const response = await server.inject({
      method: 'OPTIONS',
      url: '/passwordless/start',
      headers: { origin: 'https://evil.example\u0001', 'access-control-request-method': 'POST' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.json().error).toBe('not_found');
  });
});

describe('error descriptions quote request input', () => {
  it('without control or bidi characters, cut to 64 characters', () => {
    expect(quoteInput('a\u0000b\r\nc\u202ed\u2066e\u200bf\u0085g\u2028h')).toBe('abcdefgh');
    expect(quoteInput('x'.repeat(64))).toBe('x'.repeat(64));
    expect(quoteInput('x'.repeat(65))).toBe(`${'x'.repeat(64)}…`);
    // Cut between characters, never inside a surrogate pair; lone surrogates are dropped.
    expect(quoteInput('😀'.repeat(100))).toBe(`${'😀'.repeat(64)}…`);
    expect(quoteInput('a\ud800b')).toBe('ab');
    expect(quoteInput(undefined)).toBe('(none)');
  });

  // Thousands of characters, a forged line and a right-to-left override in each quoted value.
  const evil = `evil\r\nX-Injected: 1\u202e${'A'.repeat(3000)}`;
  const form = (payload: Record<string, string>): InjectOptions => ({
    method: 'POST',
    url: '/oauth/token',
    payload,
  });
  const authorize = (params: Record<string, string>): InjectOptions => ({
    url: `/authorize?${new URLSearchParams({ client_id: 'demo', ...params })}`,
  });
  const pkce = {
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  };
  it.each<[string, InjectOptions, string]>([
    ['grant_type', form({ grant_type: evil.slice(0, 500) }), 'Unsupported grant type: evil'],
    [
      'audience',
      form({
        grant_type: OTP_GRANT,
        client_id: 'demo',
        username: 'a@example.com',
        otp: '1',
        realm: 'email',
        audience: evil.slice(0, 2000),
      }),
      'Service not found: evil',
    ],
    ['an unknown path', { url: `/${encodeURIComponent(evil)}` }, 'No endpoint GET /evil'],
    [
      'Origin',
      {
        method: 'POST',
        url: '/passwordless/start',
        headers: { origin: evil },
        payload: { client_id: 'demo', connection: 'email', email: 'a@example.com', send: 'code' },
      },
      'Origin evil',
    ],
    [
      'credential_type',
      {
        method: 'POST',
        url: '/co/authenticate',
        headers: { origin: 'http://localhost:5173' },
        payload: {
          client_id: 'demo',
          username: 'a@example.com',
          otp: '1',
          realm: 'email',
          credential_type: evil.slice(0, 256),
        },
      },
      'Unsupported credential_type: evil',
    ],
    [
      'redirect_uri',
      authorize({ response_type: 'code', redirect_uri: evil.slice(0, 2000) }),
      'The redirect_uri evil',
    ],
    [
      'response_mode',
      authorize({ response_type: 'code', response_mode: evil.slice(0, 2000) }),
      'Unsupported response_mode: evil',
    ],
    [
      'a web_message origin',
      authorize({
        response_type: 'token',
        response_mode: 'web_message',
        redirect_uri: `https://${'a'.repeat(1000)}.example/`,
      }),
      'The origin https://aaaa',
    ],
    [
      'returnTo',
      { url: `/v2/logout?${new URLSearchParams({ returnTo: evil.slice(0, 2000) })}` },
      'The returnTo URL evil',
    ],
    [
      'unknown /passwordless/start properties',
      {
        method: 'POST',
        url: '/passwordless/start',
        payload: { client_id: 'demo', connection: 'email', email: 'a@example.com', [evil]: 1 },
      },
      'the following properties are not allowed: evil',
    ],
    [
      'an authParams key',
      {
        method: 'POST',
        url: '/passwordless/start',
        payload: {
          client_id: 'demo',
          connection: 'email',
          email: 'a@example.com',
          authParams: { [evil]: 1 },
        },
      },
      'authParams.evil',
    ],
  ])('%s', async (_name, request, start) => {
    const server = await startTestServer();
    const response = await server.inject(request);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    const description: string = response.json().error_description;
    expect(description.startsWith(start), description).toBe(true);
    expect(description.length).toBeLessThanOrEqual(160);
    expect(description).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(description).toContain('…');
  });

  it('sends the quoted description to the redirect_uri too', async () => {
    const server = await startTestServer();
    const response = await server.inject(
      authorize({
        response_type: evil.slice(0, 2000),
        redirect_uri: 'http://localhost:5173/',
        ...pkce,
      }),
    );
    expect(response.statusCode).toBe(302);
    // Not only `code`, so the answer goes in the fragment.
    const answer = new URLSearchParams(new URL(response.headers.location as string).hash.slice(1));
    expect(answer.get('error')).toBe('unsupported_response_type');
    const description = answer.get('error_description')!;
    expect(description).toMatch(/^Unsupported response type: evilX-Injected: 1A+…$/);
  });
});
