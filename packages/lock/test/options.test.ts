import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  $,
  alertText,
  expectAccessible,
  focused,
  focusedName,
  logIn,
  page,
  statusText,
  submitEmail,
  waitForAlert,
} from './helpers.js';
import { passwordlessServer } from './server-stub.js';

let server: ReturnType<typeof passwordlessServer>;

beforeEach(() => {
  localStorage.clear();
  server = passwordlessServer();
});
afterEach(() => server.restore());

describe('email screen options', () => {
  it('prefills prefill-email', async () => {
    const { lock } = await page('prefill-email="grace@example.com"');
    expect($<HTMLInputElement>(lock, '#email').value).to.equal('grace@example.com');
  });

  it('remembers the last email that logged in, per client id', async () => {
    const first = await page();
    await logIn(first.lock, 'grace@example.com');
    expect(localStorage.getItem('passwordless-lock:demo:email')).to.equal('grace@example.com');

    const again = await page();
    expect($<HTMLInputElement>(again.lock, '#email').value).to.equal('grace@example.com');
    const other = await page(
      html`<passwordless-lock
        client-id="other"
        domain="http://localhost:3000"
      ></passwordless-lock>`,
    );
    expect($<HTMLInputElement>(other.lock, '#email').value).to.equal('');
  });

  it('neither stores nor prefills with remember-last-login="false"', async () => {
    localStorage.setItem('passwordless-lock:demo:email', 'old@example.com');
    const { lock } = await page('remember-last-login="false"');
    expect($<HTMLInputElement>(lock, '#email').value).to.equal('');
    await logIn(lock, 'grace@example.com');
    expect(localStorage.getItem('passwordless-lock:demo:email')).to.equal('old@example.com');
  });

  it('turns autocomplete off with allow-autocomplete="false"', async () => {
    const { lock } = await page('allow-autocomplete="false"');
    expect($<HTMLInputElement>(lock, '#email').autocomplete).to.equal('off');
  });

  it('requires the terms to be accepted with must-accept-terms', async () => {
    const { lock } = await page('must-accept-terms');
    await lock.show();
    await submitEmail(lock);
    expect(await waitForAlert(lock)).to.equal('Accept the terms of service to continue.');
    expect(focusedName(lock)).to.equal('terms');
    expect($(lock, '#terms').getAttribute('aria-invalid')).to.equal('true');
    expect(server.requests).to.have.length(0);
    await expectAccessible(lock);
    await sendKeys({ press: 'Space' });
    await lock.updateComplete;
    expect(alertText(lock)).to.equal('');
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => server.requests.length === 1, 'the code was not asked for');
  });

  it('shows a flash message: info in the status region, error in the alert', async () => {
    const { lock } = await page();
    lock.flashMessage = { type: 'info', text: 'Your session has expired.' };
    await lock.show();
    expect(statusText(lock)).to.equal('Your session has expired.');
    await expectAccessible(lock);
    lock.flashMessage = { type: 'error', text: 'That link has expired.' };
    await lock.updateComplete;
    expect(alertText(lock)).to.equal('That link has expired.');
  });
});

describe('modal', () => {
  it('does not put focus in the email field with autofocus off', async () => {
    const { lock } = await page();
    // As a property: lit-a11y rightly flags any autofocus attribute in a template, even "false".
    lock.autofocus = false;
    await lock.show();
    await aTimeout(20);
    expect(focusedName(lock)).not.to.equal('email');
  });

  it('closes on a backdrop click when closable', async () => {
    const { lock } = await page();
    await lock.show();
    const closing = oneEvent(lock, 'request-close');
    await sendMouse({ type: 'click', position: [2, 2] });
    expect((await closing).detail.source).to.equal('backdrop');
    await waitUntil(() => !lock.open, 'the backdrop click did not close it');
  });

  it('stays open on a backdrop click when closable="false", and on clicks inside', async () => {
    const { lock } = await page('closable="false"');
    await lock.show();
    await sendMouse({ type: 'click', position: [2, 2] });
    const box = $(lock, 'h2').getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + 2), Math.round(box.top + 2)],
    });
    await aTimeout(20);
    expect(lock.open).to.equal(true);
  });

  it('stays open when the page cancels request-close', async () => {
    const { lock } = await page();
    lock.addEventListener('request-close', (event) => event.preventDefault());
    await lock.show();
    await sendKeys({ press: 'Escape' });
    await aTimeout(20);
    expect(lock.open).to.equal(true);
  });

  it('locks the page scroll while open, and puts it back after', async () => {
    document.documentElement.style.overflow = 'clip';
    const { lock } = await page();
    await lock.show();
    expect(document.documentElement.style.overflow).to.equal('hidden');
    await lock.hide();
    expect(document.documentElement.style.overflow).to.equal('clip');
    document.documentElement.style.overflow = '';
  });

  it('keeps focus inside the modal when tabbing past either end', async () => {
    const { lock } = await page();
    await lock.show();
    await waitUntil(() => focusedName(lock) === 'email', 'the email field did not get focus');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      expect(lock.contains(document.activeElement), `after ${i + 1} Tab`).to.equal(true);
      const active = focused(lock);
      seen.push(active?.getAttribute('part') ?? active?.className ?? '');
    }
    // email → Send code → Close → (wraps) email → Send code
    expect(seen).to.deep.equal([
      'pl-submit-button',
      'button close-button',
      'pl-email-input',
      'pl-submit-button',
    ]);
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    expect(focused(lock)?.getAttribute('part')).to.equal('button close-button');
  });
});
