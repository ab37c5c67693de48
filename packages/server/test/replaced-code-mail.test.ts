import { describe, expect, it, vi } from 'vitest';
import type { Mailer, OutgoingEmail } from '../src/app.js';
import { startTestServer } from './helpers.js';

/** An email may get a new code at once, so a start can replace a code whose mail is queued. */
const RESEND_AT_ONCE = { connections: { email: { otp: { resend_after_s: 0 } } } };

const codeIn = (mail: OutgoingEmail) => /\b(\d{6})\b/.exec(mail.text)![1]!;

/**
 * An SMTP transport whose tries wait until `answer()`, and fail while `up` is false; records
 * what it delivered.
 */
function gatedMailer() {
  const delivered: OutgoingEmail[] = [];
  const state = { up: true, tries: 0 };
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  const mailer: Mailer = {
    async send(email) {
      state.tries++;
      await gate;
      if (!state.up) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      delivered.push(email);
    },
    async close() {},
  };
  const answer = () => {
    open();
    gate = Promise.resolve();
  };
  return { mailer, delivered, state, answer };
}

describe('mail of a replaced code', () => {
  it('is never sent once SMTP comes back: only the newest code arrives', async () => {
    const smtp = gatedMailer();
    smtp.state.up = false;
    smtp.answer();
    const server = await startTestServer(RESEND_AT_ONCE, {
      deps: { mailer: smtp.mailer, outboxIntervalMs: 10 },
    });
    expect((await server.start('outage@example.com')).statusCode).toBe(200);
    await server.mailSettled();
    // Its first try failed; it waits for its retry when the start replaces its code.
    expect((await server.start('outage@example.com')).statusCode).toBe(200);
    await server.mailSettled();
    expect(smtp.state.tries).toBe(2);

    smtp.state.up = true;
    server.clock.now += 5_000;
    await vi.waitFor(() => expect(smtp.delivered).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(smtp.delivered).toHaveLength(1);
    const login = await server.token('outage@example.com', codeIn(smtp.delivered[0]!));
    expect(login.statusCode).toBe(200);
  });

  it('is dropped from the queue unsent, while a try in progress goes on', async () => {
    const smtp = gatedMailer();
    const server = await startTestServer(
      { ...RESEND_AT_ONCE, outbox: { concurrent_sends: 1 } },
      { deps: { mailer: smtp.mailer, outboxIntervalMs: 10 } },
    );
    const start = async (email: string) => expect((await server.start(email)).statusCode).toBe(200);
    // One try at a time: a's mail is being tried (SMTP has not answered), b's is next in hand,
    // and x's waits in the queue for any node's claim.
    await start('a@example.com');
    await vi.waitFor(() => expect(smtp.state.tries).toBe(1));
    await start('b@example.com');
    await start('x@example.com');
    await start('x@example.com');
    await start('a@example.com');

    smtp.answer();
    await vi.waitFor(() => expect(smtp.delivered).toHaveLength(4));
    await new Promise((resolve) => setTimeout(resolve, 80));
    const to = (email: string) => smtp.delivered.filter((mail) => mail.to === email);
    expect(smtp.delivered.map((mail) => mail.to)).toEqual([
      'a@example.com',
      'b@example.com',
      'x@example.com',
      'a@example.com',
    ]);
    // x's first mail never left the queue; a's first went out, as it was being tried.
    expect(to('x@example.com')).toHaveLength(1);
    expect((await server.token('x@example.com', codeIn(to('x@example.com')[0]!))).statusCode).toBe(
      200,
    );
    expect((await server.token('a@example.com', codeIn(to('a@example.com')[1]!))).statusCode).toBe(
      200,
    );
  });
});
