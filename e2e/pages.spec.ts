import { expect, test } from '@playwright/test';
import { codeFromInbox, linkFromInbox, newestMail, uniqueEmail } from './inbox.js';
import { openLock, submitCode, submitEmail, widget } from './widget.js';

test('the JS API page: LockPasswordless logs in by keyboard alone', async ({ page, request }) => {
  const email = uniqueEmail('js-api');
  await page.goto('/js-api.html');
  await page.getByRole('button', { name: 'Log in' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Log in' });
  await expect(dialog).toBeVisible();
  const lock = widget(page);
  const emailField = lock.getByRole('textbox', { name: 'Email' });
  await expect(emailField).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  const code = await codeFromInbox(request, email);
  const codeField = lock.getByRole('textbox', { name: 'Verification code' });
  await expect(codeField).toBeFocused();
  // Typed digit by digit, the code submits itself after the last one.
  await page.keyboard.type(code);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeFocused();
});

test('the inline page: logs in without a dialog and says so', async ({ page, request }) => {
  const email = uniqueEmail('inline');
  await page.goto('/inline.html');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const box = page.getByRole('region', { name: 'Log in' });
  await expect(box).toBeVisible();
  const lock = widget(page);
  await submitEmail(lock, email);
  await expect(lock.getByRole('status')).toContainText(`We sent a code to ${email}.`);
  await expect(lock.getByText(/The code expires in \d:\d\d\./)).toBeVisible();
  await expect(lock.getByRole('button', { name: 'Send a new code' })).toBeDisabled();
  await submitCode(lock, await codeFromInbox(request, email));
  await expect(lock.getByText('You are logged in.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);
});

test("the inline page: the widget's own language menu switches to German", async ({ page }) => {
  await page.goto('/inline.html');
  const box = page.getByRole('region', { name: 'Log in' });
  await expect(box).toBeVisible();
  const lock = widget(page);
  await lock.getByRole('button', { name: 'Language: English' }).click();
  await lock.getByRole('menuitemradio', { name: 'Deutsch' }).click();
  await expect(page.getByRole('region', { name: 'Anmelden' })).toBeVisible();
  await expect(page.getByRole('menu')).toBeHidden();
});

test('the language switch turns the widget to Arabic, right to left, and the mail follows', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('arabic');
  await page.goto('/');
  await page.getByLabel('Language').selectOption('ar');
  await page.getByRole('button', { name: 'Log in' }).click();
  const dialog = page.getByRole('dialog', { name: 'تسجيل الدخول' });
  await expect(dialog).toBeVisible();
  const lock = widget(page);
  await expect(dialog).toHaveAttribute('dir', 'rtl');
  await expect(dialog).toHaveAttribute('lang', 'ar');
  await lock.getByRole('textbox', { name: 'البريد الإلكتروني' }).fill(email);
  await lock.getByRole('button', { name: 'إرسال الرمز' }).click();
  await expect(lock.getByRole('textbox', { name: 'رمز التحقق' })).toBeFocused();
  // The widget asked for the mail in Arabic (X-Request-Language), and the mail says so.
  const mail = await newestMail(request, email);
  expect(mail.html).toContain('<html lang="ar" dir="rtl">');
  expect(mail.text).toMatch(/\b\d{6}\b/);
});

test('the theme switch makes the widget dark', async ({ page }) => {
  await page.goto('/?theme=dark');
  const { dialog, lock } = await openLock(page);
  await expect(dialog).toHaveCSS('background-color', 'rgb(22, 27, 34)');
  // The screen is slotted in from the light DOM, and takes the theme through the slot.
  const emailField = lock.getByRole('textbox', { name: 'Email' });
  await expect(emailField).toHaveCSS('background-color', 'rgb(22, 27, 34)');
  await expect(emailField).toHaveCSS('color', 'rgb(230, 237, 243)');
});

test('the magic link page: the link from the mail comes back logged in', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('link');
  await page.goto('/magic-link.html');
  const { lock } = await openLock(page, 'Log in with a link');
  await submitEmail(lock, email, 'Send link');
  await expect(lock.getByRole('status')).toHaveText(`We sent a link to ${email}.`);
  // The link opens the server's confirm page (mail scanners open links too); the person confirms.
  await page.goto(await linkFromInbox(request, email));
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);
  // The answer is out of the address bar, so a reload does not replay it.
  expect(new URL(page.url()).hash).toBe('');
  expect(new URL(page.url()).pathname).toBe('/magic-link.html');
});

test('the custom UI page logs in with the client alone', async ({ page, request }) => {
  const email = uniqueEmail('custom');
  await page.goto('/custom-ui.html');
  await submitEmail(page, email);
  await submitCode(page, await codeFromInbox(request, email));
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);
});
