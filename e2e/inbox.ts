// Reads the one-time code from the dev inbox, where mail lands after a real SMTP hop.
import { expect, type APIRequestContext } from '@playwright/test';

const inboxUrl = 'http://127.0.0.1:3000/dev/inbox.json';

interface InboxMessage {
  to: string;
  subject: string;
  text: string;
}

/** Waits for the newest mail to `email` and returns the code in it. */
export async function codeFromInbox(request: APIRequestContext, email: string): Promise<string> {
  let newest: InboxMessage | undefined;
  await expect
    .poll(async () => {
      const response = await request.get(inboxUrl, { params: { to: email } });
      const { messages } = (await response.json()) as { messages: InboxMessage[] };
      newest = messages[0];
      return messages.length;
    })
    .toBeGreaterThan(0);
  const code = /\b(\d{6})\b/.exec(newest?.text ?? '')?.[1];
  if (!code) throw new Error(`no 6-digit code in the mail to ${email}: ${newest?.text}`);
  return code;
}

/** A fresh address per test, so the inbox holds only that test's mail. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}
