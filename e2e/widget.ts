import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Everything the widget shows: its frame (shadow root: header, status) and its current screen
 * (light DOM, slotted into the dialog so that autofill finds the fields). Playwright scopes a
 * locator to DOM descendants, and a slotted field is not a descendant of the `<dialog>` it shows
 * in, so the element, which holds both, is the scope for the fields.
 */
export function widget(page: Page): Locator {
  return page.locator('passwordless-lock');
}

/** Clicks the page's button named `button` and waits for the lock's "Log in" dialog. */
export async function openLock(
  page: Page,
  button = 'Log in',
): Promise<{ dialog: Locator; lock: Locator }> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: 'Log in' });
  await expect(dialog).toBeVisible();
  return { dialog, lock: widget(page) };
}

/**
 * Fills the Email field in `form` (the widget, or a page's own form) and presses `submit`.
 */
export async function submitEmail(form: Page | Locator, email: string, submit = 'Send code') {
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('button', { name: submit }).click();
}

/** Fills the Verification code field in `form` and presses Continue. */
export async function submitCode(form: Page | Locator, code: string) {
  await form.getByRole('textbox', { name: 'Verification code' }).fill(code);
  await form.getByRole('button', { name: 'Continue' }).click();
}
