import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PasswordlessLock } from '../src/index.js';
import { $, expectAccessible, page, screenOf, toCodeStep } from './helpers.js';
import { passwordlessServer, type stubServer } from './server-stub.js';

let server: ReturnType<typeof stubServer>;

afterEach(() => server?.restore());

/**
 * What a password manager or autofill engine that does not pierce shadow roots sees: the page's
 * own fields, each with its form and its label (Safari, and the extensions that walk `document`).
 */
function fieldsSeenFromThePage() {
  return [...document.querySelectorAll<HTMLInputElement>('input')].map((input) => ({
    autocomplete: input.getAttribute('autocomplete'),
    name: input.name,
    inForm: input.form !== null,
    label: input.labels?.[0]?.textContent?.trim(),
  }));
}

describe('fields where autofill finds them', () => {
  beforeEach(() => {
    localStorage.clear();
    server = passwordlessServer();
  });

  it('puts the email field in the page, in its form, with its label', async () => {
    const { lock } = await page();
    await lock.show();
    expect(fieldsSeenFromThePage()).to.deep.equal([
      { autocomplete: 'email', name: 'email', inForm: true, label: 'Email' },
    ]);
    expect(lock.shadowRoot!.querySelector('input, form')).to.equal(null);
    // Rendered inside the dialog, as its content: the slot puts it there.
    const dialog = $(lock, 'dialog').getBoundingClientRect();
    const field = $(lock, '#email').getBoundingClientRect();
    expect(field.top).to.be.above(dialog.top);
    expect(field.bottom).to.be.below(dialog.bottom);
  });

  it('puts the code field in the page with autocomplete="one-time-code"', async () => {
    const { lock } = await page();
    await toCodeStep(lock);
    expect(fieldsSeenFromThePage()).to.deep.equal([
      {
        autocomplete: 'one-time-code',
        name: 'code',
        inForm: true,
        label: 'Verification code',
      },
    ]);
  });

  it('takes a value the browser fills in, as it takes typing', async () => {
    const { lock } = await page();
    await lock.show();
    const email = $<HTMLInputElement>(lock, '#email');
    // What an autofill engine does: set the value, then fire input and change.
    email.value = 'ada@example.com';
    email.dispatchEvent(new Event('input', { bubbles: true }));
    email.dispatchEvent(new Event('change', { bubbles: true }));
    email.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => server.requests.length === 1, 'nothing was sent');
    expect(server.requests[0]?.body.email).to.equal('ada@example.com');
  });

  it('gives two elements on one page their own ids, labels and descriptions', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <passwordless-lock client-id="a" domain="http://localhost:3000" inline></passwordless-lock>
        <passwordless-lock client-id="b" domain="http://localhost:3000" inline></passwordless-lock>
      </div>`,
    );
    const [first, second] = [...root.querySelectorAll('passwordless-lock')];
    await Promise.all([first!.updateComplete, second!.updateComplete]);
    const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const lock of [first!, second!]) {
      const email = $<HTMLInputElement>(lock, '#email');
      expect(email.labels?.[0]?.closest('passwordless-lock')).to.equal(lock);
      for (const id of email.getAttribute('aria-describedby')!.split(' ')) {
        expect(document.getElementById(id)?.closest('passwordless-lock')).to.equal(lock);
      }
      await expectAccessible(lock);
    }
  });

  it('styles its screen inside another component’s shadow root too', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = outer.attachShadow({ mode: 'open' });
    const lock = document.createElement('passwordless-lock') as PasswordlessLock;
    lock.clientId = 'demo';
    lock.domain = 'http://localhost:3000';
    lock.inline = true;
    shadow.append(lock);
    await lock.updateComplete;
    const button = screenOf(lock).querySelector('button')!;
    expect(getComputedStyle(button).minHeight).to.equal('44px');
    expect(shadow.adoptedStyleSheets.length).to.equal(1);
    lock.remove();
    shadow.append(lock);
    expect(shadow.adoptedStyleSheets.length, 'adopted once').to.equal(1);
  });

  it('puts its screen back when a framework removes it, at the next update', async () => {
    const { lock } = await page();
    const screen = screenOf(lock);
    screen.remove();
    await lock.show();
    expect(screenOf(lock)).to.equal(screen);
    await waitUntil(() => document.activeElement === $(lock, '#email'), 'no focus in the email');
  });

  it("is not restyled by the page's own element rules", async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      label { display: none; margin: 2rem; }
      input, input[type='email'] { border: 0; min-height: 0; }
      button { background: red; border-radius: 0; }
      form { display: grid; gap: 3rem; }
    `);
    document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
    try {
      const { lock } = await page();
      await lock.show();
      const label = getComputedStyle($(lock, 'label'));
      expect([label.display, label.marginTop]).to.deep.equal(['block', '0px']);
      const email = getComputedStyle($(lock, '#email'));
      expect([email.borderTopWidth, email.minHeight]).to.deep.equal(['1px', '44px']);
      const button = getComputedStyle($(lock, 'button[type="submit"]'));
      expect(button.backgroundColor).not.to.equal('rgb(255, 0, 0)');
      expect(getComputedStyle($(lock, 'form')).display).to.equal('flex');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('keeps the screen when the element moves in the page', async () => {
    const { lock } = await page();
    const screen = screenOf(lock);
    document.body.append(lock);
    await lock.updateComplete;
    expect(screenOf(lock)).to.equal(screen);
    expect(lock.querySelectorAll('.pl-screen').length).to.equal(1);
    lock.remove();
  });
});
