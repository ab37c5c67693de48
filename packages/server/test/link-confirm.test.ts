import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../src/app.js';
import { formFields, postConfirm } from './confirm-link.js';
import { startTestServer, type TestServer } from './helpers.js';

const CALLBACK = 'http://localhost:5173/';
const VERIFIER = 'bG9uZy1lbm91Z2gtcGtjZS12ZXJpZmllci1mb3ItdGhlLWxpbmstY29uZmlybS10ZXN0';
const AUTH_PARAMS = {
  redirect_uri: CALLBACK,
  state: 'confirm-state',
  code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
  code_challenge_method: 'S256',
};
const SAFE_LINKS_UA = 'Mozilla/5.0 (compatible; Microsoft Office/16.0; Safe Links)';

async function mailedLink(server: TestServer, email: string, headers = {}): Promise<URL> {
  const start = await server.start(email, { send: 'link', authParams: AUTH_PARAMS }, headers);
  expect(start.statusCode).toBe(200);
  await server.mailSettled();
  const inbox = await server.inject({ url: `/dev/inbox.json?to=${encodeURIComponent(email)}` });
  return new URL(/(https?:\/\/\S+verify_redirect\S+)/.exec(inbox.json().messages[0].text)![1]!);
}

function open(server: TestServer, link: URL, method: 'GET' | 'HEAD' = 'GET', headers = {}) {
  return server.inject({ method, url: link.pathname + link.search, headers });
}

/** The CSP source that allows an inline element with exactly `text` in it. */
function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(' ');
      return [name!, values.join(' ')];
    }),
  );
}

describe('a magic link opened by a mail scanner', () => {
  it('is not spent by GETs and HEADs, with or without a scanner User-Agent; the click then logs in once', async () => {
    const server = await startTestServer();
    const link = await mailedLink(server, 'scanned@example.com');
    // More opens than the code's 3 tries: had any counted, the code would be dead.
    for (const headers of [{ 'user-agent': SAFE_LINKS_UA }, {}, { 'user-agent': SAFE_LINKS_UA }]) {
      const page = await open(server, link, 'GET', headers);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers.location).toBeUndefined();
      const head = await open(server, link, 'HEAD', headers);
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
    }

    const page = await open(server, link);
    const form = formFields(page.body);
    expect(form.get('verification_code')).toBe(link.searchParams.get('verification_code'));
    const click = await postConfirm(server.inject, form);
    expect(click.statusCode).toBe(302);
    const callback = new URL(click.headers.location!);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    expect(callback.searchParams.get('state')).toBe('confirm-state');
    const tokens = await server.exchangeCode(
      callback.searchParams.get('code')!,
      VERIFIER,
      CALLBACK,
    );
    expect(tokens.statusCode).toBe(200);

    const replay = await postConfirm(server.inject, form);
    expect(replay.statusCode).toBe(403);
    expect(replay.body).toContain('This login page cannot be used');
  });

  it('answers the page with a strict CSP, no caching, no referrer and no indexing', async () => {
    const server = await startTestServer();
    const page = await open(server, await mailedLink(server, 'headers@example.com'));
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.body)![1]!;
    const csp = directives(page.headers['content-security-policy'] as string);
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': "'none'",
      'style-src': hashSource(style),
      'form-action': "'self' http://localhost:5173",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
    });
    expect(page.body).not.toContain('<script');
    expect(page.headers).toMatchObject({
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex',
    });
  });

  it('is a page people can use: language and direction, a title, one heading, one labelled button', async () => {
    const server = await startTestServer();
    const page = await open(server, await mailedLink(server, 'a11y@example.com'));
    expect(page.body).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    expect(page.body).toContain('<title>Log in to Passwordless Demo</title>');
    expect(page.body.match(/<h1>/g)).toHaveLength(1);
    expect(page.body).toContain('<h1>Log in to Passwordless Demo</h1>');
    expect(page.body.match(/<button/g)).toHaveLength(1);
    expect(page.body).toContain('<button type="submit">Log in</button>');
    expect(page.body).toContain('<form id="confirm" method="post" action="verify_redirect">');
    // Every input but the button is hidden: nothing to label.
    expect(page.body.match(/<input /g)?.length).toBe(page.body.match(/type="hidden"/g)?.length);
  });

  it('is written in the language the link was asked for, right to left where that is read so', async () => {
    const server = await startTestServer();
    const german = await mailedLink(server, 'de@example.com', { 'x-request-language': 'de' });
    expect(german.searchParams.get('ui_locales')).toBe('de');
    const page = await open(server, german);
    expect(page.body).toContain('<html lang="de" dir="ltr">');
    expect(page.body).toContain('<h1>Bei Passwordless Demo anmelden</h1>');
    expect(page.body).toContain('<button type="submit">Anmelden</button>');

    const hebrew = await mailedLink(server, 'he@example.com', { 'accept-language': 'he-IL' });
    expect((await open(server, hebrew)).body).toContain('<html lang="he" dir="rtl">');
    // A language the widget does not ship (Greenlandic) falls back to English; so does a link
    // edited to say nonsense.
    const greenlandic = await mailedLink(server, 'kl@example.com', { 'x-request-language': 'kl' });
    expect((await open(server, greenlandic)).body).toContain('<html lang="en" dir="ltr">');
    greenlandic.searchParams.set('ui_locales', '"><script>');
    // Parameters the link does not have are not carried into the form, repeated or not.
    greenlandic.searchParams.append('extra', 'a');
    greenlandic.searchParams.append('extra', 'b');
    const edited = await open(server, greenlandic);
    expect(edited.body).toContain('<html lang="en" dir="ltr">');
    expect(edited.body).not.toContain('name="extra"');
  });
});

