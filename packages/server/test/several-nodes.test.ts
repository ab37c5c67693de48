import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OTP_GRANT } from '../src/app.js';
import { DEFAULTS } from '../src/config/defaults.js';
import { SERVER_SECRET_FILE } from '../src/server-secret.js';
import { startServerNode, type ServerNode } from './node-process.js';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';
import {
  SERVED_BY_HEADER,
  startRoundRobinProxy,
  type RoundRobinProxy,
} from './round-robin-proxy.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from './smtp-sink.js';

const { max_attempts: MAX_ATTEMPTS } = DEFAULTS.connections.email.otp;
const {
  failed_verifications_per_email: EMAIL_GUESS_BUDGET,
  failed_verifications_per_ip_email: LOCKOUT_RUN,
} = DEFAULTS.rate_limits;

const WRONG_CODE = { error: 'invalid_grant', error_description: 'Wrong email or verification code.' };
const LOCKED_OUT = {
  error: 'too_many_attempts',
  error_description: 'Your account has been blocked after multiple consecutive login attempts.',
};

interface TokenAnswer {
  access_token: string;
  id_token: string;
}

let cluster: PostgresCluster;
let db: pg.Client;
let proxy: RoundRobinProxy;
let workDir: string;
const inbox: ReceivedMail[] = [];
const sinks: SmtpSink[] = [];
let nodeA: ServerNode;
let nodeB: ServerNode;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const databaseUrl = await cluster.freshSchemaUrl();
  db = new pg.Client(databaseUrl);
  await db.connect();
  proxy = await startRoundRobinProxy();
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-several-nodes-'));
  const configFile = path.join(workDir, 'config.json');
  await fs.writeFile(
    configFile,
    JSON.stringify({
      // Both nodes are one server to their clients: one issuer, the balancer's address.
      issuer: proxy.url,
      clients: [{ client_id: 'app' }, { client_id: 'other' }],
      // Lets an email get a second code at once: from another client, or after a node died
      // holding the first one.
      connections: { email: { otp: { resend_after_s: 0 } } },
      // Every request reaches the nodes from the proxy, 127.0.0.1: one address for all clients.
      rate_limits: {
        start_per_ip_per_hour: 100_000,
        failed_verifications_per_ip_per_hour: 100_000,
      },
    }),
  );
  const startNode = async (name: string) => {
    const sink = await startSmtpSink(inbox, name);
    sinks.push(sink);
    const dataDir = path.join(workDir, name);
    return startServerNode(name, { configFile, dataDir, databaseUrl, smtpUrl: sink.url });
  };
  nodeA = await startNode('A');
  // What a node needs besides the database: the secret its codes and queued mail are keyed with.
  await fs.mkdir(path.join(workDir, 'B'), { mode: 0o700 });
  await fs.copyFile(
    path.join(workDir, 'A', SERVER_SECRET_FILE),
    path.join(workDir, 'B', SERVER_SECRET_FILE),
  );
  nodeB = await startNode('B');
  proxy.upstreams.push(nodeA, nodeB);
}, 90_000);

afterAll(async () => {
  await Promise.all([nodeA?.kill(), nodeB?.kill()]);
  await proxy?.close();
  await Promise.all(sinks.map((sink) => sink.close()));
  await db?.end();
  await cluster?.stop();
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
}, 60_000);

