// Issue 16: a magic link opened on a phone cannot log in the laptop that asked for it, so the
// link mail carries its code too, and the widget's "check your inbox" screen lets one type it.
import { expect, test } from '@playwright/test';
import { linkFromInbox, newestMail, uniqueEmail } from './inbox.js';
import { openLock, submitCode, submitEmail } from './widget.js';

test('a link start logs in with the code from the link mail, which spends the link', async ({
  page,
  browser,
  request,
}) => {
  const email = uniqueEmail('cross-device');
  await page.goto('/magic-link.html');
  const { lock } = await openLock(page, 'Log in with a link');
  await submitEmail(lock, email, 'Send link');
  await expect(lock.getByRole('status')).toHaveText(`We sent a link to ${email}.`);

  const { text } = await newestMail(request, email);
  const code = /Or enter this code: (\d{6})/.exec(text)?.[1];
  if (!code) throw new Error(`no code in the link mail to ${email}: ${text}`);
  await lock.getByRole('button', { name: 'Enter the code instead' }).click();
  await submitCode(lock, code);
  // This page keeps the dialog open on "You are logged in." (no autoclose).
  await expect(lock.getByText('You are logged in.')).toBeVisible();
  await expect(page.locator('#message')).toHaveText(`Logged in as ${email}.`);

  // The phone opens the link afterwards: the confirm page shows, but its button logs no one in.
  const phone = await browser.newContext();
  try {
    const phonePage = await phone.newPage();
    await phonePage.goto(await linkFromInbox(request, email));
    await phonePage.getByRole('button', { name: 'Log in' }).click();
    await expect(
      phonePage.getByRole('heading', { name: 'This login page cannot be used' }),
    ).toBeVisible();
    expect(new URL(phonePage.url()).pathname).toBe('/passwordless/verify_redirect');
    await expect(phonePage.getByRole('region', { name: 'Your profile' })).toHaveCount(0);
  } finally {
    await phone.close();
  }
});
