import { describe, expect, it, vi } from 'vitest';
import type { Mailer, OutgoingEmail } from '../src/app.js';
import { startTestServer } from './helpers.js';

/** An SMTP transport that is down until `up` is set, and records what it delivered. */
function flakyMailer() {
  const delivered: OutgoingEmail[] = [];
  const state = { up: false, tries: 0 };
  const mailer: Mailer = {
    async send(email) {
      state.tries++;
      if (!state.up) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      delivered.push(email);
    },
    async close() {},
  };
  return { mailer, delivered, state };
}

describe('the durable outbox', () => {
  it('answers start while SMTP is down, then retries with backoff until the mail is sent', async () => {
    const smtp = flakyMailer();
    const server = await startTestServer(undefined, {
      deps: { mailer: smtp.mailer, outboxIntervalMs: 10 },
    });
    const start = await server.start('queued@example.com');
    expect(start.statusCode).toBe(200);
    expect(smtp.state.tries).toBe(1);

    // Not due yet: the first retry waits 5 s (of the injected clock).
    server.clock.now += 4_000;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(smtp.state.tries).toBe(1);

    server.clock.now += 1_000;
    await vi.waitFor(() => expect(smtp.state.tries).toBe(2));
    smtp.state.up = true;
    // The second failure doubled the wait to 10 s.
    server.clock.now += 9_000;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(smtp.delivered).toHaveLength(0);
    server.clock.now += 1_000;
    await vi.waitFor(() => expect(smtp.delivered).toHaveLength(1));

    const code = /\b(\d{6})\b/.exec(smtp.delivered[0]!.text)![1]!;
    expect((await server.token('queued@example.com', code)).statusCode).toBe(200);
    // Sent mail leaves the outbox: nothing is sent twice.
    server.clock.now += 600_000;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(smtp.delivered).toHaveLength(1);
  });

  it('drops a mail whose code expired before SMTP came back', async () => {
    const smtp = flakyMailer();
    const server = await startTestServer(
      { connections: { email: { otp: { lifetime_s: 60 } } } },
      { deps: { mailer: smtp.mailer, outboxIntervalMs: 10 } },
    );
    expect((await server.start('late@example.com')).statusCode).toBe(200);
    smtp.state.up = true;
    server.clock.now += 61_000;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(smtp.delivered).toHaveLength(0);
  });

  it('answers start without waiting for an SMTP server that hangs', async () => {
    const sent: OutgoingEmail[] = [];
    let calls = 0;
    const mailer: Mailer = {
      send: (email) =>
        ++calls === 1 ? new Promise(() => {}) : Promise.resolve(void sent.push(email)),
      async close() {},
    };
    const server = await startTestServer(undefined, {
      deps: { mailer, outboxFirstTryWaitMs: 20, outboxIntervalMs: 10 },
    });
    expect((await server.start('slow@example.com')).statusCode).toBe(200);
    // The hung try holds a 60 s lease; after it the retry loop sends the mail.
    server.clock.now += 59_000;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toHaveLength(0);
    server.clock.now += 1_000;
    await vi.waitFor(() => expect(sent).toHaveLength(1));
  });
});
