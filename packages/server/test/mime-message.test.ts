// The MIME message the SMTP mailer sends (mail/mime-message.ts), read back by a real MIME parser
// (mailparser, as the dev inbox and mail clients read it): every built-in locale's mail, and the
// names and subjects that need quoting, encoded words or folding.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { BuiltInEmails } from '../src/mail/built-in-email.js';
import type { OutgoingEmail } from '../src/mail/mailer.js';
import { composeMessage } from '../src/mail/mime-message.js';
import { SERVER_LOCALES } from '../src/locales/index.js';

const DATE = new Date('2030-01-02T03:04:05Z');

async function builtInMail(language: string): Promise<OutgoingEmail> {
  const rendered = await new BuiltInEmails('en').render({
    code: '123456',
    link: '',
    send: 'code',
    include_code: false,
    request_language: language,
    operation: 'login',
    expires_in_minutes: 5,
    application: { name: 'Acme', client_id: 'acme' },
    connection: { name: 'email' },
    user: { email: 'user@example.com' },
  });
  return {
    from: { name: 'Acme', address: 'no-reply@example.com' },
    to: 'user@example.com',
    ...rendered,
  };
}

/** What a mail client shows of the message. */
async function read(email: OutgoingEmail) {
  const { envelope, message } = composeMessage(email, DATE);
  const parsed = await simpleParser(message);
  return {
    envelope,
    from: parsed.from?.value,
    to: parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : parsed.to,
    subject: parsed.subject,
    text: parsed.text,
    html: parsed.html,
    date: parsed.date,
    messageId: parsed.messageId,
    lines: message.toString('latin1').split('\r\n'),
  };
}

describe('the composed MIME message', () => {
  it.each(SERVER_LOCALES)('carries the built-in %s mail intact', async (language) => {
    const email = await builtInMail(language);
    const got = await read(email);
    expect(got.subject).toBe(email.subject);
    expect(got.text).toBe(email.text);
    expect(got.html).toBe(email.html);
    expect(got.from).toEqual([{ name: 'Acme', address: 'no-reply@example.com' }]);
    expect(got.to).toEqual([{ name: '', address: 'user@example.com' }]);
    expect(got.envelope).toEqual({ from: 'no-reply@example.com', to: ['user@example.com'] });
    expect(got.date).toEqual(DATE);
    expect(got.messageId).toMatch(/^<[0-9a-f-]{36}@example\.com>$/);
    // 7-bit only, and no line longer than SMTP allows.
    for (const line of got.lines) {
      expect(line).toMatch(/^[\x20-\x7e\t]*$/);
      expect(line.length).toBeLessThanOrEqual(998);
    }
  });

  it('quotes, encodes and folds names and subjects, and sends to an IDN domain as punycode', async () => {
    const cases = [
      { name: 'Acme, "Sales" \\ Co', subject: `Your code${' is long'.repeat(20)}` },
      { name: 'Ácmé Ünïcode', subject: 'Votre code de vérification' },
      { name: '確認チーム', subject: '確認コードです\u0007' },
    ];
    for (const { name, subject } of cases) {
      const email: OutgoingEmail = {
        from: { name, address: 'no-reply@bücher.example' },
        to: 'user@example.com',
        subject,
        text: 'line one\nline two\n.starts with a dot\n',
        html: '<p>hi</p>',
      };
      const got = await read(email);
      // mailparser shows the domain in Unicode again; the message itself carries punycode.
      expect(got.from).toEqual([{ name, address: 'no-reply@bücher.example' }]);
      expect(got.lines.some((line) => line.includes('<no-reply@xn--bcher-kva.example>'))).toBe(
        true,
      );
      expect(got.subject).toBe(subject);
      expect(got.text).toBe(email.text);
      expect(got.envelope.from).toBe('no-reply@xn--bcher-kva.example');
      for (const line of got.lines) expect(line.length).toBeLessThanOrEqual(78);
    }
  });
});
