import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/sqlite-store.js';
import type { AuthorizationCodeRecord, CodeIssue, LoginTicket } from '../src/store.js';
import { clickLink } from './confirm-link.js';
import { makeDataDir, startTestServer, wrongCode, type TestServer } from './helpers.js';

const APP = 'http://localhost:5173';
const CALLBACK = 'http://localhost:5173/';
const API = 'https://api.example.com/';
const VERIFIER = 'dBjftJeZ4CVP-mJ92K9-1JoO3oFeb9XaB8Td9rnq5kw';
const LINK_PARAMS = {
  response_type: 'code',
  redirect_uri: CALLBACK,
  state: 'link-state',
  code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
  code_challenge_method: 'S256',
};
const BLOCKED = { error: 'unauthorized', error_description: 'user is blocked' };
const WRONG_CODE = {
  error: 'invalid_grant',
  error_description: 'Wrong email or verification code.',
};

/**
 * A real SQLite store in which an operator's block can land in the moment before a login's
 * next record is saved: the race that revoking records at the block cannot close on its own,
 * which every login path must catch by checking the user.
 */
class RacingBlockStore extends SqliteStore {
  blockBefore?: 'saveCode' | 'saveLoginTicket' | 'saveAuthorizationCode';

  /**
   * Start saves its code in the transaction that read the user unblocked. On PostgreSQL a block
   * can still commit between that read and the start's commit, and the block's removal of the
   * email's codes does not see the start's code (or its mail, which its node sends from memory
   * anyway): this leaves that outcome.
   */
  override async issueCode(issue: CodeIssue) {
    const issued = await super.issueCode(issue);
    if (this.blockBefore === 'saveCode' && issued.outcome === 'issued') {
      await this.#block(issue.code.email);
      await super.saveCode({ ...issue.code, maxAttempts: issued.maxAttempts });
    }
    return issued;
  }
  override async saveLoginTicket(ticket: LoginTicket) {
    if (this.blockBefore === 'saveLoginTicket') await this.#blockSub(ticket.sub);
    return super.saveLoginTicket(ticket);
  }
  override async saveAuthorizationCode(code: AuthorizationCodeRecord) {
    if (this.blockBefore === 'saveAuthorizationCode') await this.#blockSub(code.sub);
    return super.saveAuthorizationCode(code);
  }

  async #blockSub(sub: string) {
    await this.#block((await this.findUser(sub))!.email);
  }
  async #block(email: string) {
    await this.blockUser(email, `email|${'f'.repeat(24)}`, Date.now());
  }
}

const stores: SqliteStore[] = [];
afterEach(async () => {
  while (stores.length > 0) await stores.pop()!.close();
});

async function serverWithStore(
  config?: unknown,
): Promise<{ server: TestServer; store: RacingBlockStore }> {
  const store = new RacingBlockStore(await makeDataDir());
  stores.push(store);
  const server = await startTestServer(config, { deps: { store } });
  return { server, store };
}

async function inbox(server: TestServer, email: string): Promise<unknown[]> {
  await server.mailSettled();
  const response = await server.inject({ url: `/dev/inbox.json?to=${encodeURIComponent(email)}` });
  return response.json().messages;
}

async function logIn(server: TestServer, email: string, extra: Record<string, unknown> = {}) {
  expect((await server.start(email)).statusCode).toBe(200);
  const response = await server.token(email, await server.codeFromInbox(email), extra);
  expect(response.statusCode).toBe(200);
  return response.json() as { access_token: string; id_token: string };
}

function subOf(idToken: string): string {
  return JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()).sub;
}

/** Everything a caller of /passwordless/start sees, but the random `_id` and the `date`. */
function startAnswer(response: Awaited<ReturnType<TestServer['start']>>) {
  // Every answer has its own date and request id; everything else must be the same.
  const { date, 'x-request-id': requestId, ...headers } = response.headers;
  const body = response.json();
  expect(date).toEqual(expect.any(String));
  expect(requestId).toEqual(expect.any(String));
  expect(body._id).toMatch(/^[0-9a-f]{24}$/);
  return { status: response.statusCode, headers, body: { ...body, _id: 'random' } };
}

function redirectParams(location: string | undefined): Record<string, string> {
  return Object.fromEntries(new URL(location!).searchParams);
}

describe('blocked users at /passwordless/start', () => {
  it('answer exactly as a known and an unknown email, get no mail, and are limited the same', async () => {
    const { server, store } = await serverWithStore();
    // Emails of one length, so even Content-Length cannot differ.
    await logIn(server, 'known@example.com');
    await logIn(server, 'block@example.com');
    await store.blockUser('block@example.com', `email|${'1'.repeat(24)}`, Date.now());
    await store.blockUser('fresh@example.com', `email|${'2'.repeat(24)}`, Date.now());
    server.clock.now += 31_000;

    for (const send of ['code', 'link'] as const) {
      const extra = send === 'link' ? { send, authParams: LINK_PARAMS } : {};
      const answers = [];
      for (const email of ['known', 'other', 'block', 'fresh']) {
        answers.push(startAnswer(await server.start(`${email}@example.com`, extra)));
      }
      const [known, ...rest] = answers.map((answer) => ({
        ...answer,
        body: { ...answer.body, email: 'same' },
      }));
      expect(known).toMatchObject({ status: 200 });
      for (const answer of rest) expect(answer).toEqual(known);
      // Inside the resend cooldown, a blocked email is refused as any other.
      const again = [
        await server.start('known@example.com', extra),
        await server.start('block@example.com', extra),
      ];
      expect(again.map((response) => [response.statusCode, response.json()])).toEqual([
        [429, again[0]!.json()],
        [429, again[0]!.json()],
      ]);
      server.clock.now += 31_000;
    }
    expect(await inbox(server, 'known@example.com')).toHaveLength(3);
    expect(await inbox(server, 'other@example.com')).toHaveLength(2);
    expect(await inbox(server, 'block@example.com')).toHaveLength(1); // before the block
    expect(await inbox(server, 'fresh@example.com')).toHaveLength(0);
    expect(await store.findCode('demo', 'block@example.com')).toBeUndefined();
  });
});