describe('the confirm POST', () => {
  it('is refused without the form token, with a wrong one, or from another site; the link then still works', async () => {
    const server = await startTestServer();
    const link = await mailedLink(server, 'csrf@example.com');
    const form = formFields((await open(server, link)).body);

    const withoutToken = new URLSearchParams(form);
    withoutToken.delete('form_token');
    const missing = await postConfirm(server.inject, withoutToken, { accept: '*/*' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toEqual({
      error: 'access_denied',
      error_description:
        'The form token is missing, wrong or used up: open the link in the email again.',
    });

    const wrongToken = new URLSearchParams(form);
    const token = form.get('form_token')!;
    wrongToken.set('form_token', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    const wrong = await postConfirm(server.inject, wrongToken);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(wrong.body).toContain('<h1>This login page cannot be used</h1>');

    const crossSiteHeaders: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of crossSiteHeaders) {
      const crossSite = await postConfirm(server.inject, form, { ...headers, accept: '*/*' });
      expect(crossSite.statusCode).toBe(403);
      expect(crossSite.json().error_description).toBe('Cross-site form posts are refused.');
    }

    // The issuer's own origin, as a browser sends it under a referrer policy that allows it.
    const click = await postConfirm(server.inject, form, { origin: 'http://localhost:3000' });
    expect(click.statusCode).toBe(302);
    expect(new URL(click.headers.location!).searchParams.get('code')).toEqual(expect.any(String));
  });

  it("refuses the token of an earlier link's page once a newer link replaced it", async () => {
    const server = await startTestServer();
    const first = await mailedLink(server, 'twice@example.com');
    const oldForm = formFields((await open(server, first)).body);
    server.clock.now += 31_000;
    const second = await mailedLink(server, 'twice@example.com');
    // The old page's fields with the new code: only the token is stale.
    oldForm.set('verification_code', second.searchParams.get('verification_code')!);
    expect((await postConfirm(server.inject, oldForm)).statusCode).toBe(403);
    const newForm = formFields((await open(server, second)).body);
    expect((await postConfirm(server.inject, newForm)).statusCode).toBe(302);
  });

  it('still sends a wrong code back to the callback as access_denied, as the GET did', async () => {
    const server = await startTestServer();
    const link = await mailedLink(server, 'wrong@example.com');
    const form = formFields((await open(server, link)).body);
    const code = form.get('verification_code')!;
    form.set(
      'verification_code',
      code.replace(/\d/g, (digit) => String((Number(digit) + 1) % 10)),
    );
    const click = await postConfirm(server.inject, form);
    expect(click.statusCode).toBe(302);
    const error = new URL(click.headers.location!).searchParams;
    expect([error.get('error'), error.get('state')]).toEqual(['access_denied', 'confirm-state']);
  });
});

describe('connections.email.link.confirm', () => {
  it('"auto": the page submits itself by the one script its CSP allows, and keeps the button', async () => {
    const server = await startTestServer({ connections: { email: { link: { confirm: 'auto' } } } });
    const page = await open(server, await mailedLink(server, 'auto@example.com'));
    const scripts = [...page.body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toEqual(['document.getElementById("confirm").submit();']);
    const csp = directives(page.headers['content-security-policy'] as string);
    expect(csp.get('script-src')).toBe(hashSource(scripts[0]!));
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.body).toContain('<button type="submit">Log in</button>');
  });

  it('defaults to "click" and accepts nothing but "click" and "auto"', () => {
    const options = { dev: true, port: 3000, dataDir: '/tmp/x' };
    expect(resolveConfig(undefined, options).connections.email.link).toEqual({
      confirm: 'click',
      includeCode: true,
    });
    expect(() =>
      resolveConfig({ connections: { email: { link: { confirm: 'never' } } } }, options),
    ).toThrow(ConfigError);
    expect(() =>
      resolveConfig({ connections: { email: { link: { include_code: 'no' } } } }, options),
    ).toThrow(/include_code/);
  });
});
