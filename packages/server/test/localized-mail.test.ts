import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InboxMessage } from '../src/app.js';
import { allServerText } from '../src/locales/index.js';
import { startTestServer, type TestServer } from './helpers.js';
import { WIDGET_LOCALES } from './widget-locales.js';

const SERVER_TEXT = await allServerText();
const APP = 'Passwordless Demo';
const LRI = '\u2066';
const PDI = '\u2069';
const CALLBACK = 'http://localhost:5173/';
const AUTH_PARAMS = {
  redirect_uri: CALLBACK,
  state: 'localized',
  code_challenge: createHash('sha256')
    .update('localized-mail-verifier'.repeat(2))
    .digest('base64url'),
  code_challenge_method: 'S256',
};
/** Regional variants and the locale each reads, for the locales this branch ships. */
const VARIANTS = (
  [
    ['de-AT', 'de'],
    ['fr-CA', 'fr'],
    ['es-MX', 'es'],
    ['ar-EG', 'ar'],
    ['iw-IL', 'he'],
    ['ja-JP', 'ja'],
    ['pt', 'pt-BR'],
    ['pt-AO', 'pt-PT'],
    ['zh-TW', 'zh-Hant'],
    ['zh-SG', 'zh-Hans'],
    ['no', 'nb'],
  ] as const
).filter(([, locale]) => WIDGET_LOCALES.includes(locale));

/** A start in `language` injected into `server`, and the mail it queued, once sent. */
async function mailTo(server: TestServer, email: string, language: string): Promise<InboxMessage> {
  const start = await server.start(email, {}, { 'x-request-language': language });
  expect(start.statusCode).toBe(200);
  await server.mailSettled();
  const inbox = await server.inject({ url: `/dev/inbox.json?to=${encodeURIComponent(email)}` });
  return inbox.json().messages[0] as InboxMessage;
}

const text = (tag: string) => SERVER_TEXT[tag]!;
const withApp = (words: string) => words.replace('{app}', APP);
const escapeHtml = (words: string) =>
  words.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');

/** A --dev server listening on 127.0.0.1, with room for a start per locale from one address. */
async function listeningServer(): Promise<{ server: TestServer; base: string }> {
  const server = await startTestServer({ rate_limits: { start_per_ip_per_hour: 1000 } });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  return {
    server,
    base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
  };
}