const post = (base: string, url: string, body: unknown) =>
  fetch(base + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const startBody = (email: string, clientId = 'app') => ({
  client_id: clientId,
  connection: 'email',
  email,
  send: 'code',
});

const tokenBody = (email: string, otp: string, clientId = 'app') => ({
  grant_type: OTP_GRANT,
  client_id: clientId,
  username: email,
  otp,
  realm: 'email',
  scope: 'openid profile email',
});

/** The first mail to `to` at or after position `from` of the inbox, sent through `via` if given. */
function mailTo(
  to: string,
  { from = 0, via, timeout = 20_000 }: { from?: number; via?: string; timeout?: number } = {},
): Promise<{ mail: ReceivedMail; index: number }> {
  return vi.waitFor(
    () => {
      const index = inbox.findIndex(
        (mail, i) => i >= from && mail.to === to && (via === undefined || mail.via === via),
      );
      if (index < 0) throw new Error(`no mail to ${to}${via ? ` through ${via}` : ''}`);
      return { mail: inbox[index]!, index };
    },
    { timeout, interval: 200 },
  );
}

const codeIn = (mail: ReceivedMail) => /\b(\d{6})\b/.exec(mail.text)![1]!;

/** The `n`th of a series of codes that are all different from `code`. */
const wrongCode = (code: string, n: number) =>
  String((Number(code) + 1 + n) % 1_000_000).padStart(6, '0');

const pendingCodes = async (email: string) =>
  (await db.query('SELECT id FROM pending_codes WHERE email = $1', [email])).rowCount;

describe('two server processes on one PostgreSQL behind one address', () => {
  it('finishes on node B a login started on node A, and either node verifies its tokens', async () => {
    const email = 'across@example.com';
    expect((await post(nodeA.base, '/passwordless/start', startBody(email))).status).toBe(200);
    const { mail } = await mailTo(email);
    expect(mail.via).toBe('A');

    const login = await post(nodeB.base, '/oauth/token', tokenBody(email, codeIn(mail)));
    expect(login.status).toBe(200);
    const tokens = (await login.json()) as TokenAnswer;
    const jwks = await Promise.all(
      [nodeA, nodeB].map(
        async (node) =>
          (await (await fetch(`${node.base}/.well-known/jwks.json`)).json()) as JSONWebKeySet,
      ),
    );
    expect(jwks[1]).toEqual(jwks[0]);
    for (const keys of jwks) {
      const { payload } = await jwtVerify(tokens.id_token, createLocalJWKSet(keys), {
        issuer: `${proxy.url}/`,
        audience: 'app',
      });
      expect(payload).toMatchObject({ email, sub: expect.stringMatching(/^email\|[0-9a-f]{24}$/) });
    }
    // The opaque access token B issued is known to A too.
    const userinfo = await fetch(`${nodeA.base}/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ email, sub: decodeJwt(tokens.id_token).sub });
  });

  it('kills a code after its wrong tries on both nodes, so the right code fails after them', async () => {
    const email = 'three-tries@example.com';
    const started = await post(nodeA.base, '/passwordless/start', startBody(email));
    expect(await started.json()).toMatchObject({ max_attempts: MAX_ATTEMPTS });
    const code = codeIn((await mailTo(email)).mail);

    for (let n = 0; n < MAX_ATTEMPTS; n++) {
      const node = n % 2 === 0 ? nodeA : nodeB;
      const answer = await post(node.base, '/oauth/token', tokenBody(email, wrongCode(code, n)));
      expect(answer.status, `try ${n + 1} on ${node.name}`).toBe(403);
      expect(await answer.json()).toEqual(WRONG_CODE);
    }
    expect(await pendingCodes(email)).toBe(0);
    const right = await post(nodeB.base, '/oauth/token', tokenBody(email, code));
    expect(right.status).toBe(403);
    expect(await right.json()).toEqual(WRONG_CODE);
  });

  it("compares no more of 50 simultaneous wrong codes on both nodes than the email's guess budget", async () => {
    const email = 'fifty@example.com';
    expect((await post(nodeB.base, '/passwordless/start', startBody(email))).status).toBe(200);
    const code = codeIn((await mailTo(email)).mail);

    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        const answer = await post(proxy.url, '/oauth/token', tokenBody(email, wrongCode(code, n)));
        const body = (await answer.json()) as { error: string; error_description: string };
        return { status: answer.status, servedBy: answer.headers.get(SERVED_BY_HEADER), body };
      }),
    );
    const servedBy = (name: string) => answers.filter((answer) => answer.servedBy === name).length;
    expect([servedBy('A'), servedBy('B')]).toEqual([25, 25]);
    const wrong = answers.filter((a) => a.status === 403 && a.body.error === WRONG_CODE.error);
    const refused = answers.filter((a) => a.status === 429 && a.body.error === 'too_many_attempts');
    expect(wrong.length + refused.length).toBe(50);
    for (const answer of wrong) expect(answer.body).toEqual(WRONG_CODE);

    // Every compared guess took one from the email's bucket first (refills are 15 min apart).
    const { rows } = await db.query<{ guesses: number }>(
      'SELECT guesses FROM email_guards WHERE email = $1',
      [email],
    );
    const compared = EMAIL_GUESS_BUDGET - Math.floor(rows[0]!.guesses);
    // The code's own tries kill it; racing requests that saw it alive may take the rest of the
    // bucket, never more.
    expect(compared).toBeGreaterThanOrEqual(MAX_ATTEMPTS);
    expect(compared).toBeLessThanOrEqual(EMAIL_GUESS_BUDGET);
    expect(wrong.length).toBeGreaterThanOrEqual(compared);
    expect(await pendingCodes(email)).toBe(0);

    // Every wrong answer was a failure in a row from 127.0.0.1; enough of them lock it out.
    const right = await post(proxy.url, '/oauth/token', tokenBody(email, code));
    const lockedOut = wrong.length >= LOCKOUT_RUN;
    expect(right.status).toBe(lockedOut ? 429 : 403);
    expect(await right.json()).toEqual(lockedOut ? LOCKED_OUT : WRONG_CODE);
    const count = (description: string) =>
      refused.filter((a) => a.body.error_description.startsWith(description)).length;
    console.log(
      `several nodes, 50 wrong codes: compared=${compared} wrong=${wrong.length} refused=${refused.length} (email budget=${count('Too many wrong codes')} lockout=${count('Your account has been blocked')})`,
    );
  });

  it('gives an email one sub when its first logins race on both nodes', async () => {
    const emails = Array.from({ length: 5 }, (_, n) => `race-${n}@example.com`);
    const codes = await Promise.all(
      emails.map(async (email) => {
        expect((await post(nodeA.base, '/passwordless/start', startBody(email))).status).toBe(200);
        const first = await mailTo(email);
        const otherStart = await post(nodeB.base, '/passwordless/start', startBody(email, 'other'));
        expect(otherStart.status).toBe(200);
        const second = await mailTo(email, { from: first.index + 1 });
        expect([first.mail.subject, second.mail.subject]).toEqual([
          'Your app verification code',
          'Your other verification code',
        ]);
        return { email, app: codeIn(first.mail), other: codeIn(second.mail) };
      }),
    );

    // Every first login at the same moment: through A for `app`, through B for `other`.
    const logins = await Promise.all(
      codes.map(({ email, app, other }) =>
        Promise.all([
          post(nodeA.base, '/oauth/token', tokenBody(email, app, 'app')),
          post(nodeB.base, '/oauth/token', tokenBody(email, other, 'other')),
        ]),
      ),
    );
    const subs = new Map<string, string>();
    for (const [n, pair] of logins.entries()) {
      const [viaA, viaB] = await Promise.all(
        pair.map(async (login) => {
          expect(login.status).toBe(200);
          return decodeJwt(((await login.json()) as TokenAnswer).id_token);
        }),
      );
      expect(viaB!.sub).toBe(viaA!.sub);
      subs.set(emails[n]!, viaA!.sub!);
    }
    const { rows } = await db.query<{ email: string; sub: string }>(
      'SELECT email, sub FROM users WHERE email = ANY($1) ORDER BY email',
      [emails],
    );
    expect(rows).toEqual(emails.map((email) => ({ email, sub: subs.get(email) })));
  });
});
