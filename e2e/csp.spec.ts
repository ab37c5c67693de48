import { expect, test } from '@playwright/test';
import { codeFromInbox, uniqueEmail } from './inbox.js';
import { openLock, submitCode, submitEmail } from './widget.js';

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

  const { dialog, lock } = await openLock(page);
  await submitEmail(lock, email);
  await submitCode(lock, await codeFromInbox(request, email));
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);

  // What the page's own securitypolicyviolation listener collected (demo/csp.ts).
  const reported = () =>
    page.evaluate(() => (globalThis as { cspViolations?: string[] }).cspViolations);
  expect(await reported()).toEqual([]);
  expect(violations).toEqual([]);

  // The policy is really in force, and a violation would have been seen: an injected <style> is.
  await page.evaluate(
    "document.head.append(Object.assign(document.createElement('style'), { textContent: 'b{}' }))",
  );
  await expect.poll(reported).toEqual(['style-src-elem inline']);
});
