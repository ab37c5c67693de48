import { expect, test } from '@playwright/test';
import { codeFromInbox, uniqueEmail } from './inbox.js';
import { widget } from './widget.js';

test('logs in under a strict CSP with Trusted Types, with zero violations', async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type/i.test(message.text()))
      violations.push(message.text());
  });
  const email = uniqueEmail('csp');
  const response = await page.goto('/csp.html');
  const policy = response?.headers()['content-security-policy'];
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("require-trusted-types-for 'script'");

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
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);

  const reported = await page.evaluate(
    () => (globalThis as { cspViolations?: string[] }).cspViolations,
  );
  expect(reported).toEqual([]);
  expect(violations).toEqual([]);

  // The policy is really in force, and a violation would have been seen: an injected <style> is.
  await page.evaluate(
    "document.head.append(Object.assign(document.createElement('style'), { textContent: 'b{}' }))",
  );
  await expect
    .poll(() => page.evaluate(() => (globalThis as { cspViolations?: string[] }).cspViolations))
    .toEqual(['style-src-elem inline']);
});
