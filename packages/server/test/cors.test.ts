import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { OTP_GRANT } from '../src/app.js';
import { startTestServer } from './helpers.js';

const EVIL = 'https://evil.example';

/**
 * The 403 for an unlisted origin that the page may read (to say "this site is not allowed"):
 * CORS headers for that origin, with credentials only where the route's callers send them.
 */
function expectReadableRefusal(response: LightMyRequestResponse, credentials?: 'true'): void {
  expect(response.statusCode).toBe(403);
  expect(response.json()).toEqual({
    error: 'access_denied',
    error_description: `Origin ${EVIL} is not allowed.`,
  });
  expect(response.headers['access-control-allow-origin']).toBe(EVIL);
  expect(response.headers.vary).toContain('Origin');
  expect(response.headers['access-control-allow-credentials']).toBe(credentials);
}

describe('browser origins', () => {
  it('refuses a start from an origin the client does not list readably, and sends no mail', async () => {
    const server = await startTestServer();
    expectReadableRefusal(await server.start('a@example.com', {}, { origin: EVIL }));
    await server.mailSettled();
    const inbox = await server.inject({ url: '/dev/inbox.json' });
    expect(inbox.json().messages).toEqual([]);
  });

  it('refuses a token request from an unlisted origin readably, and issues nothing', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    const code = await server.codeFromInbox('a@example.com');
    const refused = await server.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { origin: EVIL },
      payload: {
        grant_type: OTP_GRANT,
        client_id: 'demo',
        username: 'a@example.com',
        otp: code,
        realm: 'email',
      },
    });
    expectReadableRefusal(refused);
    // The code was not used up: the refusal came before it was looked at.
    expect((await server.token('a@example.com', code)).statusCode).toBe(200);
  });

  it('refuses /co/authenticate from an unlisted origin readably, with credentials as auth0.js sends them', async () => {
    const server = await startTestServer();
    const response = await server.inject({
      method: 'POST',
      url: '/co/authenticate',
      headers: { origin: EVIL },
      payload: {
        client_id: 'demo',
        username: 'a@example.com',
        otp: '123456',
        realm: 'email',
        credential_type: OTP_GRANT,
      },
    });
    expectReadableRefusal(response, 'true');
    expect(response.json()).not.toHaveProperty('login_ticket');
  });

  it('gives an unlisted origin no CORS headers on other failures of those routes', async () => {
    const server = await startTestServer();
    const response = await server.start('a@example.com', { client_id: 'nobody' }, { origin: EVIL });
    expect(response.statusCode).toBe(400);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("refuses an origin another client lists but this client doesn't", async () => {
    const server = await startTestServer({
      clients: [
        { client_id: 'demo', allowed_origins: ['http://localhost:5173'] },
        { client_id: 'other', allowed_origins: ['https://other.example'] },
      ],
    });
    const response = await server.start('a@example.com', {}, { origin: 'https://other.example' });
    expect(response.statusCode).toBe(403);
    await server.mailSettled();
    expect((await server.inject({ url: '/dev/inbox.json' })).json().messages).toEqual([]);
  });

  it('gives a listed origin CORS headers on the answer', async () => {
    const server = await startTestServer();
    for (const [i, origin] of ['http://localhost:5173', 'http://127.0.0.1:5173'].entries()) {
      const response = await server.start(`user${i}@example.com`, {}, { origin });
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(response.headers.vary).toContain('Origin');
    }
  });

  it('answers the preflight of a listed origin', async () => {
    const server = await startTestServer();
    const response = await server.inject({
      method: 'OPTIONS',
      url: '/oauth/token',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-request-language, auth0-client',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(response.headers['access-control-allow-methods']).toContain('POST');
    expect(response.headers['access-control-allow-headers']).toBe(
      'Content-Type, Authorization, X-Request-Language, Auth0-Client',
    );
  });

  it.each([
    ['/passwordless/start', undefined],
    ['/oauth/token', undefined],
    ['/co/authenticate', 'true'],
  ])(
    'answers the preflight of an unknown origin at %s, so the refusal can be read',
    async (url, credentials) => {
      const server = await startTestServer();
      const response = await server.inject({
        method: 'OPTIONS',
        url,
        headers: {
          origin: EVIL,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(EVIL);
      expect(response.headers['access-control-allow-methods']).toContain('POST');
      expect(response.headers['access-control-allow-headers']).toContain('Content-Type');
      expect(response.headers['access-control-allow-credentials']).toBe(credentials);
      expect(response.headers.vary).toContain('Origin');
    },
  );

  it.each(['/userinfo', '/authorize', '/v2/logout'])(
    'gives no CORS headers to the preflight of an unknown origin at %s',
    async (url) => {
      const server = await startTestServer();
      const response = await server.inject({
        method: 'OPTIONS',
        url,
        headers: { origin: EVIL, 'access-control-request-method': 'GET' },
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    },
  );

  it('gives no CORS headers to an unknown origin at /userinfo', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    const tokens = await server.token('a@example.com', await server.codeFromInbox('a@example.com'));
    const response = await server.inject({
      url: '/userinfo',
      headers: {
        origin: EVIL,
        authorization: `Bearer ${tokens.json().access_token}`,
      },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets any origin read discovery and the JWKS', async () => {
    const server = await startTestServer();
    for (const url of ['/.well-known/jwks.json', '/.well-known/openid-configuration']) {
      const response = await server.inject({ url, headers: { origin: 'https://anyone.example' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe('*');
    }
  });
});
