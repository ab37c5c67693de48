import { describe, expect, it } from 'vitest';
import { startTestServer } from './helpers.js';

const START = { client_id: 'demo', connection: 'email', email: 'a@example.com', send: 'code' };

describe('browser origins', () => {
  it('refuses a start from an origin the client does not list, and sends no mail', async () => {
    const server = await startTestServer();
    const response = await server.inject({
      method: 'POST',
      url: '/passwordless/start',
      headers: { origin: 'https://evil.example' },
      payload: START,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: 'access_denied',
      error_description: 'Origin https://evil.example is not allowed.',
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const inbox = await server.inject({ url: '/dev/inbox.json' });
    expect(inbox.json().messages).toEqual([]);
  });

  it("refuses an origin another client lists but this client doesn't", async () => {
    const server = await startTestServer({
      clients: [
        { client_id: 'demo', allowed_origins: ['http://localhost:5173'] },
        { client_id: 'other', allowed_origins: ['https://other.example'] },
      ],
    });
    const response = await server.inject({
      method: 'POST',
      url: '/passwordless/start',
      headers: { origin: 'https://other.example' },
      payload: START,
    });
    expect(response.statusCode).toBe(403);
    expect((await server.inject({ url: '/dev/inbox.json' })).json().messages).toEqual([]);
  });

  it('gives a listed origin CORS headers on the answer', async () => {
    const server = await startTestServer();
    for (const [i, origin] of ['http://localhost:5173', 'http://127.0.0.1:5173'].entries()) {
      const response = await server.inject({
        method: 'POST',
        url: '/passwordless/start',
        headers: { origin },
        payload: { ...START, email: `user${i}@example.com` },
      });
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

  it('gives no CORS headers to the preflight of an unknown origin', async () => {
    const server = await startTestServer();
    const response = await server.inject({
      method: 'OPTIONS',
      url: '/passwordless/start',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
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
