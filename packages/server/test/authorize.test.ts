import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  MESSAGES_API,
  OVERREACHING_SCOPE,
  startTestServer,
  wrongCode,
  type TestServer,
} from './helpers.js';

const APP = 'http://localhost:5173';
const CALLBACK = 'http://localhost:5173/';
const EMAIL = 'ticket@example.com';
const VERIFIER = 'dBjftJeZ4CVP-mJ92K9-1JoO3oFeb9XaB8Td9rnq5kw';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

async function loginTicket(server: TestServer, origin = APP): Promise<string> {
  expect((await server.start(EMAIL)).statusCode).toBe(200);
  const response = await server.coAuthenticate(EMAIL, await server.codeFromInbox(EMAIL), origin);
  expect(response.statusCode).toBe(200);
  return response.json().login_ticket;
}

function authorize(server: TestServer, params: Record<string, string>) {
  const query = new URLSearchParams({
    client_id: 'demo',
    redirect_uri: CALLBACK,
    response_type: 'token id_token',
    scope: 'openid profile email',
    state: 'st-123',
    nonce: 'no-456',
    ...params,
  });
  return server.inject({ url: `/authorize?${query}` });
}

/** The parameters of a redirect, from its fragment or its query. */
function redirectParams(location: string | undefined): Record<string, string> {
  expect(location).toBeDefined();
  const url = new URL(location!);
  return Object.fromEntries(new URLSearchParams(url.hash ? url.hash.slice(1) : url.search));
}

describe('/co/authenticate', () => {
  it('mints a login ticket only for a web origin of the client and the right code', async () => {
    const server = await startTestServer();
    await server.start(EMAIL);
    const code = await server.codeFromInbox(EMAIL);

    const evil = await server.coAuthenticate(EMAIL, code, 'https://evil.example');
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toEqual({
      error: 'access_denied',
      error_description: 'Origin https://evil.example is not allowed.',
    });
    expect((await server.coAuthenticate(EMAIL, code)).statusCode).toBe(403);
    const wrong = await server.coAuthenticate(EMAIL, wrongCode(code), APP);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error_description).toBe('Wrong email or verification code.');

    const ok = await server.coAuthenticate(EMAIL, code, APP);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe(APP);
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    expect(ok.json()).toEqual({
      login_ticket: expect.stringMatching(/^[\w-]{43}$/),
      co_verifier: expect.any(String),
      co_id: expect.any(String),
    });
    // The code was single use.
    expect((await server.coAuthenticate(EMAIL, code, APP)).statusCode).toBe(403);
  });
});

