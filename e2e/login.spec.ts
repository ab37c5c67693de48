import { expect, test } from '@playwright/test';
import { codeFromInbox, uniqueEmail } from './inbox.js';
import { openLock, submitCode, submitEmail } from './widget.js';

test('logs in with a code read from the mail and shows the profile', async ({ page, request }) => {
  const email = uniqueEmail('login');
  await page.goto('/');

  const { dialog, lock } = await openLock(page);
  await submitEmail(lock, email);
  await submitCode(lock, await codeFromInbox(request, email));

  await expect(dialog).toBeHidden();
  const profile = page.getByRole('region', { name: 'Your profile' });
  await expect(profile).toContainText(email);
  await expect(profile.getByRole('img', { name: /picture/i })).toBeVisible();
});

test('a wrong code shows an error, and the right code still works', async ({ page, request }) => {
  const email = uniqueEmail('wrong-code');
  await page.goto('/');

  const { dialog, lock } = await openLock(page);
  await submitEmail(lock, email);
  const code = await codeFromInbox(request, email);

  await submitCode(lock, code === '000000' ? '111111' : '000000');
  await expect(lock.getByRole('alert')).toContainText(/wrong/i);
  await expect(lock.getByRole('textbox', { name: 'Verification code' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await submitCode(lock, code);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);
});
