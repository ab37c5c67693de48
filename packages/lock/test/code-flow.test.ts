import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PasswordlessLock } from '../src/index.js';
import {
  $,
  alertText,
  expectAccessible,
  focusedName,
  logIn,
  page,
  query,
  statusText,
  submitEmail,
  tabTo,
  text,
  toCodeStep,
  toWrongCode,
  waitForAlert,
} from './helpers.js';
import { CODE, idToken, json, passwordlessServer, stubServer, tampered } from './server-stub.js';

let server: ReturnType<typeof stubServer>;

beforeEach(() => localStorage.clear());
afterEach(() => server?.restore());

async function typeWrongCode(lock: PasswordlessLock, requests: number) {
  await sendKeys({ press: 'ControlOrMeta+A' });
  await sendKeys({ type: `${requests}`.padStart(6, '1') });
  await waitUntil(() => server.requests.length === requests, 'the code was not sent');
  await lock.updateComplete;
}

describe('code screen', () => {
  it('shows the expiry, and offers a new code once the cooldown is over, in the same language', async () => {
    server = passwordlessServer({ resend_after: 1, expires_in: 2 });
    const { lock } = await page('language="de"');
    await toCodeStep(lock);
    const resend = $<HTMLButtonElement>(lock, '.pl-resend-button');
    expect(resend.textContent?.trim()).to.equal('Neuen Code anfordern');
    expect(resend.disabled).to.equal(true);
    expect(text(lock, '.pl-resend-countdown')).to.equal(
      'Einen neuen Code können Sie in 1 Sekunde anfordern.',
    );
    expect(text(lock, '.pl-expiry')).to.equal('Der Code läuft in 0:02 ab.');
    await expectAccessible(lock);

    await waitUntil(() => !resend.disabled, 'resend never became available', { timeout: 3000 });
    expect(query(lock, '.pl-resend-countdown')).to.equal(null);
    await tabTo(lock, (el) => el === resend);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => server.requests.length === 2, 'no new code was asked for');
    await waitUntil(() => focusedName(lock) === 'code', 'focus did not go back to the code');
    expect(statusText(lock)).to.equal('Wir haben einen neuen Code an ada@example.com gesendet.');
    const [first, again] = server.requests;
    expect(again?.body).to.deep.include({ email: 'ada@example.com', send: 'code' });
    expect(again?.headers.get('X-Request-Language')).to.equal('de');
    expect(first?.headers.get('X-Request-Language')).to.equal('de');

    await waitUntil(
      () => text(lock, '.pl-expiry') === 'Der Code ist abgelaufen. Fordern Sie einen neuen an.',
      'the code never expired',
      { timeout: 3500 },
    );
  });

  it('counts the attempts left after each wrong code, down to asking for a new one', async () => {
    server = passwordlessServer();
    const { lock } = await page();
    let refusals = 0;
    lock.addEventListener('authorization_error', (event) => {
      refusals++;
      expect(event.detail).to.deep.equal({
        error: 'invalid_grant',
        errorDescription: 'Wrong email or verification code.',
      });
    });
    await toCodeStep(lock);
    await typeWrongCode(lock, 2);
    expect(alertText(lock)).to.equal('That code is wrong. You have 2 more tries.');
    await typeWrongCode(lock, 3);
    expect(alertText(lock)).to.equal('That code is wrong. You have 1 more try.');
    await typeWrongCode(lock, 4);
    expect(alertText(lock)).to.equal(
      'That code is wrong, and it was the last try. Ask for a new code.',
    );
    expect(refusals).to.equal(3);
    expect($(lock, '#code').getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(lock);
  });

  it("sizes the code field from the server's code_length, and submits only a whole code", async () => {
    server = passwordlessServer({ code_length: 8 });
    const { lock } = await page();
    await toCodeStep(lock);
    const code = $<HTMLInputElement>(lock, '#code');
    expect(code.getAttribute('pattern')).to.equal('[0-9]{8}');
    expect(code.getAttribute('inputmode')).to.equal('numeric');
    expect(text(lock, '.pl-hint')).to.equal('The 8-digit code from the email.');
    await sendKeys({ type: '123456' });
    await aTimeout(50);
    expect(server.requests, 'six digits of eight were sent').to.have.length(1);
    expect(query(lock, '[role="alert"]')?.textContent).to.equal('');
    await sendKeys({ type: '78' });
    await waitUntil(() => server.requests.length === 2, 'the whole code was not sent');
    expect(server.requests[1]?.body.otp).to.equal('12345678');
  });

  it('takes six digits when the server (as Auth0) does not say the length', async () => {
    server = passwordlessServer();
    const { lock } = await page();
    await toCodeStep(lock);
    expect($(lock, '#code').getAttribute('pattern')).to.equal('[0-9]{6}');
    expect(text(lock, '.pl-hint')).to.equal('The 6-digit code from the email.');
  });

  it('does not send the same refused code again when it is autofilled again', async () => {
    server = passwordlessServer();
    const { lock } = await page();
    await toCodeStep(lock);
    await typeWrongCode(lock, 2);
    const code = $<HTMLInputElement>(lock, '#code');
    code.dispatchEvent(new Event('input', { bubbles: true }));
    await lock.updateComplete;
    expect(server.requests).to.have.length(2);
  });

  const errors: [string, () => Response, string][] = [
    [
      'code_expired',
      () => json(403, { error: 'invalid_grant', error_description: 'The code has expired.' }),
      'That code has expired. Ask for a new one.',
    ],
    [
      'too_many_attempts',
      () => json(429, { error: 'too_many_attempts', error_description: 'x' }),
      'Too many wrong codes. Wait a few minutes, then ask for a new code.',
    ],
    [
      'a server error',
      () => json(500, { error: 'server_error' }),
      'Something went wrong on our side. Try again later.',
    ],
    [
      'a network failure',
      () => {
        throw new TypeError('Failed to fetch');
      },
      "Can't reach the server. Check your connection and try again.",
    ],
  ];
  for (const [name, answer, message] of errors) {
    it(`says what went wrong with the code: ${name}`, async () => {
      server = stubServer({
        '/passwordless/start': () => json(200, { _id: 'r', email: 'ada@example.com' }),
        '/oauth/token': answer,
      });
      const { lock } = await page();
      await toWrongCode(lock, '123456');
      expect(alertText(lock)).to.equal(message);
      expect($<HTMLInputElement>(lock, '#code').value).to.equal('123456');
    });
  }

  it('reports an origin the client does not allow as unrecoverable, with its message', async () => {
    server = stubServer({
      '/passwordless/start': () =>
        json(403, { error: 'access_denied', error_description: 'Origin x is not allowed.' }),
    });
    const { lock } = await page();
    const unrecoverable = oneEvent(lock, 'unrecoverable_error');
    const errorLog = console.error;
    console.error = () => {};
    try {
      await lock.show();
      await submitEmail(lock);
      expect((await unrecoverable).detail.error).to.equal('access_denied');
    } finally {
      console.error = errorLog;
    }
    expect(alertText(lock)).to.equal('This website is not allowed to log in to this application.');
  });

  it('says the server refused the email', async () => {
    server = stubServer({
      '/passwordless/start': () => json(400, { error: 'bad.email', error_description: 'x' }),
    });
    const { lock } = await page();
    await lock.show();
    await submitEmail(lock);
    expect(await waitForAlert(lock)).to.equal('Enter a valid email address.');
    expect($(lock, '#email').getAttribute('aria-invalid')).to.equal('true');
  });

  it('asks for the code when the field is empty', async () => {
    server = passwordlessServer();
    const { lock } = await page();
    await toCodeStep(lock);
    await sendKeys({ press: 'Enter' });
    expect(await waitForAlert(lock)).to.equal('Enter the code from the email.');
    expect(server.requests).to.have.length(1);
  });
});