describe('/authorize with a login ticket', () => {
  it('redirects tokens in the fragment with state and nonce echoed, and the ticket works once', async () => {
    const server = await startTestServer();
    const ticket = await loginTicket(server);
    const response = await authorize(server, { login_ticket: ticket });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location!.startsWith(`${CALLBACK}#`)).toBe(true);
    const params = redirectParams(response.headers.location);
    expect(params).toMatchObject({ token_type: 'Bearer', state: 'st-123', expires_in: '86400' });
    const idToken = decodeJwt(params.id_token!);
    expect(idToken).toMatchObject({ nonce: 'no-456', aud: 'demo', email: EMAIL });
    expect(idToken.at_hash).toBe(
      createHash('sha256')
        .update(params.access_token!)
        .digest()
        .subarray(0, 16)
        .toString('base64url'),
    );

    const again = await authorize(server, { login_ticket: ticket });
    expect(redirectParams(again.headers.location)).toEqual({
      error: 'access_denied',
      error_description: 'Invalid or expired login ticket.',
      state: 'st-123',
    });
  });

  it('refuses an expired ticket and a ticket presented for another origin', async () => {
    const server = await startTestServer({
      clients: [
        {
          client_id: 'demo',
          web_origins: [APP, 'https://other.example'],
          callbacks: [CALLBACK, 'https://other.example/cb'],
        },
      ],
      tokens: { login_ticket_lifetime_s: 30 },
    });
    const expired = await loginTicket(server);
    server.clock.now += 31_000;
    expect(
      redirectParams((await authorize(server, { login_ticket: expired })).headers.location).error,
    ).toBe('access_denied');
    server.clock.now += 60_000;
    const ticket = await loginTicket(server);
    const elsewhere = await authorize(server, {
      login_ticket: ticket,
      redirect_uri: 'https://other.example/cb',
    });
    expect(elsewhere.headers.location!.startsWith('https://other.example/cb#')).toBe(true);
    expect(redirectParams(elsewhere.headers.location).error).toBe('access_denied');
  });

  it('never redirects to an unregistered redirect_uri', async () => {
    const server = await startTestServer();
    for (const redirect of ['https://evil.example/', `${CALLBACK}evil`, 'javascript:alert(1)']) {
      const response = await authorize(server, { redirect_uri: redirect });
      expect(response.statusCode).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(response.json().error).toBe('invalid_request');
    }
    const unknownClient = await authorize(server, { client_id: 'nobody' });
    expect(unknownClient.statusCode).toBe(400);
  });

  it.each([
    [{ response_type: 'token', response_mode: 'query' }, 'invalid_request'],
    [{ response_type: 'id_token', nonce: '' }, 'invalid_request'],
    [{ response_type: 'password' }, 'unsupported_response_type'],
    [{ response_type: 'code' }, 'invalid_request'],
    [
      { response_type: 'code', code_challenge: CHALLENGE, code_challenge_method: 'plain' },
      'invalid_request',
    ],
    [{ audience: 'https://unknown.api' }, 'access_denied'],
    [{}, 'login_required'],
  ])('answers %j with error %s at the redirect_uri, state echoed', async (params, error) => {
    const server = await startTestServer();
    const response = await authorize(server, params);
    expect(response.statusCode).toBe(302);
    expect(redirectParams(response.headers.location)).toMatchObject({ error, state: 'st-123' });
  });

  it('answers response_mode=web_message with a page that posts to the web origin only', async () => {
    const server = await startTestServer();
    const ticket = await loginTicket(server);
    const response = await authorize(server, {
      login_ticket: ticket,
      response_mode: 'web_message',
      redirect_uri: `${APP}/anything`,
      state: '</script><b>',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-security-policy']).toContain(`frame-ancestors ${APP}`);
    expect(response.body).toContain('"type":"authorization_response"');
    expect(response.body).toContain(`, "${APP}");`);
    expect(response.body).not.toContain('</script><b>');
    expect(response.body).toContain('\\u003c/script\\u003e\\u003cb\\u003e');

    const evil = await authorize(server, {
      response_mode: 'web_message',
      redirect_uri: 'https://evil.example/',
    });
    expect(evil.statusCode).toBe(400);
  });
});

/** A code from /authorize for a fresh login ticket; `params` add to the request. */
async function authorizationCode(
  server: TestServer,
  params: Record<string, string> = {},
): Promise<string> {
  const response = await authorize(server, {
    login_ticket: await loginTicket(server),
    response_type: 'code',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...params,
  });
  expect(response.statusCode).toBe(302);
  const answer = redirectParams(response.headers.location);
  expect(new URL(response.headers.location!).search).toContain('code=');
  expect(answer.state).toBe('st-123');
  return answer.code!;
}

describe('authorization code with PKCE', () => {
  it('exchanges the code once, and only with the right verifier', async () => {
    const server = await startTestServer();
    const burnt = await authorizationCode(server);
    const wrongVerifier = await server.exchangeCode(burnt, VERIFIER.replace('d', 'e'), CALLBACK);
    expect(wrongVerifier.statusCode).toBe(403);
    expect(wrongVerifier.json().error).toBe('invalid_grant');
    expect((await server.exchangeCode(burnt, VERIFIER, CALLBACK)).statusCode).toBe(403);

    server.clock.now += 60_000;
    const elsewhere = await authorizationCode(server);
    const wrongRedirect = await server.exchangeCode(elsewhere, VERIFIER);
    expect(wrongRedirect.statusCode).toBe(403);

    server.clock.now += 60_000;
    const code = await authorizationCode(server);
    const tokens = await server.exchangeCode(code, VERIFIER, CALLBACK);
    expect(tokens.statusCode).toBe(200);
    expect(decodeJwt(tokens.json().id_token)).toMatchObject({ nonce: 'no-456', email: EMAIL });
    expect((await server.exchangeCode(code, VERIFIER, CALLBACK)).json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid authorization code',
    });
  });

  it('exchanges a code answered by web_message, with the page URL as redirect_uri', async () => {
    const server = await startTestServer();
    const response = await authorize(server, {
      login_ticket: await loginTicket(server),
      response_type: 'code',
      response_mode: 'web_message',
      redirect_uri: APP,
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
    });
    const code = /"code":"([\w-]+)"/.exec(response.body)?.[1];
    expect(code).toBeDefined();
    const tokens = await server.exchangeCode(code!, VERIFIER, APP);
    expect(tokens.statusCode).toBe(200);
  });

  it('lets a code expire', async () => {
    const server = await startTestServer({ tokens: { authorization_code_lifetime_s: 10 } });
    const code = await authorizationCode(server);
    server.clock.now += 11_000;
    expect((await server.exchangeCode(code, VERIFIER, CALLBACK)).statusCode).toBe(403);
  });
});

describe('/authorize grants an API only the scopes it lists (apis[].scopes)', () => {
  const asked = { audience: MESSAGES_API.identifier, scope: OVERREACHING_SCOPE };

  it('in the implicit token answer', async () => {
    const server = await startTestServer({ apis: [MESSAGES_API] });
    const response = await authorize(server, { login_ticket: await loginTicket(server), ...asked });
    const params = redirectParams(response.headers.location);
    expect(params.scope).toBe('openid email read:messages');
    expect(decodeJwt(params.access_token!).scope).toBe('openid email read:messages');
  });

  it('in the tokens a code is exchanged for', async () => {
    const server = await startTestServer({ apis: [MESSAGES_API] });
    const code = await authorizationCode(server, asked);
    const tokens = (await server.exchangeCode(code, VERIFIER, CALLBACK)).json();
    expect(tokens.scope).toBe('openid email read:messages');
    expect(decodeJwt(tokens.access_token).scope).toBe('openid email read:messages');
  });

  it('and only OIDC scopes without an audience', async () => {
    const server = await startTestServer({ apis: [MESSAGES_API] });
    const response = await authorize(server, {
      login_ticket: await loginTicket(server),
      scope: OVERREACHING_SCOPE,
    });
    expect(redirectParams(response.headers.location).scope).toBe('openid email');
  });
});

describe('/v2/logout', () => {
  it('redirects only to a registered logout URL', async () => {
    const server = await startTestServer();
    const ok = await server.inject({
      url: `/v2/logout?client_id=demo&returnTo=${encodeURIComponent(APP)}`,
    });
    expect(ok.statusCode).toBe(302);
    expect(ok.headers.location).toBe(CALLBACK);
    const evil = await server.inject({
      url: '/v2/logout?client_id=demo&returnTo=https://evil.example/',
    });
    expect(evil.statusCode).toBe(400);
    expect(evil.headers.location).toBeUndefined();
    expect((await server.inject({ url: '/v2/logout' })).body).toBe('OK');
  });
});