describe('blocked users at login', () => {
  it('gets 401 user is blocked at /oauth/token for a code mailed just before the block, after a wrong code gets the usual 403', async () => {
    const { server, store } = await serverWithStore();
    const email = 'racer@example.com';
    store.blockBefore = 'saveCode';
    expect((await server.start(email)).statusCode).toBe(200);
    const code = await server.codeFromInbox(email);
    const wrong = await server.token(email, wrongCode(code));
    expect([wrong.statusCode, wrong.json()]).toEqual([403, WRONG_CODE]);
    const refused = await server.token(email, code);
    expect([refused.statusCode, refused.json()]).toEqual([401, BLOCKED]);
  });

  it('gets the same 401 at /co/authenticate', async () => {
    const { server, store } = await serverWithStore();
    const email = 'racer@example.com';
    store.blockBefore = 'saveCode';
    await server.start(email);
    const response = await server.coAuthenticate(email, await server.codeFromInbox(email), APP);
    expect([response.statusCode, response.json()]).toEqual([401, BLOCKED]);
  });

  it('is sent back to the callback with unauthorized from a magic link', async () => {
    const { server, store } = await serverWithStore();
    const email = 'racer@example.com';
    store.blockBefore = 'saveCode';
    await server.start(email, { send: 'link', authParams: LINK_PARAMS });
    const [mail] = (await inbox(server, email)) as Array<{ text: string }>;
    const link = new URL(/(https?:\/\/\S+verify_redirect\S+)/.exec(mail!.text)![1]!);
    const click = await clickLink(server.inject, link);
    expect(click.statusCode).toBe(302);
    expect(redirectParams(click.headers.location)).toEqual({ ...BLOCKED, state: 'link-state' });
  });

  it('is refused at /authorize for a login ticket minted just before the block', async () => {
    const { server, store } = await serverWithStore();
    const email = 'racer@example.com';
    await server.start(email);
    store.blockBefore = 'saveLoginTicket';
    const ticket = await server.coAuthenticate(email, await server.codeFromInbox(email), APP);
    expect(ticket.statusCode).toBe(200);
    const query = new URLSearchParams({
      client_id: 'demo',
      redirect_uri: CALLBACK,
      response_type: 'code',
      state: 'st',
      login_ticket: ticket.json().login_ticket,
      code_challenge: LINK_PARAMS.code_challenge,
      code_challenge_method: 'S256',
    });
    const response = await server.inject({ url: `/authorize?${query}` });
    expect(redirectParams(response.headers.location)).toEqual({ ...BLOCKED, state: 'st' });
  });

  it('gets 401 for an authorization code minted just before the block', async () => {
    const { server, store } = await serverWithStore();
    const email = 'racer@example.com';
    await server.start(email, { send: 'link', authParams: LINK_PARAMS });
    const [mail] = (await inbox(server, email)) as Array<{ text: string }>;
    const link = new URL(/(https?:\/\/\S+verify_redirect\S+)/.exec(mail!.text)![1]!);
    store.blockBefore = 'saveAuthorizationCode';
    const click = await clickLink(server.inject, link);
    const { code } = redirectParams(click.headers.location);
    expect(code).toEqual(expect.any(String));
    const response = await server.exchangeCode(code!, VERIFIER, CALLBACK);
    expect([response.statusCode, response.json()]).toEqual([401, BLOCKED]);
  });

  it('revokes the codes and the opaque and JWT access tokens issued before the block', async () => {
    const { server, store } = await serverWithStore({ apis: [{ identifier: API }] });
    const email = 'victim@example.com';
    const opaque = await logIn(server, email);
    server.clock.now += 31_000;
    const jwt = await logIn(server, email, { audience: API });
    server.clock.now += 31_000;
    await server.start(email);
    const pendingCode = await server.codeFromInbox(email);
    const userinfo = (token: string) =>
      server.inject({ url: '/userinfo', headers: { authorization: `Bearer ${token}` } });
    expect((await userinfo(opaque.access_token)).statusCode).toBe(200);
    expect((await userinfo(jwt.access_token)).statusCode).toBe(200);

    await store.blockUser(email, `email|${'1'.repeat(24)}`, Date.now());
    for (const token of [opaque.access_token, jwt.access_token]) {
      const response = await userinfo(token);
      expect([response.statusCode, response.json().error]).toEqual([401, 'invalid_token']);
    }
    const late = await server.token(email, pendingCode);
    expect([late.statusCode, late.json()]).toEqual([403, WRONG_CODE]);
  });

  it('logs in again, as the same user, once unblocked', async () => {
    const { server, store } = await serverWithStore();
    const email = 'again@example.com';
    const before = await logIn(server, email);
    await store.blockUser(email, `email|${'1'.repeat(24)}`, Date.now());
    server.clock.now += 31_000;
    expect((await server.start(email)).statusCode).toBe(200);
    expect(await inbox(server, email)).toHaveLength(1);

    await store.unblockUser(email);
    server.clock.now += 31_000;
    const after = await logIn(server, email);
    expect(await inbox(server, email)).toHaveLength(2);
    expect(subOf(after.id_token)).toBe(subOf(before.id_token));
  });
});
