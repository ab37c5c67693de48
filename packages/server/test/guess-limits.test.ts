import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, OTP_GRANT, SqliteStore } from '../src/app.js';
import { limitAddress } from '../src/rate-limits.js';
import type { LoginAttempt, LoginOutcome } from '../src/store.js';
import { makeDataDir, startTestServer, wrongCode, type TestServer } from './helpers.js';

const DAY_MS = 86_400_000;

/** A real SQLite store that counts the wrong codes actually compared with a live code. */
class CountingStore extends SqliteStore {
  comparedWrong = 0;

  override async attemptLogin(attempt: LoginAttempt): Promise<LoginOutcome> {
    return super.attemptLogin({
      ...attempt,
      matches: (code) => {
        const right = attempt.matches(code);
        if (code && !right) this.comparedWrong++;
        return right;
      },
    });
  }
}

const stores: SqliteStore[] = [];
afterEach(async () => {
  while (stores.length > 0) await stores.pop()!.close();
});

async function countingServer(config: Record<string, unknown> = {}) {
  const dataDir = await makeDataDir();
  const store = new CountingStore(dataDir);
  stores.push(store);
  const server = await startTestServer(config, { deps: { store } });
  return { server, store };
}

const TWO_CLIENTS = {
  clients: ['demo', 'second'].map((client_id) => ({
    client_id,
    allowed_origins: DEMO_CLIENT.allowedOrigins,
    callbacks: DEMO_CLIENT.callbacks,
  })),
  // The attacker has addresses enough that no per-address limit gets in the way.
  rate_limits: {
    start_per_ip_per_hour: 1_000_000,
    failed_verifications_per_ip_per_hour: 1_000_000,
  },
};

/** One of 4,000 attacker addresses, IPv4 and IPv6 (each in its own /64), and one of two clients. */
function attacker(n: number): { remoteAddress: string; clientId: string } {
  const remoteAddress =
    n % 2 === 0 ? `10.${(n >> 8) & 255}.${n & 255}.7` : `2001:db8:${(n % 65_536).toString(16)}::1`;
  return { remoteAddress, clientId: n % 4 < 2 ? 'demo' : 'second' };
}

function startFrom(
  server: TestServer,
  email: string,
  from: { remoteAddress: string; clientId: string },
) {
  return server.inject({
    method: 'POST',
    url: '/passwordless/start',
    remoteAddress: from.remoteAddress,
    payload: { client_id: from.clientId, connection: 'email', email, send: 'code' },
  });
}

function guessFrom(
  server: TestServer,
  email: string,
  otp: string,
  from: { remoteAddress: string; clientId: string },
) {
  return server.inject({
    method: 'POST',
    url: '/oauth/token',
    remoteAddress: from.remoteAddress,
    payload: {
      grant_type: OTP_GRANT,
      client_id: from.clientId,
      username: email,
      otp,
      realm: 'email',
    },
  });
}

