import { expect, test, type Page } from '@playwright/test';
import { codeFromInbox, uniqueEmail } from './inbox.js';
import { openLock } from './widget.js';

/**
 * Fills the field that `selector` finds in the page with Chromium's own autofill (the engine
 * behind its saved-address suggestions), through the DevTools protocol, as a user picking a saved
 * address would. Autofill parses a form a moment after it appears, so this retries until the
 * engine knows the field.
 */
async function autofillEmail(page: Page, selector: string, email: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `document.querySelector(${JSON.stringify(selector)})`,
  });
  expect(result.objectId, `the page has no ${selector}`).toBeTruthy();
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId! });
  await expect(async () => {
    await cdp.send('Autofill.trigger', {
      fieldId: node.backendNodeId,
      frameId: frameTree.frame.id,
      address: { fields: [{ name: 'EMAIL_ADDRESS', value: email }] },
    });
  }).toPass({ timeout: 10_000 });
  await cdp.detach();
}

test("Chromium's autofill fills the email field, and the code goes to that address", async ({
  page,
  request,
}) => {
  const email = uniqueEmail('autofill');
  await page.goto('/');
  const { lock } = await openLock(page);
  const emailField = lock.getByRole('textbox', { name: 'Email' });
  await expect(emailField).toBeFocused();

  // A plain document query, as password managers that do not walk shadow roots make, finds it.
  await autofillEmail(page, 'passwordless-lock input[autocomplete="email"]', email);
  await expect(emailField).toHaveValue(email);

  await lock.getByRole('button', { name: 'Send code' }).click();
  await expect(lock.getByRole('status')).toContainText(`We sent a code to ${email}.`);
  expect(await codeFromInbox(request, email)).toMatch(/^\d{6}$/);
});