/** A start over HTTP in `language`, and the mail it put in the dev inbox over SMTP. */
async function mailIn(
  { server, base }: { server: TestServer; base: string },
  language: string,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<InboxMessage> {
  const start = await fetch(`${base}/passwordless/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-language': language },
    body: JSON.stringify({ client_id: 'demo', connection: 'email', email, send: 'code', ...extra }),
  });
  expect({ language, status: start.status }).toEqual({ language, status: 200 });
  await server.mailSettled();
  const inbox = await fetch(`${base}/dev/inbox.json?to=${encodeURIComponent(email)}`);
  const { messages } = (await inbox.json()) as { messages: InboxMessage[] };
  expect(messages).toHaveLength(1);
  return messages[0]!;
}

function expectCodeMailIn(locale: string, mail: InboxMessage, asked: string) {
  const words = text(locale).email;
  const english = text('en').email;
  const rtl = text(locale).rtl === true;
  const at = { asked, locale };
  expect({ ...at, subject: mail.subject }).toEqual({ ...at, subject: withApp(words.codeSubject) });
  expect(mail.text).toContain(withApp(words.codeIntro));
  expect(mail.html).toContain(escapeHtml(withApp(words.codeIntro)));
  if (locale !== 'en') {
    expect(mail.subject).not.toBe(withApp(english.codeSubject));
    expect(mail.text).not.toContain(withApp(english.codeIntro));
  }
  expect(mail.html).toMatch(
    new RegExp(`^<!doctype html>\\n<html lang="${locale}" dir="${rtl ? 'rtl' : 'ltr'}">`),
  );
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  expect(code).toBeDefined();
  expect(mail.html).toContain(`<span dir="ltr" style="unicode-bidi: isolate">${code}</span>`);
  if (rtl) expect(mail.text).toContain(`${LRI}${code}${PDI}`);
  else expect(mail.text).not.toMatch(/[\u2066-\u2069]/);
}

describe('the built-in mail speaks the language of the start', () => {
  it('for every locale, and regional variants read their locale', async () => {
    const listening = await listeningServer();
    const asks: Array<readonly [asked: string, locale: string]> = [
      ...WIDGET_LOCALES.map((locale) => [locale, locale] as const),
      ...VARIANTS,
      // A language no locale has: the tenant's default_language (here English).
      ['kl', 'en'],
    ];
    // A few starts at a time: each waits for its SMTP delivery.
    for (let i = 0; i < asks.length; i += 8) {
      await Promise.all(
        asks.slice(i, i + 8).map(async ([asked, locale]) => {
          expectCodeMailIn(
            locale,
            await mailIn(listening, asked, `code-${asked}@example.com`),
            asked,
          );
        }),
      );
    }
  }, 60_000);

  it('in link mails too, the link and the code isolated from right-to-left text', async () => {
    const listening = await listeningServer();
    for (const locale of ['ar', 'de', 'he', 'ja', 'en'].filter((tag) => tag in SERVER_TEXT)) {
      const mail = await mailIn(listening, locale, `link-${locale}@example.com`, {
        send: 'link',
        authParams: AUTH_PARAMS,
      });
      const words = text(locale).email;
      const rtl = text(locale).rtl === true;
      expect({ locale, subject: mail.subject }).toEqual({
        locale,
        subject: withApp(words.linkSubject),
      });
      expect(mail.html).toContain(`<html lang="${locale}" dir="${rtl ? 'rtl' : 'ltr'}">`);
      expect(mail.html).toContain(`>${escapeHtml(words.linkButton)}</a>`);
      expect(mail.text).toContain(withApp(words.linkIntro));
      const link = /https?:\/\/\S+verify_redirect\S+/.exec(mail.text)![0];
      expect(new URL(link).searchParams.get('ui_locales')).toBe(locale);
      const code = new URL(link).searchParams.get('verification_code')!;
      expect(mail.html).toContain(
        `<strong dir="ltr" style="letter-spacing: 2px; unicode-bidi: isolate">${code}</strong>`,
      );
      if (rtl) {
        // The link's isolate ends with its line; a PDI would stick to the URL in linkifiers.
        expect(mail.text).toContain(`\n${LRI}${link}\n`);
        expect(mail.text).toContain(`${words.linkCode} ${LRI}${code}${PDI}`);
      } else {
        expect(mail.text).toContain(`\n${link}\n`);
        expect(mail.text).toContain(`${words.linkCode} ${code}`);
      }
    }
  }, 30_000);

  it('says how long the code works in the words of the language', async () => {
    const listening = await listeningServer();
    const german = await mailIn(listening, 'de', 'minutes-de@example.com');
    expect(german.text).toContain('läuft in 3 Minuten ab.');
    const english = await mailIn(listening, 'en', 'minutes-en@example.com');
    expect(english.text).toContain('expires in 3 minutes.');
  });

  it("falls back to default_language's locale, then English, for a language no locale has", async () => {
    const server = await startTestServer({ default_language: 'fr' });
    expect((await mailTo(server, 'kl-fr@example.com', 'kl')).html).toContain(
      '<html lang="fr" dir="ltr">',
    );
    expect((await mailTo(server, 'de-fr@example.com', 'de-CH')).html).toContain(
      '<html lang="de" dir="ltr">',
    );
    const other = await startTestServer({ default_language: 'kl' });
    const mail = await mailTo(other, 'kl-kl@example.com', 'tlh');
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
  });

  it("escapes the application's name in the HTML part and keeps it as is in the subject", async () => {
    const server = await startTestServer({
      clients: [{ client_id: 'demo', name: 'Tom & <Jerry>', callbacks: [CALLBACK] }],
    });
    const mail = await mailTo(server, 'escape@example.com', 'fr');
    expect(mail.subject).toBe('Votre code de vérification pour Tom & <Jerry>');
    expect(mail.html).toContain('Votre code de vérification pour Tom &amp; &lt;Jerry&gt; est');
    expect(mail.html).not.toContain('<Jerry>');
  });
});

describe("the tenant's templates", () => {
  it('win part by part, in every language, over the built-in mail', async () => {
    const server = await startTestServer({
      connections: {
        email: {
          email: { subject: { en: 'Code: {{ code }}', de: 'Code ({{ request_language }})' } },
        },
      },
    });
    const mail = await mailTo(server, 'tenant@example.com', 'de-AT');
    // The tenant's subject, in the language it matched; the built-in text and HTML in German.
    expect(mail.subject).toBe('Code (de-AT)');
    expect(mail.text).toContain(withApp(text('de').email.codeIntro));
    expect(mail.html).toContain('<html lang="de" dir="ltr">');
  });
});

describe('the confirm page of a magic link', () => {
  it('is in every locale, with its lang, dir and heading; the first language of ui_locales that matches wins', async () => {
    const listening = await listeningServer();
    const { server } = listening;
    const mail = await mailIn(listening, 'en', 'confirm@example.com', {
      send: 'link',
      authParams: AUTH_PARAMS,
    });
    const link = new URL(/https?:\/\/\S+verify_redirect\S+/.exec(mail.text)![0]);
    const open = async (uiLocales: string) => {
      link.searchParams.set('ui_locales', uiLocales);
      const page = await server.inject({ url: link.pathname + link.search });
      expect(page.statusCode).toBe(200);
      return page.body;
    };
    for (const locale of WIDGET_LOCALES) {
      const page = await open(locale);
      const confirm = text(locale).confirm;
      const dir = text(locale).rtl ? 'rtl' : 'ltr';
      expect({ locale, html: /<html [^>]*>/.exec(page)![0] }).toEqual({
        locale,
        html: `<html lang="${locale}" dir="${dir}">`,
      });
      expect(page).toContain(`<h1>${escapeHtml(withApp(confirm.heading))}</h1>`);
      expect(page).toContain(`<button type="submit">${escapeHtml(confirm.button)}</button>`);
    }
    expect(await open('kl de-CH fr')).toContain('<html lang="de" dir="ltr">');
    expect(await open('kl tlh')).toContain('<html lang="en" dir="ltr">');
  });
});
