// Sessions that survive a reload (issue 15), on the main demo page: `use-refresh-tokens`,
// `cache-location="localstorage"` and `restore-session` on the tag, against the real server.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { codeFromInbox, uniqueEmail } from './inbox.js';
import { openLock, submitCode, submitEmail } from './widget.js';

const server = 'http://127.0.0.1:3000';
/** Where the widget keeps the demo client's session (packages/lock/src/session/token-cache.ts). */
const KEY = 'passwordless-lock:session:demo:http://localhost:3000';

/**
 * The page's localStorage, typed here (this folder's types are Node's, not the DOM's). Spelled out
 * inside each `page.evaluate`, which runs in the page and sees none of this file's names.
 */
type PageStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

interface KeptSession {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

const kept = (page: Page) =>
  page.evaluate(
    (key) =>
      JSON.parse(
        (globalThis as unknown as { localStorage: PageStorage }).localStorage.getItem(key) ??
          'null',
      ),
    KEY,
  ) as Promise<KeptSession | null>;

/** Makes the kept access token look expired, so the next use refreshes it. */
const expireAccessToken = (page: Page) =>
  page.evaluate((key) => {
    const session = JSON.parse(
      (globalThis as unknown as { localStorage: PageStorage }).localStorage.getItem(key)!,
    );
    (globalThis as unknown as { localStorage: PageStorage }).localStorage.setItem(
      key,
      JSON.stringify({ ...session, expiresAt: Date.now() }),
    );
  }, KEY);

async function mailCount(request: APIRequestContext, email: string): Promise<number> {
  const response = await request.get(`${server}/dev/inbox.json`, { params: { to: email } });
  return ((await response.json()) as { messages: unknown[] }).messages.length;
}

/** What a stolen copy of `refreshToken` gets from the token endpoint. */
const presentRefreshToken = (request: APIRequestContext, refreshToken: string) =>
  request.post(`${server}/oauth/token`, {
    data: { grant_type: 'refresh_token', client_id: 'demo', refresh_token: refreshToken },
  });

async function logIn(page: Page, request: APIRequestContext, email: string) {
  await page.goto('/');
  const { dialog, lock } = await openLock(page);
  await submitEmail(lock, email);
  await submitCode(lock, await codeFromInbox(request, email));
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').first()).toContainText(`Logged in as ${email}`);
}

const stillLoggedIn = async (page: Page, email: string) => {
  await expect(page.getByText(`Welcome back, ${email}: still logged in.`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your profile' })).toContainText(email);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
};

test('stays logged in across reloads and tabs, and a revoking log out ends it', async ({
  page,
  context,
  request,
}) => {
  const email = uniqueEmail('session');
  await logIn(page, request, email);
  const first = await kept(page);
  expect(first?.refreshToken).toBeTruthy();

  // Reload: logged in again from the kept session, without a new mail.
  const mails = await mailCount(request, email);
  await page.reload();
  await stillLoggedIn(page, email);
  expect(await mailCount(request, email)).toBe(mails);

  // Two tabs whose access token has expired load at once: one refresh, and both keep working.
  const refreshes: string[] = [];
  context.on('request', (r) => {
    if (r.url().endsWith('/oauth/token') && r.postData()?.includes('"refresh_token"')) {
      refreshes.push(r.url());
    }
  });
  await expireAccessToken(page);
  const second = await context.newPage();
  await Promise.all([page.reload(), second.goto('/')]);
  await stillLoggedIn(page, email);
  await stillLoggedIn(second, email);
  expect(refreshes).toHaveLength(1);
  const rotated = await kept(page);
  expect(rotated?.refreshToken).not.toBe(first?.refreshToken);
  // The family is alive: each tab refreshes once more, one after the other, without a reuse.
  await expireAccessToken(second);
  await second.reload();
  await stillLoggedIn(second, email);
  await expireAccessToken(page);
  await page.reload();
  await stillLoggedIn(page, email);
  expect(refreshes).toHaveLength(3);

  // Log out revokes: the last refresh token no longer works, and a reload stays logged out.
  const last = (await kept(page))!.refreshToken;
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByText('You are logged out.')).toBeVisible();
  expect(await kept(page)).toBeNull();
  const revoked = await presentRefreshToken(request, last);
  expect(revoked.status()).toBe(403);
  expect(await revoked.json()).toMatchObject({ error: 'invalid_grant' });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your profile' })).toHaveCount(0);
  await second.reload();
  await expect(second.getByRole('button', { name: 'Log in' })).toBeVisible();
});

test('a copied refresh token used after the page refreshed kills the family for both', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('stolen');
  await logIn(page, request, email);
  const stolen = (await kept(page))!.refreshToken;

  // The page refreshes first: the copied token is now spent.
  await expireAccessToken(page);
  await page.reload();
  await stillLoggedIn(page, email);
  const current = (await kept(page))!.refreshToken;
  expect(current).not.toBe(stolen);

  // The thief presents the spent copy: refused, and the whole family is revoked...
  const reuse = await presentRefreshToken(request, stolen);
  expect(reuse.status()).toBe(403);
  expect(await reuse.json()).toEqual({
    error: 'invalid_grant',
    error_description: 'Unknown or invalid refresh token.',
  });
  // ...so the page's newest token is dead too: its next refresh finds no session.
  const newest = await presentRefreshToken(request, current);
  expect(newest.status()).toBe(403);
  expect(await newest.json()).toMatchObject({ error: 'invalid_grant' });
  await expireAccessToken(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(await kept(page)).toBeNull();
});