describe('signed-in screen', () => {
  it('stays open saying "You are logged in." when autoclose is off (the default)', async () => {
    server = passwordlessServer();
    const { lock } = await page();
    expect(lock.autoclose).to.equal(false);
    await logIn(lock);
    await waitUntil(() => focusedName(lock) === 'done', 'focus did not move to the message');
    expect(text(lock, '.pl-done')).to.equal('You are logged in.');
    expect(lock.open).to.equal(true);
    await expectAccessible(lock);
  });
});

describe('id_token checks', () => {
  it('refuses a tampered token with unrecoverable_error and a localized message', async () => {
    server = passwordlessServer({}, tampered(idToken, { email: 'eve@example.com' }));
    const { lock } = await page('language="fr"');
    let authenticated = false;
    lock.addEventListener('authenticated', () => (authenticated = true));
    await toCodeStep(lock);
    const unrecoverable = oneEvent(lock, 'unrecoverable_error');
    await sendKeys({ type: CODE });
    const { detail } = await unrecoverable;
    expect(detail.error).to.equal('invalid_token');
    expect(detail.errorDescription).to.contain('signature');
    await lock.updateComplete;
    expect(alertText(lock)).to.equal("La connexion n'a pas pu être vérifiée. Réessayez.");
    expect(authenticated).to.equal(false);
    expect(query(lock, '#done')).to.equal(null);
    await expectAccessible(lock);
  });
});

