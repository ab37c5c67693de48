import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildApp, mailSettled, OTP_GRANT, resolveConfig } from '../src/app.js';
import { formFields, postConfirm } from './confirm-link.js';
import { makeDataDir, START_TIME, wrongCode } from './helpers.js';
import { startPasswordSmtp } from './password-smtp.js';

const APP = 'http://localhost:5173';
const CALLBACK = 'http://localhost:5173/';
const VERIFIER = 'dBjftJeZ4CVP-mJ92K9-1JoO3oFeb9XaB8Td9rnq5kw';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

type LogLine = Record<string, unknown>;

/** What a request's own line may hold: nothing from its URL, headers or body. */
const REQUEST_LINE_KEYS = [
  'level',
  'time',
  'pid',
  'hostname',
  'reqId',
  'event',
  'method',
  'route',
  'status',
  'duration_ms',
  'msg',
];

/**
 * A production-like server (mail through SMTP with a password in SMTP_URL, not the dev inbox)
 * logging at `debug` into `lines`, one parsed JSON object per line.
 */
async function startLoggedServer() {
  const smtp = await startPasswordSmtp();
  const dataDir = await makeDataDir();
  const config = resolveConfig(
    {
      clients: [
        {
          client_id: 'app',
          allowed_origins: [APP],
          web_origins: [APP],
          callbacks: [CALLBACK],
        },
      ],
      log: { level: 'debug' },
    },
    { dev: false, port: 3000, dataDir, smtpUrl: smtp.url },
  );
  const raw: string[] = [];
  const clock = { now: START_TIME };
  const app = await buildApp(config, {
    now: () => clock.now,
    logger: { level: config.log.level, stream: { write: (line: string) => void raw.push(line) } },
  });
  const lines = () => raw.map((line) => JSON.parse(line) as LogLine);
  return { app, smtp, dataDir, raw, lines, clock };
}

function codeIn(text: string): string {
  return /\b(\d{6})\b/.exec(text)![1]!;
}

