import { expect, test } from '@playwright/test';
import { codeFromInbox, uniqueEmail } from './inbox.js';
import { widget } from './widget.js';

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
  await lock.getByRole('textbox', { name: 'Email' }).fill(email);
  await lock.getByRole('button', { name: 'Send code' }).click();
  await expect(lock.getByRole('status')).toContainText(`We sent a code to ${email}.`);
  await expect(lock.getByText(/The code expires in \d:\d\d\./)).toBeVisible();
  await expect(lock.getByRole('button', { name: 'Send a new code' })).toBeDisabled();
  const code = await codeFromInbox(request, email);
  await lock.getByRole('textbox', { name: 'Verification code' }).fill(code);
  await lock.getByRole('button', { name: 'Continue' }).click();
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
  expect(await codeFromInbox(request, email)).toMatch(/^\d{6}$/);
});

test('the theme switch makes the widget dark', async ({ page }) => {
  await page.goto('/?theme=dark');
  await page.getByRole('button', { name: 'Log in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log in' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveCSS('background-color', 'rgb(22, 27, 34)');
  // The screen is slotted in from the light DOM, and takes the theme through the slot.
  const emailField = widget(page).getByRole('textbox', { name: 'Email' });
  await expect(emailField).toHaveCSS('background-color', 'rgb(22, 27, 34)');
  await expect(emailField).toHaveCSS('color', 'rgb(230, 237, 243)');
});

test('the magic link page: the link from the mail comes back logged in', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('link');
  await page.goto('/magic-link.html');
  await page.getByRole('button', { name: 'Log in with a link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log in' });
  await expect(dialog).toBeVisible();
  const lock = widget(page);
  await lock.getByRole('textbox', { name: 'Email' }).fill(email);
  await lock.getByRole('button', { name: 'Send link' }).click();
  await expect(lock.getByRole('status')).toHaveText(`We sent a link to ${email}.`);
  let link = '';
  await expect
    .poll(async () => {
      const response = await request.get('http://127.0.0.1:3000/dev/inbox.json', {
        params: { to: email },
      });
      const { messages } = (await response.json()) as { messages: { text: string }[] };
      link =
        /https?:\/\/\S+\/passwordless\/verify_redirect\S+/.exec(messages[0]?.text ?? '')?.[0] ?? '';
      return link;
    })
    .toContain('/passwordless/verify_redirect');
  await page.goto(link);
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);
  // The answer is out of the address bar, so a reload does not replay it.
  expect(new URL(page.url()).hash).toBe('');
  expect(new URL(page.url()).pathname).toBe('/magic-link.html');
});

test('the custom UI page logs in with the client alone', async ({ page, request }) => {
  const email = uniqueEmail('custom');
  await page.goto('/custom-ui.html');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('button', { name: 'Send code' }).click();
  const code = await codeFromInbox(request, email);
  await page.getByRole('textbox', { name: 'Verification code' }).fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);
});
