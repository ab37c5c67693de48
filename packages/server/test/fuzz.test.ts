import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
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
/** Kilobytes of text, cheaply: a short random piece repeated. */
const hugeText = (minLength: number, maxLength: number) =>
  fc
    .record({
      piece: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 }),
      length: fc.integer({ min: minLength, max: maxLength }),
    })
    .map(({ piece, length }) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** What a header value can be when it does not come through Node's parser (inject). */
const wildHeaderText = fc.oneof(
  headerText,
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u202eevil', 'a\r\nSet-Cookie: x=1', '\ud800', 'http://localhost:5173\u0000'),
  hugeText(3000, 20_000),
);
const headers = fc.record(
  {
    origin: fc.oneof(
      fc.constantFrom('http://localhost:5173', 'https://evil.example', 'null', ''),
      wildHeaderText,
    ),
    authorization: fc.oneof(
      headerText,
      headerText.map((t) => `Bearer ${t}`),
      wildHeaderText,
    ),
    'accept-language': fc.oneof(headerText, wildHeaderText),
    'x-request-language': fc.oneof(headerText, wildHeaderText),
    'x-forwarded-for': wildHeaderText,
    'auth0-client': wildHeaderText,
    'access-control-request-method': fc.constantFrom('POST', 'GET', 'DELETE', ''),
    'access-control-request-headers': wildHeaderText,
    referer: fc.oneof(fc.constantFrom('http://localhost:5173/x', 'not a url', ''), wildHeaderText),
  },
  { requiredKeys: [] },
);

const POST_ENDPOINTS = ['/passwordless/start', '/oauth/token', '/co/authenticate'] as const;
const GET_ENDPOINTS = [
  '/authorize',
  '/passwordless/verify_redirect',
  '/v2/logout',
  '/userinfo',
  '/dev/inbox.json',
  '/dev/inbox',
  '/.well-known/jwks.json',
  '/.well-known/openid-configuration',
] as const;

const postRequest: fc.Arbitrary<InjectOptions> = fc
  .record({
    url: fc.constantFrom(...POST_ENDPOINTS),
    body,
    contentType: fc.oneof(contentType, wildHeaderText),
    headers,
  })
  .map(({ url, body, contentType, headers }) => ({
    method: 'POST' as const,
    url,
    payload: body,
    headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) },
  }));

const getRequest: fc.Arbitrary<InjectOptions> = fc
  .record({ url: fc.constantFrom(...GET_ENDPOINTS), query, headers })
  .map(({ url, query, headers }) => ({
    method: 'GET' as const,
    url: `${url}?${query}`,
    headers,
  }));

/** Known and unknown paths, huge ones, and ones with control characters or broken escapes. */
const path = fc.oneof(
  fc.constantFrom(...POST_ENDPOINTS, ...GET_ENDPOINTS),
  fc.webPath(),
  fc.string({ unit: 'binary-ascii', maxLength: 64 }).map((text) => `/${text}`),
  fc.constantFrom(
    '/%',
    '/%zz',
    '/..%2f..%2fetc/passwd',
    '//evil.example/',
    '/\u202e/x',
    '/a\u0000b',
  ),
  hugeText(3000, 12_000).map((text) => `/${text}`),
);

const anyMethodRequest: fc.Arbitrary<InjectOptions> = fc
  .record({
    method: fc.constantFrom('OPTIONS', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'GET', 'POST'),
    path,
    query: fc.oneof(query, fc.string({ unit: 'binary-ascii' })),
    headers,
  })
  .map(({ method, path, query, headers }) => ({
    method: method as InjectOptions['method'],
    url: `${path}?${query}`,
    headers,
  }))
  // light-my-request builds a URL from it; a path like "/\\x" is a host to the URL parser.
  .filter(({ url }) => URL.canParse(String(url), 'http://localhost'));

/** The longest error_description any answer may have. */
const MAX_DESCRIPTION = 300;

function expectSafeDescription(description: unknown, request: string): void {
  expect(typeof description, request).toBe('string');
  expect((description as string).length, request).toBeLessThanOrEqual(MAX_DESCRIPTION);
  expect(description, request).not.toMatch(/[\p{Cc}\p{Cf}]/u);
}

/** The checks every answer must pass, whatever was sent. */
function expectSafeAnswer(options: InjectOptions, response: LightMyRequestResponse): void {
  const request = `${options.method} ${String(options.url).slice(0, 200)}`;
  expect(response.statusCode, request).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(response.headers['content-type'], request).toMatch(/^application\/json/);
    if (options.method === 'HEAD') return;
    const error = response.json();
    expect(Object.keys(error).sort(), request).toEqual(['error', 'error_description']);
    expect(typeof error.error, request).toBe('string');
    expectSafeDescription(error.error_description, request);
  }
  // /authorize and magic links send their errors to the redirect_uri.
  const location = response.headers.location;
  if (typeof location === 'string') {
    const url = new URL(location);
    for (const params of [url.searchParams, new URLSearchParams(url.hash.slice(1))]) {
      const description = params.get('error_description');
      if (description !== null) expectSafeDescription(description, request);
    }
  }
}

describe('fuzzing every endpoint with malformed requests', () => {
  const runs = { post: 4_000, get: 3_000, anyMethod: 3_000 };

  async function fuzz(requests: fc.Arbitrary<InjectOptions>, numRuns: number): Promise<void> {
    const sent: unknown[] = [];
    const mailer: Mailer = { send: async (mail) => void sent.push(mail), close: async () => {} };
    const server = await startTestServer(
      { rate_limits: { start_per_ip_per_hour: 1_000_000 } },
      { deps: { mailer } },
    );
    await fc.assert(
      fc.asyncProperty(requests, async (options) => {
        expectSafeAnswer(options, await server.inject(options));
      }),
      { numRuns },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }

  it(`never answers 5xx to ${runs.post} POSTs with malformed bodies, and every error is Auth0-shaped`, async () => {
    await fuzz(postRequest, runs.post);
  }, 120_000);

  it(`never answers 5xx to ${runs.get} GETs with malformed queries, and every error is Auth0-shaped`, async () => {
    await fuzz(getRequest, runs.get);
  }, 120_000);

  it(`never answers 5xx to ${runs.anyMethod} requests of any method to any path, and every error is Auth0-shaped`, async () => {
    await fuzz(anyMethodRequest, runs.anyMethod);
  }, 120_000);
});
