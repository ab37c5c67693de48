import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { clickLink, formFields, postConfirm } from './confirm-link.js';
import { MESSAGES_API, OVERREACHING_SCOPE, startTestServer, type TestServer } from './helpers.js';

const CALLBACK = 'http://localhost:5173/';
const VERIFIER = 'M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const AUTH_PARAMS = {
  response_type: 'code',
  redirect_uri: CALLBACK,
  scope: 'openid email',
  state: 'link-state',
  nonce: 'link-nonce',
  code_challenge: CHALLENGE,
  code_challenge_method: 'S256',
};

async function linkFromInbox(server: TestServer, email: string): Promise<URL> {
  await server.mailSettled();
  const inbox = await server.inject({ url: `/dev/inbox.json?to=${encodeURIComponent(email)}` });
  const mail = inbox.json().messages[0];
  const link = /(https?:\/\/\S+verify_redirect\S+)/.exec(mail.text)?.[1];
  expect(link).toBeDefined();
  // The HTML part carries the same link, attribute-escaped.
  expect(mail.html).toContain(link!.replace(/&/g, '&amp;'));
  return new URL(link!);
}

describe('magic links (send: "link")', () => {
  it('mails a link that logs in once through an authorization code with PKCE', async () => {
    const server = await startTestServer();
    const start = await server.start('link@example.com', { send: 'link', authParams: AUTH_PARAMS });
    expect(start.statusCode).toBe(200);
    const link = await linkFromInbox(server, 'link@example.com');
    expect(link.origin + link.pathname).toBe('http://localhost:3000/passwordless/verify_redirect');
    expect(link.searchParams.get('state')).toBe('link-state');

    const click = await clickLink(server.inject, link);
    expect(click.statusCode).toBe(302);
    const callback = new URL(click.headers.location!);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    expect(callback.searchParams.get('state')).toBe('link-state');
    const code = callback.searchParams.get('code')!;

    const tokens = await server.exchangeCode(code, VERIFIER, CALLBACK);
    expect(tokens.statusCode).toBe(200);
    expect(decodeJwt(tokens.json().id_token)).toMatchObject({
      email: 'link@example.com',
      nonce: 'link-nonce',
    });

    // Opened and pressed again: the code is spent, so the page's form is refused.
    const again = await clickLink(server.inject, link);
    expect(again.statusCode).toBe(403);
    expect(again.body).toContain('This login page cannot be used');
  });

  it('sends an implicit link answer in the fragment, and a tampered code is refused', async () => {
    const server = await startTestServer();
    await server.start('frag@example.com', {
      send: 'link',
      authParams: {
        response_type: 'token id_token',
        redirect_uri: CALLBACK,
        nonce: 'n1',
        state: 's1',
      },
    });
    const link = await linkFromInbox(server, 'frag@example.com');
    const tampered = new URL(link);
    tampered.searchParams.set('redirect_uri', 'https://evil.example/');
    const evil = await server.inject({ url: tampered.pathname + tampered.search });
    expect(evil.statusCode).toBe(400);
    expect(evil.headers.location).toBeUndefined();

    const click = await clickLink(server.inject, link);
    const fragment = new URLSearchParams(new URL(click.headers.location!).hash.slice(1));
    expect(fragment.get('state')).toBe('s1');
    expect(decodeJwt(fragment.get('id_token')!).nonce).toBe('n1');
  });

  describe('grant an API only the scopes it lists (apis[].scopes)', () => {
    const asked = { audience: MESSAGES_API.identifier, scope: OVERREACHING_SCOPE };

    /** Starts a link login with `authParams` and clicks the link: the callback URL. */
    async function loginByLink(server: TestServer, authParams: Record<string, string>) {
      await server.start('scoped@example.com', { send: 'link', authParams });
      const link = await linkFromInbox(server, 'scoped@example.com');
      const click = await clickLink(server.inject, link);
      return new URL(click.headers.location!);
    }

    it('through the code', async () => {
      const server = await startTestServer({ apis: [MESSAGES_API] });
      const callback = await loginByLink(server, { ...AUTH_PARAMS, ...asked });
      const code = callback.searchParams.get('code')!;
      const tokens = (await server.exchangeCode(code, VERIFIER, CALLBACK)).json();
      expect(tokens.scope).toBe('openid email read:messages');
      expect(decodeJwt(tokens.access_token).scope).toBe('openid email read:messages');
    });

    it('in the implicit token answer', async () => {
      const server = await startTestServer({ apis: [MESSAGES_API] });
      const callback = await loginByLink(server, {
        response_type: 'token',
        redirect_uri: CALLBACK,
        ...asked,
      });
      const fragment = new URLSearchParams(callback.hash.slice(1));
      expect(fragment.get('scope')).toBe('openid email read:messages');
      expect(decodeJwt(fragment.get('access_token')!).scope).toBe('openid email read:messages');
    });
  });
});

