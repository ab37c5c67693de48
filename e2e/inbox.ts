// Reads the mail the dev inbox received, after a real SMTP hop: the one-time code, or the link.
import { expect, type APIRequestContext } from '@playwright/test';

/** The server the config's webServer starts; a spec that runs its own passes that one's origin. */
const devServer = 'http://127.0.0.1:3000';

export interface InboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Waits for mail to `email` and returns the newest: /passwordless/start answers once the mail is
 * queued, and the dev inbox has it a moment later, so the inbox is polled, never read once.
 */
export async function newestMail(
  request: APIRequestContext,
  email: string,
  server = devServer,
): Promise<InboxMessage> {
  let newest: InboxMessage | undefined;
  await expect
    .poll(async () => {
      const response = await request.get(`${server}/dev/inbox.json`, { params: { to: email } });
      const { messages } = (await response.json()) as { messages: InboxMessage[] };
      newest = messages[0];
      return messages.length;
    })
    .toBeGreaterThan(0);
  return newest!;
}

/** Waits for the newest mail to `email` and returns the code in it. */
export async function codeFromInbox(
  request: APIRequestContext,
  email: string,
  server = devServer,
): Promise<string> {
  const { text } = await newestMail(request, email, server);
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no 6-digit code in the mail to ${email}: ${text}`);
  return code;
}

/** Waits for the newest mail to `email` and returns the magic link in it. */
export async function linkFromInbox(request: APIRequestContext, email: string): Promise<string> {
  const { text } = await newestMail(request, email);
  const link = /https?:\/\/\S+\/passwordless\/verify_redirect\S+/.exec(text)?.[0];
  if (!link) throw new Error(`no magic link in the mail to ${email}: ${text}`);
  return link;
}

/** A fresh address per test, so the inbox holds only that test's mail. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}
