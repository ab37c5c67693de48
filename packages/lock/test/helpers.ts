import { expect, fixture, html, oneEvent, unsafeStatic, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/define.js';
import type { AuthResult, PasswordlessLock } from '../src/index.js';
import { CODE } from './server-stub.js';

/** The element's current screen: its light-DOM child, slotted into the dialog. */
export function screenOf(lock: PasswordlessLock): HTMLElement {
  const screen = lock.querySelector<HTMLElement>(':scope > .pl-screen');
  if (!screen) throw new Error('the lock has no screen');
  return screen;
}

/** The element's prefix for its screen's ids (`pl3-` in `pl3-email`). */
function idPrefix(lock: PasswordlessLock): string {
  const named = screenOf(lock).querySelector('[id]');
  return /^pl\d+-/.exec(named?.id ?? '')?.[0] ?? '';
}

/** The element's own id of its screen's `name` (`pl3-error` for `error`). */
export function idOf(lock: PasswordlessLock, name: string): string {
  return idPrefix(lock) + name;
}

/**
 * The first match in the screen (where `#email` means the screen's `email`, whatever its prefix),
 * else in the shadow root (dialog, header, status).
 */
export function query<E extends Element = HTMLElement>(
  lock: PasswordlessLock,
  selector: string,
): E | null {
  const prefix = idPrefix(lock);
  const inScreen = selector
    .replace(/#([\w-]+)/g, (_, name: string) => `#${prefix}${name}`)
    .replace(/\[for="([\w-]+)"\]/g, (_, name: string) => `[for="${prefix}${name}"]`);
  return screenOf(lock).querySelector<E>(inScreen) ?? lock.shadowRoot!.querySelector<E>(selector);
}

export function $<E extends Element = HTMLElement>(lock: PasswordlessLock, selector: string): E {
  const found = query<E>(lock, selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The focused element of the lock: in its screen or in its shadow root. */
export function focused(lock: PasswordlessLock): Element | null {
  const active = document.activeElement;
  if (active && screenOf(lock).contains(active)) return active;
  return lock.shadowRoot!.activeElement;
}

/** The name of the lock's focused element (`email` for `pl3-email`). */
export function focusedName(lock: PasswordlessLock): string | undefined {
  const id = focused(lock)?.id;
  const prefix = idPrefix(lock);
  return id?.startsWith(prefix) ? id.slice(prefix.length) : id;
}

export function text(lock: PasswordlessLock, selector: string): string {
  return $(lock, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function alertText(lock: PasswordlessLock): string {
  return text(lock, '[role="alert"]');
}

export function statusText(lock: PasswordlessLock): string {
  return text(lock, '[role="status"]');
}

/** Waits until the lock shows an error, and returns its text. */
export async function waitForAlert(lock: PasswordlessLock): Promise<string> {
  await waitUntil(() => alertText(lock), 'no error appeared');
  return alertText(lock);
}

/** `<passwordless-lock>` for client `demo` of the stub server, with `attributes` as HTML has them. */
function lockTag(attributes = ''): TemplateResult {
  return html`<passwordless-lock
    client-id="demo"
    domain="http://localhost:3000"
    ${unsafeStatic(attributes)}
  ></passwordless-lock>`;
}

/**
 * A page with a "Log in" button that opens the lock, focused as a user would have it. `lock` is
 * the attributes of its tag (see {@link lockTag}), or a template holding the whole element.
 */
export async function page(lock: string | TemplateResult = '') {
  const root = await fixture<HTMLDivElement>(
    html`<div>
      <button id="trigger" type="button">Log in</button>
      ${typeof lock === 'string' ? lockTag(lock) : lock}
    </div>`,
  );
  const element = root.querySelector('passwordless-lock')!;
  const trigger = root.querySelector<HTMLButtonElement>('#trigger')!;
  trigger.addEventListener('click', () => element.show());
  await element.updateComplete;
  return { lock: element, trigger };
}

/** Opens the lock by keyboard from the trigger. */
export async function openByKeyboard(trigger: HTMLButtonElement, lock: PasswordlessLock) {
  trigger.focus();
  const shown = oneEvent(lock, 'show');
  await sendKeys({ press: 'Enter' });
  await shown;
}

/** Types `email` in the lock's email field, once it has focus, and presses Enter. */
export async function submitEmail(lock: PasswordlessLock, email = 'ada@example.com') {
  await waitUntil(() => focusedName(lock) === 'email', 'the email field did not get focus');
  await sendKeys({ type: email });
  await sendKeys({ press: 'Enter' });
}

/** Opens the lock, types the email and waits for focus in the code field. */
export async function toCodeStep(lock: PasswordlessLock, email = 'ada@example.com') {
  await lock.show();
  await submitEmail(lock, email);
  await waitUntil(() => query(lock, '#code'), 'the code step did not appear');
  await waitUntil(() => focusedName(lock) === 'code', 'the code field did not get focus');
}

/** Goes to the code step and types `code`, which the stub server refuses; waits for the error. */
export async function toWrongCode(lock: PasswordlessLock, code = '111111') {
  await toCodeStep(lock);
  await sendKeys({ type: code });
  await waitForAlert(lock);
}

/** Logs in with `email` and the right code; resolves with what `authenticated` carries. */
export async function logIn(
  lock: PasswordlessLock,
  email = 'ada@example.com',
): Promise<AuthResult> {
  await toCodeStep(lock, email);
  const authenticated = oneEvent(lock, 'authenticated');
  await sendKeys({ type: CODE });
  return (await authenticated).detail;
}

/** Presses Tab until `predicate` holds for the focused element of the lock. */
export async function tabTo(lock: PasswordlessLock, predicate: (el: Element) => boolean) {
  for (let i = 0; i < 12; i++) {
    const active = focused(lock);
    if (active && predicate(active)) return active;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error('Tab never reached the element');
}

export async function expectAccessible(lock: PasswordlessLock) {
  await lock.updateComplete;
  await expect(lock).to.be.accessible();
}
