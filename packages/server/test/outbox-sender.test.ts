// The outbox's sender against a real SMTP server (smtp-sink.ts): start answers once the mail is
// queued, at most `outbox.concurrent_sends` mails are in flight, a full outbox refuses starts
// with 503, and closing lets the tries in flight end and leaves the rest for the next run.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';
import {
  startSmtpSink,
  type ReceivedMail,
  type SmtpSink,
  type SmtpSinkOptions,
} from './smtp-sink.js';

/** An SMTP sink whose answers to DATA wait while `stall` is on; `release()` lets them go. */
async function stallingSink(inbox: ReceivedMail[], options: SmtpSinkOptions = {}) {
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  const stall = () => {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    gate = { promise, open };
  };
  const release = () => {
    gate?.open();
    gate = undefined;
  };
  const sink = await startSmtpSink(inbox, 'sink', { ...options, hold: () => gate?.promise });
  onTestFinished(async () => {
    release();
    await sink.close();
  });
  return { sink, stall, release };
}

/** A server without --dev, mailing to `sink`, with `outbox` settings and a client `demo`. */
function serverMailingTo(sink: SmtpSink, settings: Record<string, unknown> = {}) {
  return startTestServer(
    { clients: [{ client_id: 'demo' }], ...settings },
    { smtpUrl: sink.url, deps: { outboxIntervalMs: 20 } },
  );
}

