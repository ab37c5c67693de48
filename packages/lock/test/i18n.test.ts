import { expect } from '@open-wc/testing';
import i18next from 'i18next';
import {
  $,
  expectAccessible,
  page,
  statusText,
  submitEmail,
  text,
  toCodeStep,
  waitForAlert,
} from './helpers.js';
import { json, passwordlessServer, stubServer } from './server-stub.js';

let server: ReturnType<typeof stubServer>;

beforeEach(() => {
  localStorage.clear();
  server = passwordlessServer();
});
afterEach(() => {
  server.restore();
  Reflect.deleteProperty(navigator, 'languages');
});

/** Makes the browser prefer `languages`, most wanted first, as its settings would. */
function browserLanguages(...languages: string[]) {
  Object.defineProperty(navigator, 'languages', { value: languages, configurable: true });
}

describe('languages', () => {
  it('loads Arabic on demand and lays the dialog out right to left', async () => {
    const { lock } = await page('language="ar"');
    await lock.show();
    const dialog = $(lock, 'dialog');
    expect(dialog.getAttribute('lang')).to.equal('ar');
    expect(dialog.getAttribute('dir')).to.equal('rtl');
    expect(text(lock, 'h2')).to.equal('تسجيل الدخول');
    // Logical CSS: in RTL the close button sits on the left of the heading.
    const close = $(lock, 'button[part~="close-button"]').getBoundingClientRect();
    expect(close.left).to.be.below($(lock, 'h2').getBoundingClientRect().left);
    await expectAccessible(lock);
  });

  it('takes the lang attribute when there is no language, e.g. Hebrew', async () => {
    const { lock } = await page('lang="he"');
    expect($(lock, 'dialog').getAttribute('dir')).to.equal('rtl');
    expect(text(lock, 'label[for="email"]')).to.equal('אימייל');
  });

  it('matches fr-CA to French and sends fr-CA to the server on start', async () => {
    const { lock } = await page('language="fr-CA"');
    await toCodeStep(lock);
    expect($(lock, 'dialog').getAttribute('lang')).to.equal('fr');
    expect(statusText(lock)).to.equal('Nous avons envoyé un code à ada@example.com.');
    expect(server.requests[0]?.headers.get('X-Request-Language')).to.equal('fr-CA');
  });

  it('falls back to English, and asks for an English mail, for a language it does not ship', async () => {
    browserLanguages('cy', 'mi');
    const { lock } = await page('language="cy-GB"');
    await toCodeStep(lock);
    expect($(lock, 'dialog').getAttribute('lang')).to.equal('en');
    expect(text(lock, 'h2')).to.equal('Log in');
    expect(server.requests[0]?.headers.get('X-Request-Language')).to.equal('en');
  });

  it("takes the first of the browser's languages it has, region first, then language", async () => {
    browserLanguages('xx', 'de-AT', 'fr');
    const { lock } = await page();
    await toCodeStep(lock);
    const dialog = $(lock, 'dialog');
    expect([dialog.getAttribute('lang'), dialog.getAttribute('dir')]).to.deep.equal(['de', 'ltr']);
    expect(text(lock, 'h2')).to.equal('Anmelden');
    expect(server.requests[0]?.headers.get('X-Request-Language')).to.equal('de-AT');
  });

  it("lets the language attribute win over the browser's languages", async () => {
    browserLanguages('ar', 'he');
    const { lock } = await page('language="es-419"');
    await toCodeStep(lock);
    expect($(lock, 'dialog').getAttribute('lang')).to.equal('es');
    expect($(lock, 'dialog').getAttribute('dir')).to.equal('ltr');
    expect(server.requests[0]?.headers.get('X-Request-Language')).to.equal('es-419');
  });

  it('stays in English when English is the first language, even with others after it', async () => {
    browserLanguages('en-GB', 'ja');
    const { lock } = await page();
    await toCodeStep(lock);
    expect($(lock, 'dialog').getAttribute('lang')).to.equal('en');
    expect(server.requests[0]?.headers.get('X-Request-Language')).to.equal('en-GB');
  });

  it('switches language at run time', async () => {
    const { lock } = await page();
    lock.language = 'ja';
    await lock.updateComplete;
    expect(text(lock, 'h2')).to.equal('ログイン');
    lock.language = 'es';
    await lock.updateComplete;
    expect(text(lock, 'h2')).to.equal('Iniciar sesión');
  });

  it('uses the plural forms of the language (Arabic dual)', async () => {
    server.restore();
    server = stubServer({
      '/passwordless/start': () =>
        json(429, { error: 'too_many_requests' }, { 'Retry-After': '2' }),
    });
    const { lock } = await page('language="ar"');
    await lock.show();
    await submitEmail(lock);
    expect(await waitForAlert(lock)).to.equal('طلبات كثيرة جدًا. حاول مرة أخرى بعد ثانيتين.');
  });

  it('lets languageDictionary override any string, in any language', async () => {
    const { lock } = await page();
    lock.languageDictionary = { heading: 'Sign in', email: { submit: 'Email me a code' } };
    await lock.updateComplete;
    expect(text(lock, 'h2')).to.equal('Sign in');
    expect(text(lock, 'button[type="submit"]')).to.equal('Email me a code');
    expect(text(lock, 'label[for="email"]')).to.equal('Email');
    lock.language = 'fr';
    await lock.updateComplete;
    expect(text(lock, 'h2')).to.equal('Sign in');
    expect(text(lock, 'label[for="email"]')).to.equal('E-mail');
  });

  it("leaves the page's own i18next alone", async () => {
    await page('language="de"');
    expect(i18next.isInitialized).not.to.equal(true);
    expect(i18next.language).to.equal(undefined);
  });
});