describe('magic link mode', () => {
  it('sends a link with the redirect and shows "check your inbox"', async () => {
    server = passwordlessServer({ resend_after: 30 });
    const { lock } = await page('passwordless-method="link"');
    lock.auth = { redirectUrl: 'http://localhost:5173/callback', params: { scope: 'openid' } };
    await lock.show();
    expect(text(lock, 'button[type="submit"]')).to.equal('Send link');
    await expectAccessible(lock);
    await submitEmail(lock);
    await waitUntil(() => query(lock, '.pl-link-sent'), 'no link screen');
    expect(server.requests[0]?.body).to.deep.include({ send: 'link' });
    const authParams = server.requests[0]?.body.authParams as Record<string, string>;
    expect(authParams).to.deep.include({
      scope: 'openid',
      redirect_uri: 'http://localhost:5173/callback',
      response_type: 'token id_token',
    });
    // The client's transaction, kept in localStorage for the tab the link opens in.
    const stored = JSON.parse(localStorage.getItem(`pl.tx.${authParams.state}`) ?? '{}');
    expect(stored).to.deep.include({ nonce: authParams.nonce, clientId: 'demo' });
    expect(authParams.nonce).to.match(/^[\w-]{43}$/);
    expect(authParams.nonce).not.to.equal(authParams.state);
    expect(statusText(lock)).to.equal('We sent a link to ada@example.com.');
    expect(text(lock, '.pl-resend-button')).to.equal('Send a new link');
    await expectAccessible(lock);
  });
});

describe('every state passes axe', () => {
  it('inline, right to left, on the link screen', async () => {
    server = passwordlessServer();
    const { lock } = await page('language="he" passwordless-method="link" inline');
    await expectAccessible(lock);
    $(lock, '#email').focus();
    await submitEmail(lock);
    await waitUntil(() => query(lock, '.pl-link-sent'), 'no link screen');
    expect($(lock, 'section').getAttribute('dir')).to.equal('rtl');
    await expectAccessible(lock);
  });

  it('after going back to change the email, by keyboard', async () => {
    server = passwordlessServer();
    const { lock } = await page();
    await toCodeStep(lock, 'grace@example.com');
    await tabTo(lock, (el) => el.classList.contains('pl-back-button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedName(lock) === 'email', 'focus did not go back to the email');
    await sendKeys({ press: 'ControlOrMeta+A' });
    await submitEmail(lock);
    await waitUntil(() => server.requests.length === 2, 'the new email was not sent');
    expect(server.requests[1]?.body.email).to.equal('ada@example.com');
    await waitUntil(() => focusedName(lock) === 'code', 'focus did not move to the code');
    await expectAccessible(lock);
  });
});
