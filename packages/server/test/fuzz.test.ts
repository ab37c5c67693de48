import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { OTP_GRANT, type Mailer } from '../src/app.js';
import { startTestServer } from './helpers.js';

const FIELDS = [
  'client_id',
  'connection',
  'email',
  'send',
  'authParams',
  'grant_type',
  'username',
  'otp',
  'realm',
  'scope',
  'audience',
  'code',
  'code_verifier',
  'redirect_uri',
  'credential_type',
  'response_type',
  'response_mode',
  'state',
  'nonce',
  'login_ticket',
  'code_challenge',
  'code_challenge_method',
  'verification_code',
  'returnTo',
  '__proto__',
  'constructor',
  'prototype',
];

const trickyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    'demo',
    'email',
    'code',
    'link',
    OTP_GRANT,
    'authorization_code',
    'a@example.com',
    'a@example.com\r\nBcc: x@example.com',
    'ａ@ｅxample.com',
    'a\u0000@example.com',
    'a@xn--80ak6aa92e.com',
    '"a b"@example.com',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'token id_token',
    'web_message',
    '{{ code }}{% raw %}',
    '',
  ),
  fc.string({ minLength: 3000, maxLength: 5000 }),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    trickyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS, 'x'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const fields = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 });

const body = fc.oneof(
  fields.map((object) => JSON.stringify(object)),
  // Keys that JSON.parse turns into own properties named __proto__.
  fields.map((object) => `{"__proto__":{"polluted":1},${JSON.stringify(object).slice(1)}`),
  fc.json(),
  fc.string({ unit: 'binary' }),
  fields.map((object) =>
    Object.entries(object)
      .map(
        ([k, v]) =>
          `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`,
      )
      .join('&'),
  ),
  fc.constant('x'.repeat(20_000)),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  undefined,
);

const query = fields.map((object) => {
  const params = new URLSearchParams();
  for (const [key, v] of Object.entries(object)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      params.append(key, typeof item === 'string' ? item : JSON.stringify(item));
    }
  }
  return params.toString();
});

const headerText = fc.string({
  unit: fc.constantFrom(...'abcdefghij-_.,;=*0123456789 /:'.split('')),
});
const headers = fc.record(
  {
    origin: fc.constantFrom('http://localhost:5173', 'https://evil.example', 'null', ''),
    authorization: fc.oneof(
      headerText,
      headerText.map((t) => `Bearer ${t}`),
    ),
    'accept-language': headerText,
    'x-request-language': headerText,
    referer: fc.constantFrom('http://localhost:5173/x', 'not a url', ''),
  },
  { requiredKeys: [] },
);

const request: fc.Arbitrary<InjectOptions> = fc.oneof(
  fc
    .record({
      method: fc.constant('POST' as const),
      url: fc.constantFrom('/passwordless/start', '/oauth/token', '/co/authenticate'),
      body,
      contentType,
      headers,
    })
    .map(({ method, url, body, contentType, headers }) => ({
      method,
      url,
      payload: body,
      headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) },
    })),
  fc
    .record({
      url: fc.constantFrom(
        '/authorize',
        '/passwordless/verify_redirect',
        '/v2/logout',
        '/userinfo',
        '/dev/inbox.json',
        '/.well-known/jwks.json',
      ),
      query,
      headers,
    })
    .map(({ url, query, headers }) => ({
      method: 'GET' as const,
      url: `${url}?${query}`,
      headers,
    })),
);

describe('fuzzing every endpoint with malformed requests', () => {
  it('never answers 5xx, and every error is Auth0-shaped', async () => {
    const sent: unknown[] = [];
    const mailer: Mailer = { send: async (mail) => void sent.push(mail), close: async () => {} };
    const server = await startTestServer(
      { rate_limits: { start_per_ip_per_hour: 1_000_000 } },
      { deps: { mailer } },
    );
    await fc.assert(
      fc.asyncProperty(request, async (options) => {
        const response = await server.inject(options);
        expect(response.statusCode, `${options.method} ${options.url}`).toBeLessThan(500);
        if (response.statusCode >= 400) {
          const error = response.json();
          expect(typeof error.error).toBe('string');
          expect(typeof error.error_description).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);
});
