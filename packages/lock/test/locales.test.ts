// Every shipped locale, in Chromium: the email, code and error screens in that language, with the
// dialog's `lang` and `dir` right and no axe violation on any of them. The list is the registry's,
// so a locale added there is covered here.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SUPPORTED_LANGUAGES } from '../src/i18n/locales.js';
import {
  $,
  expectAccessible,
  focusedName,
  page,
  query,
  statusText,
  submitEmail,
  text,
  waitForAlert,
} from './helpers.js';
import { passwordlessServer } from './server-stub.js';

const RTL = ['ar', 'fa', 'he', 'ur'];

let server: ReturnType<typeof passwordlessServer>;

beforeEach(() => {
  localStorage.clear();
  server = passwordlessServer();
});
afterEach(() => server.restore());

describe('every locale', () => {
  for (const locale of SUPPORTED_LANGUAGES) {
    it(`${locale}: email, code and error screens, ${RTL.includes(locale) ? 'rtl' : 'ltr'}, accessible`, async () => {
      const { lock } = await page(`language="${locale}"`);
      await lock.show();
      const dialog = $(lock, 'dialog');
      expect(dialog.getAttribute('lang')).to.equal(locale);
      expect(dialog.getAttribute('dir')).to.equal(RTL.includes(locale) ? 'rtl' : 'ltr');
      if (locale !== 'en') expect(text(lock, 'h2')).not.to.equal('Log in');
      await expectAccessible(lock);

      await submitEmail(lock);
      await waitUntil(() => query(lock, '#code'), 'the code step did not appear');
      await waitUntil(() => focusedName(lock) === 'code', 'the code field did not get focus');
      expect(server.requests[0]?.headers.get('X-Request-Language')).to.equal(locale);
      // The address is isolated from a right-to-left sentence, left alone in a left-to-right one.
      const status = statusText(lock);
      if (RTL.includes(locale)) expect(status).to.contain('\u2068ada@example.com\u2069');
      else expect(status).to.contain('ada@example.com').and.not.contain('\u2068');
      await expectAccessible(lock);

      await sendKeys({ type: '111111' });
      await waitForAlert(lock);
      expect(dialog.getAttribute('lang')).to.equal(locale);
      await expectAccessible(lock);
    });
  }
});
