import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PasswordlessLock } from '../src/index.js';
import {
  $,
  expectAccessible,
  focusedName,
  page,
  query,
  submitEmail,
  tabTo,
  text,
} from './helpers.js';
import { CODE, passwordlessServer, type stubServer } from './server-stub.js';

// A magic link opened on a phone cannot log in the laptop that asked for it; its mail carries the
// code too, and the "check your inbox" screen offers to type it.
let server: ReturnType<typeof stubServer>;

beforeEach(() => localStorage.clear());
afterEach(() => server?.restore());

/** Asks for a link and waits for the "check your inbox" screen. */
async function toLinkSent(lock: PasswordlessLock) {
  await lock.show();
  await submitEmail(lock);
  await waitUntil(() => query(lock, '.pl-link-sent'), 'the link was not sent');
}

/** Presses "Enter the code instead" by keyboard; waits for focus in the code field. */
async function enterCodeInstead(lock: PasswordlessLock) {
  const button = $<HTMLButtonElement>(lock, '.pl-enter-code');
  await tabTo(lock, (el) => el === button);
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => focusedName(lock) === 'code', 'the code field did not get focus');
}

describe('a link start: "Enter the code instead"', () => {
  it('goes by keyboard to the code screen, where the mailed code logs in', async () => {
    server = passwordlessServer();
    const { lock } = await page('passwordless-method="link"');
    await toLinkSent(lock);
    expect(text(lock, '.pl-enter-code')).to.equal('Enter the code instead');
    await expectAccessible(lock);

    await enterCodeInstead(lock);
    expect(query(lock, '.pl-link-sent')).to.equal(null);
    expect(text(lock, '.pl-expiry')).to.match(/^The code expires in [23]:\d\d\.$/);
    await expectAccessible(lock);

    const authenticated = oneEvent(lock, 'authenticated');
    await sendKeys({ type: CODE });
    const result = (await authenticated).detail;
    expect(result.accessToken).to.equal('at-1');
    expect(result.idTokenPayload.email).to.equal('ada@example.com');
    const [start, token] = server.requests;
    expect(start?.body).to.deep.include({ send: 'link', email: 'ada@example.com' });
    expect(token?.body).to.deep.include({ otp: CODE, username: 'ada@example.com' });
  });

  it("keeps the start's attempts, and a new link asked for there stays on the code screen", async () => {
    server = passwordlessServer({ resend_after: 0, max_attempts: 2 });
    const { lock } = await page('passwordless-method="link"');
    await toLinkSent(lock);
    await enterCodeInstead(lock);
    await sendKeys({ type: '111111' });
    await waitUntil(() => text(lock, '[role="alert"]'), 'the wrong code was not refused');
    expect(text(lock, '[role="alert"]')).to.equal('That code is wrong. You have 1 more try.');

    const resend = $<HTMLButtonElement>(lock, '.pl-resend-button');
    expect(resend.textContent?.trim()).to.equal('Send a new code');
    resend.click();
    await waitUntil(() => server.requests.length === 3, 'no new link was asked for');
    await waitUntil(() => focusedName(lock) === 'code', 'focus did not go back to the code');
    expect(server.requests[2]?.body).to.deep.include({ send: 'link' });
    expect(query(lock, '.pl-link-sent')).to.equal(null);
  });

  it("speaks the widget's language (Japanese here)", async () => {
    server = passwordlessServer();
    const { lock } = await page('passwordless-method="link" language="ja"');
    await toLinkSent(lock);
    expect(text(lock, '.pl-enter-code')).to.equal('代わりにコードを入力');
    await expectAccessible(lock);
  });
});