describe('guessing one email from many addresses and clients', () => {
  it('compares at most 100 wrong codes a day at the defaults, never asking anyone to wait over 15 minutes', async () => {
    const { server, store } = await countingServer(TWO_CLIENTS);
    const email = 'victim@example.com';
    const end = server.clock.now + DAY_MS;
    let n = 0;
    let longestWaitS = 0;
    let codes = 0;
    while (server.clock.now < end) {
      const from = attacker(n++);
      const start = await startFrom(server, email, from);
      if (start.statusCode === 429) {
        const wait = Number(start.headers['retry-after']);
        longestWaitS = Math.max(longestWaitS, wait);
        server.clock.now += wait * 1000;
        continue;
      }
      expect(start.statusCode).toBe(200);
      codes++;
      const code = await server.codeFromInbox(email);
      // Every try from a fresh address and alternating client, until the code is dead.
      for (let tries = 0; tries < 10; tries++) {
        const guess = await guessFrom(server, email, wrongCode(code), attacker(n++));
        if (guess.statusCode === 429) {
          longestWaitS = Math.max(longestWaitS, Number(guess.headers['retry-after']));
        }
      }
    }
    // 4 at once, then one per 15 minutes: 4 + 96. One code of 6 digits: ≤ 1 in 10,000 a day.
    expect(store.comparedWrong).toBeLessThanOrEqual(100);
    expect(store.comparedWrong).toBeGreaterThan(90);
    expect(codes).toBeLessThanOrEqual(100);
    expect(longestWaitS).toBeLessThanOrEqual(900);

    // The owner, arriving at any moment, waits at most 15 minutes for a code that works.
    let start = await startFrom(server, email, { remoteAddress: '192.0.2.1', clientId: 'demo' });
    if (start.statusCode === 429) {
      expect(Number(start.headers['retry-after'])).toBeLessThanOrEqual(900);
      server.clock.now += Number(start.headers['retry-after']) * 1000;
      start = await startFrom(server, email, { remoteAddress: '192.0.2.1', clientId: 'demo' });
    }
    expect(start.statusCode).toBe(200);
    const login = await guessFrom(server, email, await server.codeFromInbox(email), {
      remoteAddress: '192.0.2.1',
      clientId: 'demo',
    });
    expect(login.statusCode).toBe(200);
  }, 60_000);

  it('gives later codes fewer tries once codes are being burned, until a login resets it', async () => {
    const server = await startTestServer();
    const email = 'burn@example.com';
    expect((await server.start(email)).json().max_attempts).toBe(3);
    const first = await server.codeFromInbox(email);
    for (let i = 0; i < 3; i++)
      expect((await server.token(email, wrongCode(first))).statusCode).toBe(403);

    server.clock.now += 30_000;
    const second = await server.start(email);
    expect(second.json().max_attempts).toBe(1);
    const code = await server.codeFromInbox(email);
    expect((await server.token(email, wrongCode(code))).statusCode).toBe(403);
    // One wrong try killed it: the right code no longer works.
    expect((await server.token(email, code)).statusCode).toBe(403);

    // The budget is empty: the next code waits for it to refill (15 minutes at most).
    server.clock.now += 30_000;
    const early = await server.start(email);
    expect(early.statusCode).toBe(429);
    expect(early.json().error).toBe('too_many_requests');
    expect(Number(early.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(early.headers['retry-after'])).toBeLessThanOrEqual(900);
    server.clock.now += Number(early.headers['retry-after']) * 1000;
    expect((await server.start(email)).json().max_attempts).toBe(1);
    expect((await server.token(email, await server.codeFromInbox(email))).statusCode).toBe(200);

    server.clock.now += 30_000;
    expect((await server.start(email)).json().max_attempts).toBe(3);
  });

  it('keeps the resend cooldown per email across clients, after the code has died', async () => {
    const server = await startTestServer(TWO_CLIENTS);
    const email = 'cool@example.com';
    expect((await server.start(email)).statusCode).toBe(200);
    const code = await server.codeFromInbox(email);
    for (let i = 0; i < 3; i++) await server.token(email, wrongCode(code));

    server.clock.now += 10_000;
    const again = await server.start(email);
    expect(again.statusCode).toBe(429);
    expect(again.headers['retry-after']).toBe('20');
    const otherClient = await server.start(email, { client_id: 'second' });
    expect(otherClient.statusCode).toBe(429);
    await server.mailSettled();
    const inbox = await server.inject({ url: `/dev/inbox.json?to=${email}` });
    expect(inbox.json().messages).toHaveLength(1);
  });

  it('compares only the budget of wrong codes when many arrive at once from many addresses', async () => {
    const { server, store } = await countingServer({
      ...TWO_CLIENTS,
      connections: { email: { otp: { max_attempts: 100 } } },
    });
    const email = 'race@example.com';
    // Two live codes (one per client) that would take 4 wrong tries each: 8 in all.
    await server.start(email);
    const code = await server.codeFromInbox(email);
    server.clock.now += 30_000;
    await server.start(email, { client_id: 'second' });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        guessFrom(server, email, wrongCode(code), {
          ...attacker(i),
          clientId: i % 2 ? 'demo' : 'second',
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    // The email's budget holds 4, whatever the codes would have allowed.
    expect(store.comparedWrong).toBe(4);
  });
});

describe('limits per address', () => {
  it('counts IPv6 clients per /64', async () => {
    const server = await startTestServer({ rate_limits: { start_per_ip_per_hour: 2 } });
    const start = (email: string, remoteAddress: string) =>
      startFrom(server, email, { remoteAddress, clientId: 'demo' });
    expect((await start('a@example.com', '2001:db8:1:2::1')).statusCode).toBe(200);
    expect((await start('b@example.com', '2001:db8:1:2:ffff:ffff:ffff:fffe')).statusCode).toBe(200);
    expect((await start('c@example.com', '2001:db8:1:2:abcd::9')).statusCode).toBe(429);
    expect((await start('c@example.com', '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('names an address the way limits count it', () => {
    expect(limitAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(limitAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(limitAddress('2001:DB8::1')).toBe('2001:db8:0:0::/64');
    expect(limitAddress('2001:db8:a:b:c:d:e:f')).toBe('2001:db8:a:b::/64');
    expect(limitAddress('::1')).toBe('0:0:0:0::/64');
    expect(limitAddress('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('caps wrong codes from one address across every email', async () => {
    const server = await startTestServer({
      rate_limits: { failed_verifications_per_ip_per_hour: 5 },
    });
    const guess = (email: string, remoteAddress = '198.51.100.4', otp = '000000') =>
      guessFrom(server, email, otp, { remoteAddress, clientId: 'demo' });
    for (let i = 0; i < 5; i++) expect((await guess(`spray${i}@example.com`)).statusCode).toBe(403);
    const refused = await guess('spray9@example.com');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toBe('too_many_attempts');
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    // The right code from that address is refused too; other addresses are not affected.
    await server.start('owner@example.com');
    const code = await server.codeFromInbox('owner@example.com');
    expect((await guess('owner@example.com', '198.51.100.4', code)).statusCode).toBe(429);
    expect((await guess('spray9@example.com', '198.51.100.5')).statusCode).toBe(403);

    server.clock.now += 3_600_000;
    expect((await guess('spray9@example.com')).statusCode).toBe(403);
  });

  it('keeps one counter row per address and time slot, not one per event', async () => {
    const server = await startTestServer({
      rate_limits: { start_per_ip_per_hour: 1_000_000 },
      connections: { email: { otp: { resend_after_s: 0 } } },
    });
    for (let i = 0; i < 300; i++) {
      expect((await server.start(`rows${i}@example.com`)).statusCode).toBe(200);
      server.clock.now += 60_000;
    }
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(server.dataDir, 'passwordless.sqlite'), { readonly: true });
    const rows = db
      .prepare("SELECT COUNT(*) AS n FROM rate_counters WHERE key LIKE 'start:%'")
      .get() as { n: number };
    db.close();
    // Five hours of starts, one a minute: one row per five-minute slot.
    expect(rows.n).toBe(60);
  });
});
