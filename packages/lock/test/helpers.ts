import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/define.js';
import type { PasswordlessLock } from '../src/index.js';

export function $<E extends Element = HTMLElement>(lock: PasswordlessLock, selector: string): E {
  const found = lock.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function focused(lock: PasswordlessLock): Element | null {
  return lock.shadowRoot!.activeElement;
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

/** A page with a "Log in" button that opens the lock, focused as a user would have it. */
export async function page(
  lockHtml: TemplateResult = html`<passwordless-lock
    client-id="demo"
    domain="http://localhost:3000"
  ></passwordless-lock>`,
) {
  const root = await fixture<HTMLDivElement>(
    html`<div>
      <button id="trigger" type="button">Log in</button>
      ${lockHtml}
    </div>`,
  );
  const lock = root.querySelector('passwordless-lock')!;
  const trigger = root.querySelector<HTMLButtonElement>('#trigger')!;
  trigger.addEventListener('click', () => lock.show());
  await lock.updateComplete;
  return { lock, trigger };
}

/** Opens the lock by keyboard from the trigger. */
export async function openByKeyboard(trigger: HTMLButtonElement, lock: PasswordlessLock) {
  trigger.focus();
  const shown = oneEvent(lock, 'show');
  await sendKeys({ press: 'Enter' });
  await shown;
}

/** Opens the lock, types the email and waits for focus in the code field. */
export async function toCodeStep(lock: PasswordlessLock, email = 'ada@example.com') {
  await lock.show();
  await waitUntil(() => focused(lock)?.id === 'email', 'the email field did not get focus');
  await sendKeys({ type: email });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => lock.shadowRoot!.querySelector('#code'), 'the code step did not appear');
  await waitUntil(() => focused(lock)?.id === 'code', 'the code field did not get focus');
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