describe('logs', () => {
  it('log every login event with its request id, and no code, link, token, ticket or credential', async () => {
    const { app, smtp, dataDir, raw, lines } = await startLoggedServer();
    const inject = app.inject.bind(app);
    const start = (email: string, extra: Record<string, unknown> = {}, headers = {}) =>
      inject({
        method: 'POST',
        url: '/passwordless/start',
        headers,
        payload: { client_id: 'app', connection: 'email', email, send: 'code', ...extra },
      });
    const otpToken = (email: string, otp: string) =>
      inject({
        method: 'POST',
        url: '/oauth/token',
        payload: { grant_type: OTP_GRANT, client_id: 'app', username: email, otp, realm: 'email' },
      });
    /** The newest mail to `to`, once the outbox has handed SMTP what it queued. */
    const newestTo = async (to: string) => {
      await mailSettled(app);
      return smtp.newestTo(to);
    };
    const secrets: string[] = [smtp.password];
    /** Codes are digits: found only where no other digit touches them (not inside a time). */
    const codes: string[] = [];
    let aliceIdToken = '';

    try {
      // A code: a wrong try, the right one, the access token used, a resend refused.
      const started = await start('alice@example.com', {}, { 'x-request-id': 'client-trace-1' });
      expect(started.statusCode).toBe(200);
      expect(started.headers['x-request-id']).toBe('client-trace-1');
      const aliceCode = codeIn(await newestTo('alice@example.com'));
      codes.push(aliceCode);
      expect((await otpToken('alice@example.com', wrongCode(aliceCode))).statusCode).toBe(403);
      const aliceTokens = await otpToken('alice@example.com', aliceCode);
      expect(aliceTokens.statusCode).toBe(200);
      const { access_token: accessToken, id_token: idToken } = aliceTokens.json();
      secrets.push(accessToken, idToken);
      aliceIdToken = idToken;
      const userinfo = await inject({
        url: '/userinfo',
        headers: { authorization: `Bearer ${accessToken}`, cookie: 'session=cookie-secret-42' },
      });
      expect(userinfo.statusCode).toBe(200);
      secrets.push('cookie-secret-42');
      expect((await start('alice@example.com')).statusCode).toBe(429);

      // A magic link, clicked, and its authorization code exchanged.
      const linkStart = await start('bob@example.com', {
        send: 'link',
        authParams: {
          redirect_uri: CALLBACK,
          code_challenge: CHALLENGE,
          code_challenge_method: 'S256',
        },
      });
      expect(linkStart.statusCode).toBe(200);
      const link = new URL(
        /(http\S+verify_redirect\S+)/.exec(await newestTo('bob@example.com'))![1]!,
      );
      codes.push(link.searchParams.get('verification_code')!);
      secrets.push(link.search.slice(1));
      const page = await inject({ url: link.pathname + link.search });
      const form = formFields(page.body);
      secrets.push(form.get('form_token')!);
      const click = await postConfirm(inject, form);
      expect(click.statusCode).toBe(302);
      const authorizationCode = new URL(click.headers.location!).searchParams.get('code')!;
      secrets.push(authorizationCode);
      const linkTokens = await inject({
        method: 'POST',
        url: '/oauth/token',
        payload: {
          grant_type: 'authorization_code',
          client_id: 'app',
          code: authorizationCode,
          code_verifier: VERIFIER,
          redirect_uri: CALLBACK,
        },
      });
      expect(linkTokens.statusCode).toBe(200);
      secrets.push(linkTokens.json().access_token, linkTokens.json().id_token);

      // Cross-origin authentication: a login ticket redeemed at /authorize.
      expect((await start('carol@example.com')).statusCode).toBe(200);
      const carolCode = codeIn(await newestTo('carol@example.com'));
      codes.push(carolCode);
      const co = await inject({
        method: 'POST',
        url: '/co/authenticate',
        headers: { origin: APP },
        payload: {
          client_id: 'app',
          username: 'carol@example.com',
          otp: carolCode,
          realm: 'email',
          credential_type: OTP_GRANT,
        },
      });
      expect(co.statusCode).toBe(200);
      const ticket: string = co.json().login_ticket;
      secrets.push(ticket);
      const authorize = await inject({
        url: `/authorize?${new URLSearchParams({
          client_id: 'app',
          redirect_uri: CALLBACK,
          response_type: 'token id_token',
          nonce: 'n-1',
          login_ticket: ticket,
        })}`,
      });
      expect(authorize.statusCode).toBe(302);
      const fragment = new URLSearchParams(new URL(authorize.headers.location!).hash.slice(1));
      secrets.push(fragment.get('access_token')!, fragment.get('id_token')!);

      // SMTP refuses the recipient: the mail stays queued, start still answers.
      expect((await start('refused@example.com')).statusCode).toBe(200);
    } finally {
      await app.close();
    }

    secrets.push((await fs.readFile(path.join(dataDir, 'server-secret'), 'utf8')).trim());
    const text = raw.join('');
    for (const secret of secrets) expect(text, 'a secret is in the log').not.toContain(secret);
    for (const code of codes) expect(text).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
    expect(text).not.toContain('verify_redirect?');
    expect(text).not.toMatch(/bearer/i);

    const all = lines();
    const events = (event: string) => all.filter((line) => line.event === event);
    // Email addresses are in login events only.
    for (const line of all.filter((one) => JSON.stringify(one).includes('@example.com'))) {
      expect(['login_succeeded', 'login_failed']).toContain(line.event);
    }
    for (const line of events('request')) {
      expect(REQUEST_LINE_KEYS).toEqual(expect.arrayContaining(Object.keys(line)));
      expect(line.reqId).toEqual(expect.any(String));
    }
    expect(events('request').map((line) => line.route)).toEqual(
      expect.arrayContaining([
        '/passwordless/start',
        '/oauth/token',
        '/userinfo',
        '/passwordless/verify_redirect',
        '/co/authenticate',
        '/authorize',
      ]),
    );

    const [firstSent] = events('verification_sent');
    expect(firstSent).toMatchObject({ reqId: 'client-trace-1', client_id: 'app', send: 'code' });
    expect(firstSent).not.toHaveProperty('email');
    expect(events('request').find((line) => line.reqId === 'client-trace-1')).toMatchObject({
      route: '/passwordless/start',
      method: 'POST',
      status: 200,
    });
    expect(events('verification_sent').map((line) => line.send)).toEqual([
      'code',
      'link',
      'code',
      'code',
    ]);
    expect(events('login_failed')).toEqual([
      expect.objectContaining({
        reason: 'wrong_code',
        client_id: 'app',
        email: 'alice@example.com',
        reqId: expect.any(String),
      }),
    ]);
    expect(events('login_succeeded')).toEqual(
      ['alice', 'bob', 'carol'].map((name) =>
        expect.objectContaining({
          client_id: 'app',
          email: `${name}@example.com`,
          sub: expect.stringMatching(/^email\|[0-9a-f]{24}$/),
          reqId: expect.any(String),
        }),
      ),
    );
    expect(events('login_succeeded')[0]!.sub).toBe(decodeJwt(aliceIdToken).sub);
    expect(events('rate_limited')).toEqual([
      expect.objectContaining({
        limit: 'resend_after_s',
        client_id: 'app',
        reqId: expect.any(String),
      }),
    ]);
    const [failedMail] = events('mail_failed');
    expect(failedMail).toMatchObject({ level: 40, err: { code: 'EENVELOPE', responseCode: 550 } });
    // Each event is logged under the id of the request it happened in.
    for (const event of ['login_failed', 'login_succeeded', 'rate_limited', 'verification_sent']) {
      for (const line of events(event)) {
        expect(events('request').map((request) => request.reqId)).toContain(line.reqId);
      }
    }
  });

  it('keeps a sane X-Request-Id and replaces any other with a fresh one', async () => {
    const { app, lines } = await startLoggedServer();
    try {
      const idOf = async (header?: string) => {
        const response = await app.inject({
          url: '/.well-known/jwks.json',
          headers: header === undefined ? {} : { 'x-request-id': header },
        });
        return String(response.headers['x-request-id']);
      };
      expect(await idOf('4bf92f3577b34da6a3ce929d0e0e4736')).toBe(
        '4bf92f3577b34da6a3ce929d0e0e4736',
      );
      expect(await idOf('Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1')).toMatch(
        /^[0-9a-f-]{36}$/,
      );
      expect(await idOf('x'.repeat(129))).toMatch(/^[0-9a-f-]{36}$/);
      expect(await idOf('two words')).toMatch(/^[0-9a-f-]{36}$/);
      const generated = [await idOf(), await idOf()];
      expect(generated[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(generated[0]).not.toBe(generated[1]);
      expect(
        lines()
          .filter((line) => line.event === 'request')
          .map((line) => line.reqId),
      ).toContain(generated[0]);
    } finally {
      await app.close();
    }
  });
});
