import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { OTP_GRANT, type InboxMessage, type TokenResponse } from '../src/app.js';
import { START_TIME, startTestServer } from './helpers.js';

describe('email code login over real HTTP and SMTP', () => {
  it('mails a code, exchanges it for tokens that verify against the JWKS, and serves /userinfo', async () => {
    const server = await startTestServer();
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const post = (path: string, body: unknown) =>
      fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-language': 'fr' },
        body: JSON.stringify(body),
      });

    const start = await post('/passwordless/start', {
      client_id: 'demo',
      connection: 'email',
      email: 'Ada@Example.com',
      send: 'code',
      authParams: { nonce: 'n-0S6_WzA2Mj' },
    });
    expect(start.status).toBe(200);
    const started = await start.json();
    expect(started).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      email: 'ada@example.com',
      expires_in: 180,
      resend_after: 30,
      max_attempts: 3,
      code_length: 6,
    });

    // /passwordless/start answers once the mail is queued; SMTP has it a moment later.
    await server.mailSettled();
    const inbox = (await (await fetch(`${base}/dev/inbox.json?to=ada@example.com`)).json()) as {
      messages: InboxMessage[];
    };
    expect(inbox.messages).toHaveLength(1);
    const mail = inbox.messages[0]!;
    expect(mail).toMatchObject({
      to: 'ada@example.com',
      from: expect.stringContaining('Passwordless Demo'),
      subject: 'Votre code de vérification pour Passwordless Demo',
    });
    expect(new Date(mail.date).toISOString()).toBe(mail.date);
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    expect(code).toBeDefined();
    expect(mail.html).toContain(code);
    expect(mail.html).toContain('<html lang="fr" dir="ltr">');

    const tokenResponse = await post('/oauth/token', {
      grant_type: OTP_GRANT,
      client_id: 'demo',
      username: 'ada@example.com',
      otp: code,
      realm: 'email',
      scope: 'openid profile email',
    });
    expect(tokenResponse.status).toBe(200);
    expect(tokenResponse.headers.get('cache-control')).toBe('no-store');
    const tokens = (await tokenResponse.json()) as TokenResponse & { id_token: string };
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 86400,
      scope: 'openid profile email',
    });
    expect(tokens.access_token).toMatch(/^[\w-]{43}$/);

    const jwks = createRemoteJWKSet(new URL(`${base}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token, jwks, {
      issuer: 'http://localhost:3000/',
      audience: 'demo',
      algorithms: ['RS256'],
      currentDate: new Date(START_TIME),
    });
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload).toMatchObject({
      sub: expect.stringMatching(/^email\|[0-9a-f]{24}$/),
      email: 'ada@example.com',
      email_verified: true,
      name: 'ada@example.com',
      nickname: 'ada',
      picture: expect.stringMatching(/^data:image\/svg\+xml,/),
      updated_at: new Date(START_TIME).toISOString(),
      nonce: 'n-0S6_WzA2Mj',
      iat: START_TIME / 1000,
    });
    expect(payload.exp).toBeGreaterThan(START_TIME / 1000);
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(tokens.access_token)),
    );
    expect(payload.at_hash).toBe(Buffer.from(digest.subarray(0, 16)).toString('base64url'));

    const userinfo = await fetch(`${base}/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toEqual({
      sub: payload.sub,
      email: 'ada@example.com',
      email_verified: true,
      name: 'ada@example.com',
      nickname: 'ada',
      picture: payload.picture,
      updated_at: payload.updated_at,
    });
  });

  it("answers the start with the tenant's code length, and mails a code that long", async () => {
    const server = await startTestServer({
      clients: [{ client_id: 'demo' }],
      connections: { email: { otp: { length: 8 } } },
    });
    const start = await server.start('ada@example.com');
    expect(start.statusCode).toBe(200);
    expect(start.json().code_length).toBe(8);
    await server.mailSettled();
    const inbox = await server.inject({ url: '/dev/inbox.json?to=ada@example.com' });
    expect(inbox.json().messages[0].text).toMatch(/\b\d{8}\b/);
  });

  it('creates the user on the first login and finds the same user later', async () => {
    const server = await startTestServer();
    const login = async () => {
      expect((await server.start('grace@example.com')).statusCode).toBe(200);
      const response = await server.token(
        'grace@example.com',
        await server.codeFromInbox('grace@example.com'),
      );
      expect(response.statusCode).toBe(200);
      const userinfo = await server.inject({
        url: '/userinfo',
        headers: { authorization: `Bearer ${response.json().access_token}` },
      });
      return userinfo.json().sub as string;
    };
    const first = await login();
    server.clock.now += 60_000;
    const second = await login();
    expect(second).toBe(first);
    expect(first).toMatch(/^email\|[0-9a-f]{24}$/);
  });

  it('accepts form-encoded bodies on both endpoints', async () => {
    const server = await startTestServer();
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const start = await server.inject({
      method: 'POST',
      url: '/passwordless/start',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        client_id: 'demo',
        connection: 'email',
        email: 'f@example.com',
        send: 'code',
      }),
    });
    expect(start.statusCode).toBe(200);
    const token = await server.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        grant_type: OTP_GRANT,
        client_id: 'demo',
        username: 'f@example.com',
        otp: await server.codeFromInbox('f@example.com'),
        realm: 'email',
      }),
    });
    expect(token.statusCode).toBe(200);
    expect(token.json().scope).toBe('openid profile email');
  });
});