describe('a magic link is bound to the parameters it was mailed with', () => {
  async function mailedLink(server: TestServer, email: string): Promise<URL> {
    expect((await server.start(email, { send: 'link', authParams: AUTH_PARAMS })).statusCode).toBe(
      200,
    );
    return linkFromInbox(server, email);
  }

  function click(server: TestServer, link: URL) {
    return clickLink(server.inject, link);
  }

  it('refuses a link whose redirect_uri was changed to another registered callback', async () => {
    const server = await startTestServer();
    const link = await mailedLink(server, 'bound@example.com');
    const edited = new URL(link);
    edited.searchParams.set('redirect_uri', 'http://localhost:5173/index.html');
    const refused = new URL((await click(server, edited)).headers.location!);
    expect(refused.searchParams.get('error')).toBe('access_denied');
    expect(refused.searchParams.get('code')).toBeNull();

    // The link as mailed still works.
    const callback = new URL((await click(server, link)).headers.location!);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    expect(callback.searchParams.get('code')).toBeTruthy();
  });

  it('refuses a code + PKCE link turned into a token link', async () => {
    const server = await startTestServer();
    const link = await mailedLink(server, 'implicit@example.com');
    const edited = new URL(link);
    edited.searchParams.set('response_type', 'token');
    edited.searchParams.delete('code_challenge');
    edited.searchParams.delete('code_challenge_method');
    const answer = new URL((await click(server, edited)).headers.location!);
    const fragment = new URLSearchParams(answer.hash.slice(1));
    expect(fragment.get('access_token')).toBeNull();
    expect(fragment.get('error')).toBe('access_denied');
  });

  it('refuses a link with an added or removed parameter, and a code mailed as a code', async () => {
    const server = await startTestServer();
    const link = await mailedLink(server, 'extra@example.com');
    const added = new URL(link);
    added.searchParams.set('audience', 'https://api.example.com/');
    const removed = new URL(link);
    removed.searchParams.delete('state');
    for (const edited of [added, removed]) {
      const location = (await click(server, edited)).headers.location;
      expect(location && new URL(location).searchParams.get('code')).toBeFalsy();
    }

    await server.start('code@example.com');
    const code = await server.codeFromInbox('code@example.com');
    const forged = new URL(link);
    forged.searchParams.set('email', 'code@example.com');
    forged.searchParams.set('verification_code', code);
    const answer = new URL((await click(server, forged)).headers.location!);
    expect(answer.searchParams.get('error')).toBe('access_denied');
    // The code itself still works where it was meant to be typed.
    expect((await server.token('code@example.com', code)).statusCode).toBe(200);
  });
});

describe('a link mail also carries its code, for the device that asked (include_code)', () => {
  async function mail(server: TestServer, email: string) {
    expect((await server.start(email, { send: 'link', authParams: AUTH_PARAMS })).statusCode).toBe(
      200,
    );
    await server.mailSettled();
    const inbox = await server.inject({ url: `/dev/inbox.json?to=${encodeURIComponent(email)}` });
    const { text, html } = inbox.json().messages[0] as { text: string; html: string };
    const link = await linkFromInbox(server, email);
    return { text, html, link, code: link.searchParams.get('verification_code')! };
  }

  it('logs in with the typed code, and the link is then spent', async () => {
    const server = await startTestServer();
    const { text, html, link, code } = await mail(server, 'phone@example.com');
    expect(text).toContain(`Or enter this code: ${code}`);
    expect(html).toMatch(new RegExp(`Or enter this code: <strong[^>]*>${code}</strong>`));

    const tokens = await server.token('phone@example.com', code);
    expect(tokens.statusCode).toBe(200);
    expect(decodeJwt(tokens.json().id_token).email).toBe('phone@example.com');

    // The confirm page still opens (a GET spends nothing), but its button is refused.
    const page = await server.inject({ url: link.pathname + link.search });
    expect(page.statusCode).toBe(200);
    const confirm = await postConfirm(server.inject, formFields(page.body));
    expect(confirm.statusCode).toBe(403);
    expect(confirm.headers.location).toBeUndefined();
    expect(confirm.body).toContain('This login page cannot be used');
  });

  it('leaves the code out when connections.email.link.include_code is false', async () => {
    const server = await startTestServer({
      connections: { email: { link: { include_code: false } } },
    });
    const { text, html, link, code } = await mail(server, 'off@example.com');
    expect(text).not.toContain('enter this code');
    expect(html).not.toContain('enter this code');
    expect(text.replace(link.href, '')).not.toContain(code);
    // The link itself still logs in.
    expect((await clickLink(server.inject, link)).statusCode).toBe(302);
  });
});
