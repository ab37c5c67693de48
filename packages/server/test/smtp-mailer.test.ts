// The SMTP mailer (mail/mailer.ts, smtp-pool.ts) against a real SMTP server: connections are
// reused, and one the server closed while idle is replaced without failing the next mail.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createSmtpMailer, type OutgoingEmail } from '../src/mail/mailer.js';
import { startSmtpSink, type ReceivedMail } from './smtp-sink.js';

const email = (to: string): OutgoingEmail => ({
  from: { name: 'Acme', address: 'no-reply@example.com' },
  to,
  subject: 'Your code',
  text: 'Your code is 123456',
  html: '<p>Your code is 123456</p>',
});

describe('the SMTP mailer', () => {
  it('reuses a connection, and replaces one the server closed while idle', async () => {
    const inbox: ReceivedMail[] = [];
    const sink = await startSmtpSink(inbox, 'sink', { idleTimeoutMs: 300 });
    const mailer = createSmtpMailer({ url: sink.url }, 2);
    onTestFinished(async () => {
      await mailer.close();
      await sink.close();
    });

    await mailer.send(email('one@example.com'));
    await mailer.send(email('two@example.com'));
    expect(sink.load.maxSessions).toBe(1);
    // The server hangs up on the idle connection; the next mail goes over a new one.
    await vi.waitFor(() => expect(sink.load.sessions).toBe(0), { timeout: 5_000 });
    await mailer.send(email('three@example.com'));
    expect(inbox.map((mail) => [mail.to, mail.subject, mail.text])).toEqual(
      ['one', 'two', 'three'].map((name) => [
        `${name}@example.com`,
        'Your code',
        'Your code is 123456',
      ]),
    );
  });

  it('fails a send when nothing listens, and sends once the server is there', async () => {
    const probe = await startSmtpSink([], 'probe');
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const mailer = createSmtpMailer({ host: '127.0.0.1', port, secure: false }, 1);
    await expect(mailer.send(email('early@example.com'))).rejects.toThrow(/ECONNREFUSED/);

    const inbox: ReceivedMail[] = [];
    const sink = await startSmtpSink(inbox, 'sink', { port });
    onTestFinished(async () => {
      await mailer.close();
      await sink.close();
    });
    await mailer.send(email('later@example.com'));
    expect(inbox.map((mail) => mail.to)).toEqual(['later@example.com']);
  });
});
