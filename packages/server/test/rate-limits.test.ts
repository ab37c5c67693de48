import { describe, expect, it } from 'vitest';
import { startTestServer, wrongCode } from './helpers.js';

describe('rate limits', () => {
  it('refuses more than start_per_ip_per_hour starts from one IP with 429 and Retry-After', async () => {
    const server = await startTestServer({ rate_limits: { start_per_ip_per_hour: 2 } });
    expect((await server.start('a@example.com')).statusCode).toBe(200);
    server.clock.now += 60_000;
    expect((await server.start('b@example.com')).statusCode).toBe(200);
    const third = await server.start('c@example.com');
    expect(third.statusCode).toBe(429);
    expect(third.json()).toEqual({
      error: 'too_many_requests',
      error_description: expect.any(String),
    });
    // The oldest counted start leaves the window 59 minutes from now.
    expect(third.headers['retry-after']).toBe(String(59 * 60));
    await server.mailSettled();
    const inbox = await server.inject({ url: '/dev/inbox.json?to=c@example.com' });
    expect(inbox.json().messages).toEqual([]);

    server.clock.now += 59 * 60_000;
    expect((await server.start('c@example.com')).statusCode).toBe(200);
  });

  it('refuses a resend inside resend_after_s with 429 and Retry-After', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    server.clock.now += 10_000;
    const early = await server.start('a@example.com');
    expect(early.statusCode).toBe(429);
    expect(early.json().error).toBe('too_many_requests');
    expect(early.headers['retry-after']).toBe('20');
    await server.mailSettled();
    expect(
      (await server.inject({ url: '/dev/inbox.json?to=a@example.com' })).json().messages,
    ).toHaveLength(1);

    server.clock.now += 20_000;
    expect((await server.start('a@example.com')).statusCode).toBe(200);
  });

  it('locks an IP+email out after failed_verifications_per_ip_email failures, even with the right code', async () => {
    const server = await startTestServer({
      rate_limits: {
        failed_verifications_per_ip_email: 4,
        lockout_s: 600,
        failed_verifications_per_email: 100,
      },
      connections: { email: { otp: { max_attempts: 10 } } },
    });
    await server.start('a@example.com');
    const code = await server.codeFromInbox('a@example.com');
    for (let i = 0; i < 4; i++) {
      expect((await server.token('a@example.com', wrongCode(code))).statusCode).toBe(403);
    }
    const locked = await server.token('a@example.com', code);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toEqual({
      error: 'too_many_attempts',
      error_description: expect.any(String),
    });
    expect(locked.headers['retry-after']).toBe('600');

    // Another email from the same IP is not affected.
    await server.start('b@example.com');
    expect(
      (await server.token('b@example.com', await server.codeFromInbox('b@example.com'))).statusCode,
    ).toBe(200);

    server.clock.now += 600_000;
    await server.start('a@example.com');
    expect(
      (await server.token('a@example.com', await server.codeFromInbox('a@example.com'))).statusCode,
    ).toBe(200);
  });

  it('does not count refused starts (cooldown, bad input) against the per-IP limit', async () => {
    const server = await startTestServer({ rate_limits: { start_per_ip_per_hour: 2 } });
    expect((await server.start('a@example.com')).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect((await server.start('a@example.com')).statusCode).toBe(429);
    expect((await server.start('not-an-email')).statusCode).toBe(400);
    expect((await server.start('b@example.com')).statusCode).toBe(200);
    expect((await server.start('c@example.com')).statusCode).toBe(429);
  });

  it('locks out for lockout_s from the failure that hit the limit, and a success resets the count', async () => {
    const server = await startTestServer({
      rate_limits: { failed_verifications_per_ip_email: 3, lockout_s: 300 },
      connections: { email: { otp: { max_attempts: 10, resend_after_s: 0, lifetime_s: 3600 } } },
    });
    await server.start('a@example.com');
    let code = await server.codeFromInbox('a@example.com');
    // Two failures, then a success: the run of failures starts again.
    for (let i = 0; i < 2; i++) await server.token('a@example.com', wrongCode(code));
    expect((await server.token('a@example.com', code)).statusCode).toBe(200);
    await server.start('a@example.com');
    code = await server.codeFromInbox('a@example.com');
    for (let i = 0; i < 2; i++) await server.token('a@example.com', wrongCode(code));
    server.clock.now += 200_000;
    expect((await server.token('a@example.com', wrongCode(code))).statusCode).toBe(403);
    const locked = await server.token('a@example.com', code);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('300');
    // Still locked just before lockout_s after the third failure, free right after.
    server.clock.now += 299_000;
    expect((await server.token('a@example.com', code)).statusCode).toBe(429);
    server.clock.now += 1_000;
    expect((await server.token('a@example.com', code)).statusCode).toBe(200);
  });
});
