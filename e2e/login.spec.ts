import { expect, test } from '@playwright/test';
import { codeFromInbox, uniqueEmail } from './inbox.js';
import { widget } from './widget.js';

test('logs in with a code read from the mail and shows the profile', async ({ page, request }) => {
  const email = uniqueEmail('login');
  await page.goto('/');

  await page.getByRole('button', { name: 'Log in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log in' });
  await expect(dialog).toBeVisible();
  const lock = widget(page);
  await lock.getByRole('textbox', { name: 'Email' }).fill(email);
  await lock.getByRole('button', { name: 'Send code' }).click();

  const code = await codeFromInbox(request, email);
  await lock.getByRole('textbox', { name: 'Verification code' }).fill(code);
  await lock.getByRole('button', { name: 'Continue' }).click();

  await expect(dialog).toBeHidden();
  const profile = page.getByRole('region', { name: 'Your profile' });
  await expect(profile).toContainText(email);
  await expect(profile.getByRole('img', { name: /picture/i })).toBeVisible();
});

test('a wrong code shows an error, and the right code still works', async ({ page, request }) => {
  const email = uniqueEmail('wrong-code');
  await page.goto('/');

  await page.getByRole('button', { name: 'Log in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log in' });
  await expect(dialog).toBeVisible();
  const lock = widget(page);
  await lock.getByRole('textbox', { name: 'Email' }).fill(email);
  await lock.getByRole('button', { name: 'Send code' }).click();
  const code = await codeFromInbox(request, email);
  const wrongCode = code === '000000' ? '111111' : '000000';

  const codeField = lock.getByRole('textbox', { name: 'Verification code' });
  await codeField.fill(wrongCode);
  await lock.getByRole('button', { name: 'Continue' }).click();
  await expect(lock.getByRole('alert')).toContainText(/wrong/i);
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');

  await codeField.fill(code);
  await lock.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);
});
