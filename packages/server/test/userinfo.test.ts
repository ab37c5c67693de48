import { describe, expect, it } from 'vitest';
import { startTestServer } from './helpers.js';

async function loggedIn(scope = 'openid profile email') {
  const server = await startTestServer();
  await server.start('a@example.com');
  const tokens = (
    await server.token('a@example.com', await server.codeFromInbox('a@example.com'), { scope })
  ).json();
  return { server, tokens };
}

describe('GET /userinfo', () => {
  it('refuses a request without a bearer token with 401 and WWW-Authenticate', async () => {
    const server = await startTestServer();
    const response = await server.inject({ url: '/userinfo' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(
      /^Bearer realm="http:\/\/localhost:3000\/", error="invalid_token"/,
    );
    expect(response.json()).toEqual({
      error: 'invalid_token',
      error_description: 'Missing bearer access token.',
    });
  });

  it('refuses an unknown token', async () => {
    const server = await startTestServer();
    const response = await server.inject({
      url: '/userinfo',
      headers: { authorization: 'Bearer abc' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('invalid_token');
  });

  it('refuses an expired token', async () => {
    const { server, tokens } = await loggedIn();
    server.clock.now += 86_400_000;
    const response = await server.inject({
      url: '/userinfo',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error_description).toBe('The access token expired.');
  });

  it('returns only the claims the granted scope covers', async () => {
    const { server, tokens } = await loggedIn('openid email');
    expect(tokens.scope).toBe('openid email');
    const response = await server.inject({
      url: '/userinfo',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(Object.keys(response.json()).sort()).toEqual(['email', 'email_verified', 'sub']);
  });

  it('refuses a browser origin the token’s client does not list', async () => {
    const { server, tokens } = await loggedIn();
    const response = await server.inject({
      url: '/userinfo',
      headers: { authorization: `Bearer ${tokens.access_token}`, origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('access_denied');
  });
});
