import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  alertText,
  expectAccessible,
  focused,
  focusedName,
  idOf,
  logIn,
  openByKeyboard,
  page,
  query,
  statusText,
  submitEmail,
  text,
  toCodeStep,
  toWrongCode,
  waitForAlert,
} from './helpers.js';
import { CODE, claims, idToken, json, passwordlessServer, stubServer } from './server-stub.js';

type Server = ReturnType<typeof stubServer>;
let server: Server;

afterEach(() => server?.restore());

describe('<passwordless-lock>', () => {
  beforeEach(() => {
    localStorage.clear();
    server = passwordlessServer();
  });

  it('renders the email step, closed until shown', async () => {
    const { lock } = await page();
    const dialog = $<HTMLDialogElement>(lock, 'dialog');
    expect(dialog.open).to.equal(false);
    expect(lock.open).to.equal(false);
    expect($(lock, 'h2').textContent).to.equal('Log in');
    expect(dialog.getAttribute('aria-labelledby')).to.equal($(lock, 'h2').id);

    const email = $<HTMLInputElement>(lock, '#email');
    expect($(lock, 'label[for="email"]').textContent?.trim()).to.equal('Email');
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('email');
    expect(email.required).to.equal(true);
    expect($(lock, 'button[type="submit"]').textContent?.trim()).to.equal('Send code');
    expect($(lock, 'button[part~="close-button"]').getAttribute('aria-label')).to.equal('Close');
  });

  it('show() opens a modal dialog, reflects open, fires show and focuses the email field', async () => {
    const { lock } = await page();
    const shown = oneEvent(lock, 'show');
    await lock.show();
    await shown;
    const dialog = $<HTMLDialogElement>(lock, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(lock.hasAttribute('open')).to.equal(true);
    await waitUntil(() => focusedName(lock) === 'email', 'the email field did not get focus');
  });

  it('the open attribute opens it too', async () => {
    const { lock } = await page('open');
    expect($<HTMLDialogElement>(lock, 'dialog').matches(':modal')).to.equal(true);
  });

  it('is accessible on the email step', async () => {
    const { lock } = await page();
    await lock.show();
    await expectAccessible(lock);
  });

  it('is accessible on the code step', async () => {
    const { lock } = await page();
    await toCodeStep(lock);
    await expectAccessible(lock);
  });

  it('is accessible when showing an error', async () => {
    const { lock } = await page();
    await toWrongCode(lock);
    await expectAccessible(lock);
  });

  it('logs in by keyboard alone and fires authenticated with the tokens, then closes', async () => {
    const { lock, trigger } = await page('autoclose');
    await openByKeyboard(trigger, lock);
    await submitEmail(lock);
    await waitUntil(() => focusedName(lock) === 'code', 'the code field did not get focus');
    expect(statusText(lock)).to.equal('We sent a code to ada@example.com.');
    const code = $<HTMLInputElement>(lock, '#code');
    expect(text(lock, 'label[for="code"]')).to.equal('Verification code');
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');

    const authenticated = oneEvent(lock, 'authenticated');
    const hidden = oneEvent(lock, 'hide');
    // The last digit submits the code: no Enter needed.
    await sendKeys({ type: CODE });
    const { detail, bubbles, composed } = await authenticated;
    expect(bubbles && composed).to.equal(true);
    expect(detail).to.deep.equal({
      accessToken: 'at-1',
      idToken,
      idTokenPayload: claims,
      expiresIn: 86400,
      tokenType: 'Bearer',
      scope: 'openid profile email',
      state: undefined,
    });
    await hidden;
    expect($<HTMLDialogElement>(lock, 'dialog').open).to.equal(false);
    expect(lock.open).to.equal(false);
    expect(document.activeElement).to.equal(trigger);

    const [start, token] = server.requests;
    expect(start?.url).to.equal('http://localhost:3000/passwordless/start');
    expect(start?.body).to.deep.include({
      client_id: 'demo',
      connection: 'email',
      email: 'ada@example.com',
      send: 'code',
    });
    expect(token?.url).to.equal('http://localhost:3000/oauth/token');
    expect(token?.body).to.deep.include({ username: 'ada@example.com', otp: CODE, realm: 'email' });
  });

  it('passes auth.params.state back in authenticated, as Lock does', async () => {
    const { lock } = await page();
    lock.auth = { params: { state: 'return-to-/settings' } };
    expect((await logIn(lock)).state).to.equal('return-to-/settings');
  });

  it('sends the language in use as X-Request-Language on start', async () => {
    const { lock } = await page('language="fr"');
    await toCodeStep(lock);
    expect(server.requests[0]?.headers.get('X-Request-Language')).to.equal('fr');
    expect(text(lock, 'label[for="code"]')).to.equal('Code de vérification');
  });

  it("sends the browser's language by default", async () => {
    const { lock } = await page();
    await toCodeStep(lock);
    expect(server.requests[0]?.headers.get('X-Request-Language')).to.equal(navigator.languages[0]);
  });

  it('shows a wrong code as an alert on the field, keeps it, and then takes the right one', async () => {
    const { lock } = await page();
    await toWrongCode(lock);
    expect(alertText(lock)).to.equal('That code is wrong. You have 2 more tries.');
    const code = $<HTMLInputElement>(lock, '#code');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(code.getAttribute('aria-describedby')?.split(' ')).to.include(
      $(lock, '[role="alert"]').id,
    );
    expect(code.value).to.equal('111111');
    expect(focused(lock)).to.equal(code);

    const authenticated = oneEvent(lock, 'authenticated');
    await sendKeys({ press: 'ControlOrMeta+A' });
    await sendKeys({ type: CODE });
    expect((await authenticated).detail.accessToken).to.equal('at-1');
    expect(server.requests.map((r) => r.body.otp)).to.deep.equal([undefined, '111111', CODE]);
  });

  it('keeps only the digits of a pasted code and submits it once complete', async () => {
    const { lock } = await page();
    await toCodeStep(lock);
    const code = $<HTMLInputElement>(lock, '#code');

    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', '123 456');
    const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    code.dispatchEvent(paste);
    expect(paste.defaultPrevented).to.equal(true);
    await lock.updateComplete;
    expect(code.value).to.equal('123456');
    await waitUntil(() => server.requests.length === 2, 'the pasted code was not sent');
    expect(server.requests[1]?.body.otp).to.equal('123456');
  });

  it('keeps only the digits of a typed code, and submits when the last one is typed', async () => {
    const { lock } = await page();
    await toCodeStep(lock);
    const code = $<HTMLInputElement>(lock, '#code');
    await sendKeys({ type: '123-45' });
    expect(code.value).to.equal('12345');
    expect(server.requests).to.have.length(1);
    await sendKeys({ type: '6' });
    await waitUntil(() => server.requests.length === 2, 'the code was not sent');
    expect(server.requests[1]?.body.otp).to.equal('123456');
  });

  it('does not submit a code set in one go until asked (automation, dictation)', async () => {
    const { lock } = await page();
    await toCodeStep(lock);
    const code = $<HTMLInputElement>(lock, '#code');
    code.value = CODE;
    code.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: CODE }));
    await aTimeout(50);
    expect(server.requests).to.have.length(1);
    const authenticated = oneEvent(lock, 'authenticated');
    await sendKeys({ press: 'Enter' });
    await authenticated;
  });

  it('submits a code the browser autofills from the mail', async () => {
    const { lock } = await page();
    await toCodeStep(lock);
    const code = $<HTMLInputElement>(lock, '#code');
    code.value = CODE;
    code.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => server.requests.length === 2, 'the autofilled code was not sent');
  });

  it('disables the button and announces "Sending…" while the request is pending', async () => {
    let answer!: (response: Response) => void;
    server.restore();
    server = stubServer({
      '/passwordless/start': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const { lock } = await page();
    await lock.show();
    await submitEmail(lock);
    await waitUntil(() => answer, 'no request was made');
    await lock.updateComplete;

    expect(statusText(lock)).to.equal('Sending…');
    expect($<HTMLButtonElement>(lock, 'button[type="submit"]').disabled).to.equal(true);
    await expectAccessible(lock);
    await sendKeys({ press: 'Enter' });
    expect(server.requests).to.have.length(1);

    answer(json(200, { _id: 'r', email: 'ada@example.com' }));
    await waitUntil(() => query(lock, '#code'), 'the code step did not appear');
  });

  it('refuses an invalid email without asking the server', async () => {
    const { lock } = await page();
    await lock.show();
    await submitEmail(lock, 'not-an-email');
    expect(await waitForAlert(lock)).to.equal('Enter a valid email address.');
    expect($(lock, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect(server.requests).to.have.length(0);
  });

  it('shows rate limiting with the seconds to wait', async () => {
    server.restore();
    server = stubServer({
      '/passwordless/start': () =>
        json(429, { error: 'too_many_requests', error_description: 'x' }, { 'Retry-After': '30' }),
    });
    const { lock } = await page();
    await lock.show();
    await submitEmail(lock);
    expect(await waitForAlert(lock)).to.equal('Too many requests. Try again in 30 seconds.');
    // Not the user's typing: the field is not marked invalid, but still points at the message.
    const email = $(lock, '#email');
    expect(email.hasAttribute('aria-invalid')).to.equal(false);
    expect(email.getAttribute('aria-describedby')?.split(' ')).to.include(idOf(lock, 'error'));
  });

  it('says so when the server cannot be reached', async () => {
    server.restore();
    server = stubServer({
      '/passwordless/start': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const { lock } = await page();
    await lock.show();
    await submitEmail(lock);
    expect(await waitForAlert(lock)).to.equal(
      "Can't reach the server. Check your connection and try again.",
    );
  });

  it('"Use a different email" goes back to the email step with the email kept', async () => {
    const { lock } = await page();
    await toCodeStep(lock, 'grace@example.com');
    const back = $<HTMLButtonElement>(lock, '.pl-back-button');
    expect(back.textContent?.trim()).to.equal('Use a different email');
    back.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedName(lock) === 'email', 'the email field did not get focus');
    expect($<HTMLInputElement>(lock, '#email').value).to.equal('grace@example.com');
  });

  it('closes on Escape when closable, fires hide and gives focus back to the trigger', async () => {
    const { lock, trigger } = await page();
    await openByKeyboard(trigger, lock);
    await waitUntil(() => focusedName(lock) === 'email', 'the email field did not get focus');
    const hidden = oneEvent(lock, 'hide');
    await sendKeys({ press: 'Escape' });
    await hidden;
    expect($<HTMLDialogElement>(lock, 'dialog').open).to.equal(false);
    expect(lock.hasAttribute('open')).to.equal(false);
    expect(document.activeElement).to.equal(trigger);
  });

  it('closes with the Close button and gives focus back to the trigger', async () => {
    const { lock, trigger } = await page();
    await openByKeyboard(trigger, lock);
    $<HTMLButtonElement>(lock, 'button[part~="close-button"]').click();
    await oneEvent(lock, 'hide');
    expect(document.activeElement).to.equal(trigger);
  });

  it('stays open on Escape when closable="false", and has no close button', async () => {
    const { lock } = await page('closable="false"');
    expect(lock.closable).to.equal(false);
    await lock.show();
    await waitUntil(() => focusedName(lock) === 'email', 'the email field did not get focus');
    expect(query(lock, 'button[part~="close-button"]')).to.equal(null);
    let hides = 0;
    lock.addEventListener('hide', () => hides++);
    // Twice: Chromium lets a second Escape without user activation close the dialog regardless
    // of preventDefault(), and the element has to reopen it.
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await aTimeout(50);
    expect($<HTMLDialogElement>(lock, 'dialog').matches(':modal')).to.equal(true);
    expect(lock.open).to.equal(true);
    expect(hides).to.equal(0);
  });

  it('renders in the page without a dialog when inline, and shows the done screen', async () => {
    const { lock } = await page('inline');
    expect(query(lock, 'dialog')).to.equal(null);
    expect(query(lock, 'button[part~="close-button"]')).to.equal(null);
    await expectAccessible(lock);
    $<HTMLInputElement>(lock, '#email').focus();
    await submitEmail(lock);
    await waitUntil(() => focusedName(lock) === 'code', 'the code field did not get focus');
    await sendKeys({ type: CODE });
    await waitUntil(() => query(lock, '.pl-done'), 'no done screen');
    expect($(lock, '.pl-done').textContent).to.equal('You are logged in.');
  });

  it('fits a 320 px wide viewport', async () => {
    const { lock } = await page(
      html`<div style="width: 320px">
        <passwordless-lock
          client-id="demo"
          domain="http://localhost:3000"
          inline
        ></passwordless-lock>
      </div>`,
    );
    const panel = $(lock, '[part="panel"]');
    expect(panel.getBoundingClientRect().width).to.be.at.most(320);
    expect(panel.scrollWidth).to.be.at.most(panel.clientWidth);
  });
});