/** Rows of a table for `email` in the server's SQLite file, read as another process would. */
function rowsFor(server: TestServer, table: 'pending_codes' | 'mail_outbox', email: string) {
  const db = new Database(path.join(server.dataDir, 'passwordless.sqlite'), { readonly: true });
  try {
    const column = table === 'mail_outbox' ? 'recipient' : 'email';
    return (
      db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(email) as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}

const codeIn = (mail: ReceivedMail) => /\b(\d{6})\b/.exec(mail.text)![1]!;
const mailTo = (inbox: ReceivedMail[], to: string) => inbox.filter((mail) => mail.to === to);

describe('the outbox sender, over real SMTP', () => {
  it('answers start before SMTP has accepted the mail, which arrives after and logs in', async () => {
    const inbox: ReceivedMail[] = [];
    const { sink, stall, release } = await stallingSink(inbox);
    const server = await serverMailingTo(sink);
    stall();

    const start = await server.start('early@example.com');
    expect(start.statusCode).toBe(200);
    // The answer is out while the SMTP server still holds the message unanswered.
    await vi.waitFor(() => expect(sink.load.receiving).toBe(1));
    expect(inbox).toEqual([]);

    release();
    await vi.waitFor(() => expect(mailTo(inbox, 'early@example.com')).toHaveLength(1));
    const code = codeIn(mailTo(inbox, 'early@example.com')[0]!);
    expect((await server.token('early@example.com', code)).statusCode).toBe(200);
    await server.mailSettled();
    expect(rowsFor(server, 'mail_outbox', 'early@example.com')).toBe(0);
  });

  it('never has more than outbox.concurrent_sends mails in flight, and sends them all', async () => {
    const inbox: ReceivedMail[] = [];
    const { sink, stall, release } = await stallingSink(inbox);
    const server = await serverMailingTo(sink, { outbox: { concurrent_sends: 2 } });
    stall();

    const emails = Array.from({ length: 7 }, (_, n) => `many${n}@example.com`);
    const answers = await Promise.all(emails.map((email) => server.start(email)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(emails.map(() => 200));
    await vi.waitFor(() => expect(sink.load.receiving).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.load.maxReceiving).toBe(2);

    release();
    await vi.waitFor(() => expect(inbox).toHaveLength(7));
    expect(inbox.map((mail) => mail.to).sort()).toEqual([...emails].sort());
    expect(sink.load.maxReceiving).toBe(2);
    expect(sink.load.maxSessions).toBeLessThanOrEqual(2);
  });

  it('refuses start with 503 once outbox.max_queued mails wait, storing and counting nothing; loses nothing queued', async () => {
    const inbox: ReceivedMail[] = [];
    const { sink, stall, release } = await stallingSink(inbox);
    const server = await serverMailingTo(sink, {
      outbox: { concurrent_sends: 1, max_queued: 3 },
      rate_limits: { start_per_ip_per_hour: 4 },
    });
    stall();

    for (const email of ['q1@example.com', 'q2@example.com', 'q3@example.com']) {
      expect((await server.start(email)).statusCode).toBe(200);
    }
    const refused = await server.start('refused@example.com');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json()).toEqual({
      error: 'temporarily_unavailable',
      error_description: 'Too many emails are waiting to be sent. Try again shortly.',
    });
    expect(rowsFor(server, 'pending_codes', 'refused@example.com')).toBe(0);
    expect(rowsFor(server, 'mail_outbox', 'refused@example.com')).toBe(0);

    release();
    await vi.waitFor(() => expect(inbox).toHaveLength(3));
    await server.mailSettled();
    // The refused start took neither the address's start (4 per hour: this is the 4th) nor the
    // email's resend cooldown.
    expect((await server.start('refused@example.com')).statusCode).toBe(200);
    expect((await server.start('fifth@example.com')).statusCode).toBe(429);
    await vi.waitFor(() => expect(mailTo(inbox, 'refused@example.com')).toHaveLength(1));
    expect(inbox.map((mail) => mail.to).sort()).toEqual([
      'q1@example.com',
      'q2@example.com',
      'q3@example.com',
      'refused@example.com',
    ]);
  });

  it('keeps the mail queued while SMTP is down and sends it once SMTP is back', async () => {
    const inbox: ReceivedMail[] = [];
    // A port that was free a moment ago: nothing listens there until the sink comes back.
    const probe = await startSmtpSink([], 'probe');
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const server = await startTestServer(
      { clients: [{ client_id: 'demo' }] },
      { smtpUrl: probe.url, deps: { outboxIntervalMs: 20 } },
    );

    expect((await server.start('down@example.com')).statusCode).toBe(200);
    await server.mailSettled();
    expect(rowsFor(server, 'mail_outbox', 'down@example.com')).toBe(1);

    const sink = await startSmtpSink(inbox, 'back', { port });
    onTestFinished(() => sink.close());
    // The first retry is 5 s (of the server's clock) after the failed try.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inbox).toEqual([]);
    server.clock.now += 5_000;
    await vi.waitFor(() => expect(mailTo(inbox, 'down@example.com')).toHaveLength(1));
    const code = codeIn(inbox[0]!);
    expect((await server.token('down@example.com', code)).statusCode).toBe(200);
  });

  it('on close sends every due mail before it resolves, when SMTP answers within the grace', async () => {
    const inbox: ReceivedMail[] = [];
    const { sink, stall, release } = await stallingSink(inbox);
    const server = await serverMailingTo(sink, { outbox: { concurrent_sends: 1 } });
    stall();
    const emails = ['c1@example.com', 'c2@example.com', 'c3@example.com'];
    for (const email of emails) expect((await server.start(email)).statusCode).toBe(200);
    await vi.waitFor(() => expect(sink.load.receiving).toBe(1));

    const closing = server.app.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inbox).toEqual([]);
    release();
    await closing;
    expect(inbox.map((mail) => mail.to)).toEqual(emails);
    for (const email of emails) expect(rowsFor(server, 'mail_outbox', email)).toBe(0);
  });

  it('on close past the grace releases the untried mail for the next run, which sends it at once', async () => {
    const inbox: ReceivedMail[] = [];
    const { sink, stall, release } = await stallingSink(inbox);
    const first = await serverMailingTo(sink, { outbox: { concurrent_sends: 1 } });
    stall();
    const emails = ['h1@example.com', 'h2@example.com', 'h3@example.com'];
    for (const email of emails) expect((await first.start(email)).statusCode).toBe(200);
    await vi.waitFor(() => expect(sink.load.receiving).toBe(1));

    // SMTP never answers the first: closing gives up on it after the 5 s grace.
    const closedAt = Date.now();
    await first.app.close();
    expect(Date.now() - closedAt).toBeLessThan(8_000);
    expect(inbox).toEqual([]);
    for (const email of emails) expect(rowsFor(first, 'mail_outbox', email)).toBe(1);
    release();

    const second = await startTestServer(
      { clients: [{ client_id: 'demo' }] },
      { dataDir: first.dataDir, smtpUrl: sink.url, deps: { outboxIntervalMs: 20 } },
    );
    await vi.waitFor(() => expect(mailTo(inbox, 'h2@example.com')).toHaveLength(1));
    await vi.waitFor(() => expect(mailTo(inbox, 'h3@example.com')).toHaveLength(1));
    // The one SMTP was holding when the first run closed keeps its lease: no second try of a
    // mail that may yet be delivered until the lease ends.
    expect(mailTo(inbox, 'h1@example.com').length).toBeLessThanOrEqual(1);
    second.clock.now += 60_000;
    await vi.waitFor(() => expect(rowsFor(second, 'mail_outbox', 'h1@example.com')).toBe(0));
    expect(mailTo(inbox, 'h1@example.com').length).toBeGreaterThanOrEqual(1);
  }, 30_000);
});
