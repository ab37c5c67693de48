import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Mailer, OutgoingEmail } from '../src/app.js';
import { MailOutbox, type OutboxOptions } from '../src/mail/outbox.js';
import { SqliteStore } from '../src/sqlite-store.js';
import { makeDataDir, startTestServer } from './helpers.js';

/** An SMTP transport that is down until `up` is set; records what it was given and delivered. */
function flakyMailer() {
  const given: OutgoingEmail[] = [];
  const delivered: OutgoingEmail[] = [];
  const state = { up: false, tries: 0 };
  const mailer: Mailer = {
    async send(email) {
      state.tries++;
      given.push(email);
      if (!state.up) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      delivered.push(email);
    },
    async close() {},
  };
  return { mailer, given, delivered, state };
}

const LINK_AUTH_PARAMS = {
  redirect_uri: 'http://localhost:5173/',
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
};

/** The bytes of the database and its WAL, as someone who copies the data dir would get them. */
async function databaseBytes(dataDir: string): Promise<Buffer> {
  const file = path.join(dataDir, 'passwordless.sqlite');
  return Buffer.concat([await fs.readFile(file), await fs.readFile(`${file}-wal`)]);
}

function outboxSize(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'passwordless.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM mail_outbox').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('the durable outbox', () => {
  it('answers start while SMTP is down, then retries with backoff until the mail is sent', async () => {
    const smtp = flakyMailer();
    const server = await startTestServer(undefined, {
      deps: { mailer: smtp.mailer, outboxIntervalMs: 10 },
    });
    const start = await server.start('queued@example.com');
    expect(start.statusCode).toBe(200);
    await server.mailSettled();
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
    await server.mailSettled();
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
    const server = await startTestServer(undefined, { deps: { mailer, outboxIntervalMs: 10 } });
    expect((await server.start('slow@example.com')).statusCode).toBe(200);
    await vi.waitFor(() => expect(calls).toBe(1));
    // The hung try holds a 60 s lease; after it the retry loop sends the mail.
    server.clock.now += 59_000;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toHaveLength(0);
    server.clock.now += 1_000;
    await vi.waitFor(() => expect(sent).toHaveLength(1));
  });

  it('leaves mail a crashed run was trying alone at the next start, and sends it when its lease ends', async () => {
    let tried = false;
    const hung: Mailer = {
      send: () => new Promise(() => void (tried = true)),
      async close() {},
    };
    const first = await startTestServer(undefined, { deps: { mailer: hung } });
    expect((await first.start('crashed@example.com')).statusCode).toBe(200);
    await vi.waitFor(() => expect(tried).toBe(true));

    // Restarted on the same data dir while the old try may still be running somewhere.
    const smtp = flakyMailer();
    smtp.state.up = true;
    const second = await startTestServer(undefined, {
      dataDir: first.dataDir,
      deps: { mailer: smtp.mailer, outboxIntervalMs: 10 },
    });
    second.clock.now += 59_999;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(smtp.state.tries).toBe(0);
    second.clock.now += 1;
    await vi.waitFor(() =>
      expect(smtp.delivered.map((mail) => mail.to)).toEqual(['crashed@example.com']),
    );
  });

  it('keeps queued mail encrypted: no code or link in the database files, and sends it intact', async () => {
    const smtp = flakyMailer();
    const server = await startTestServer(undefined, {
      deps: { mailer: smtp.mailer, outboxIntervalMs: 10 },
    });
    expect((await server.start('code@example.com')).statusCode).toBe(200);
    const link = await server.start('link@example.com', {
      send: 'link',
      authParams: LINK_AUTH_PARAMS,
    });
    expect(link.statusCode).toBe(200);
    await server.mailSettled();
    expect(smtp.given).toHaveLength(2);
    const [codeMail, linkMail] = smtp.given as [OutgoingEmail, OutgoingEmail];
    const code = /\b(\d{6})\b/.exec(codeMail.text)![1]!;
    const linkUrl = new URL(/(http\S+verify_redirect\S+)/.exec(linkMail.text)![1]!);
    const linkCode = linkUrl.searchParams.get('verification_code')!;
    expect(linkCode).toMatch(/^\d{6}$/);

    expect(outboxSize(server.dataDir)).toBe(2);
    const stored = await databaseBytes(server.dataDir);
    for (const secret of [code, linkCode, 'verify_redirect', codeMail.subject, linkMail.subject]) {
      expect(stored.includes(secret), secret).toBe(false);
    }

    smtp.state.up = true;
    server.clock.now += 5_000;
    await vi.waitFor(() => expect(smtp.delivered).toHaveLength(2));
    const sent = (to: string) => smtp.delivered.find((mail) => mail.to === to);
    expect(sent('code@example.com')).toEqual(codeMail);
    expect(sent('link@example.com')).toEqual(linkMail);
    expect((await server.token('code@example.com', code)).statusCode).toBe(200);
  });

  it('drops queued mail it cannot decrypt (server secret deleted, so made anew) instead of retrying it', async () => {
    const smtp = flakyMailer();
    const first = await startTestServer(undefined, {
      deps: { mailer: smtp.mailer, outboxIntervalMs: 10 },
    });
    expect((await first.start('queued@example.com')).statusCode).toBe(200);
    await first.mailSettled();
    await first.app.close();
    await fs.rm(path.join(first.dataDir, 'server-secret'));

    smtp.state.up = true;
    const warnings: string[] = [];
    const second = await startTestServer(undefined, {
      dataDir: first.dataDir,
      deps: {
        mailer: smtp.mailer,
        outboxIntervalMs: 10,
        logger: { level: 'warn', stream: { write: (line: string) => void warnings.push(line) } },
      },
    });
    second.clock.now += 5_000; // when its retry is due
    await vi.waitFor(() => expect(warnings.join('')).toMatch(/cannot be decrypted.*dropped/));
    expect(outboxSize(first.dataDir)).toBe(0);
    expect(smtp.delivered).toHaveLength(0);
  });
});

describe('the outbox shared by two nodes', () => {
  const START = Date.parse('2030-01-01T00:00:00Z');

  /** Two nodes on one database, each with its own SMTP transport and outbox, and one clock. */
  async function twoNodes() {
    const dataDir = await makeDataDir();
    const clock = { now: START };
    const delivered: Array<{ node: string; to: string }> = [];
    const mailKey = randomBytes(32);
    /** `concurrency` 1 unless said: one try at a time keeps the order of tries plain. */
    const node = (name: string, options: Partial<OutboxOptions> = {}) => {
      const store = new SqliteStore(dataDir);
      const smtp = {
        up: true,
        hang: false,
        /** Time one try takes, on the shared clock. */
        tryMs: 0,
        /** While set, a try waits for it: SMTP is slow to answer. */
        slow: undefined as Promise<void> | undefined,
        started: 0,
      };
      const mailer: Mailer = {
        async send(email) {
          smtp.started++;
          if (smtp.hang) return new Promise(() => {});
          await smtp.slow;
          clock.now += smtp.tryMs;
          if (!smtp.up) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
          delivered.push({ node: name, to: email.to });
        },
        async close() {},
      };
      const outbox = new MailOutbox({
        store,
        mailer,
        now: () => clock.now,
        mailKey,
        concurrency: 1,
        closeGraceMs: 0,
        ...options,
      });
      return { store, smtp, outbox };
    };
    const stores: SqliteStore[] = [];
    onTestFinished(async () => {
      for (const store of stores) await store.close();
    });
    const started = (name: string, options?: Partial<OutboxOptions>) => {
      const one = node(name, options);
      stores.push(one.store);
      return one;
    };
    return { a: started('a'), b: started('b'), node: started, clock, delivered };
  }

  function email(n: number): OutgoingEmail {
    return {
      from: { name: 'App', address: 'no-reply@example.com' },
      to: `user${n}@example.com`,
      subject: 'Your code',
      text: `code ${n}`,
      html: `<p>code ${n}</p>`,
    };
  }

  it('sends each queued mail once when both nodes drain the outbox together', async () => {
    const { a, b, clock, delivered } = await twoNodes();
    a.smtp.up = false;
    // More than one claim takes (20), so both nodes get some.
    for (let n = 0; n < 25; n++) await a.outbox.send(email(n), START + 300_000);
    await a.outbox.settled();
    a.smtp.up = true;
    clock.now += 5_000;
    await Promise.all([a.outbox.deliverDue(), b.outbox.deliverDue()]);
    expect(delivered.map((one) => one.to).sort()).toEqual(
      Array.from({ length: 25 }, (_, n) => `user${n}@example.com`).sort(),
    );
    expect(new Set(delivered.map((one) => one.node))).toEqual(new Set(['a', 'b']));
  });

  it('removes sent mail in batches, one store call for many, and never sends it again', async () => {
    const { a, b, clock, delivered } = await twoNodes();
    a.smtp.up = false;
    for (let n = 0; n < 25; n++) await a.outbox.send(email(n), START + 300_000);
    await a.outbox.settled();
    const removals: number[][] = [];
    const remove = a.store.removeMail.bind(a.store);
    vi.spyOn(a.store, 'removeMail').mockImplementation(async (ids) => {
      removals.push([...ids]);
      return remove(ids);
    });
    a.smtp.up = true;
    clock.now += 5_000;
    await a.outbox.deliverDue();
    expect(delivered).toHaveLength(25);
    // Two claims (20, then 5): each batch is removed once its tries are done.
    expect(removals.map((ids) => ids.length)).toEqual([20, 5]);
    expect(await b.store.countMail()).toBe(0);
    clock.now += 600_000;
    await Promise.all([a.outbox.deliverDue(), b.outbox.deliverDue()]);
    expect(delivered).toHaveLength(25);
  });

  it('lets the other node send a mail whose sender died mid-try, once its lease ends', async () => {
    const { a, b, clock, delivered } = await twoNodes();
    a.smtp.up = false;
    await a.outbox.send(email(1), START + 300_000);
    await a.outbox.settled();
    clock.now += 5_000;
    // Node A claims the mail and never comes back from SMTP, as if it had died.
    a.smtp.hang = true;
    void a.outbox.deliverDue();
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock.now += 59_999;
    await b.outbox.deliverDue();
    expect(delivered).toEqual([]);
    clock.now += 1;
    await b.outbox.deliverDue();
    expect(delivered).toEqual([{ node: 'b', to: 'user1@example.com' }]);
  });

  it('starts no try that could outlast its lease; the rest of the batch goes to the next claim', async () => {
    const { a, clock, delivered } = await twoNodes();
    a.smtp.up = false;
    for (let n = 0; n < 3; n++) await a.outbox.send(email(n), START + 300_000);
    await a.outbox.settled();
    clock.now += 5_000;
    const claimedAt = clock.now;
    const claims: Array<{ at: number; ids: number[] }> = [];
    const claim = a.store.claimDueMail.bind(a.store);
    vi.spyOn(a.store, 'claimDueMail').mockImplementation(async (dueBy, leaseUntil, limit) => {
      const claimed = await claim(dueBy, leaseUntil, limit);
      claims.push({ at: dueBy, ids: claimed.map((mail) => mail.id) });
      return claimed;
    });
    // Each try takes 6 s: after two, a third (up to 50 s) could end past the 60 s lease.
    a.smtp.up = true;
    a.smtp.tryMs = 6_000;
    await a.outbox.deliverDue();
    expect(delivered.map((one) => one.to)).toEqual([
      'user0@example.com',
      'user1@example.com',
      'user2@example.com',
    ]);
    // Released at once, not at the end of the lease: the next claim (here its own) took it,
    // under a lease of its own.
    expect(claims.slice(0, 2)).toEqual([
      { at: claimedAt, ids: [expect.any(Number), expect.any(Number), expect.any(Number)] },
      { at: claimedAt + 12_000, ids: [claims[0]!.ids[2]] },
    ]);
    expect(clock.now).toBe(claimedAt + 18_000);
  });

  it('at start claims only due mail: never mail a live node is trying, which waits for its lease', async () => {
    const { a, node, clock, delivered } = await twoNodes();
    a.smtp.hang = true;
    await a.outbox.send(email(1), START + 300_000);
    const b = node('b');
    b.outbox.start(60_000);
    await b.outbox.deliverDue(); // resolves after the pass start() began, and one more
    expect(b.smtp.started).toBe(0);
    // Node A died mid-try: its lease ends, and the next node to start sends the mail.
    clock.now += 60_000;
    const c = node('c');
    c.outbox.start(60_000);
    await c.outbox.deliverDue();
    expect(delivered).toEqual([{ node: 'c', to: 'user1@example.com' }]);
    await Promise.all([b.outbox.close(), c.outbox.close()]);
  });

  it('on close releases the claimed mail it has not tried, so another node sends it at once', async () => {
    const { a, b, clock, delivered } = await twoNodes();
    a.smtp.up = false;
    for (let n = 0; n < 3; n++) await a.outbox.send(email(n), START + 300_000);
    await a.outbox.settled();
    a.smtp.up = true;
    clock.now += 5_000;
    let answer!: () => void;
    a.smtp.slow = new Promise((resolve) => (answer = resolve));
    // Node A claims all three and starts on the first; SMTP is slow to answer.
    const draining = a.outbox.deliverDue();
    await vi.waitFor(() => expect(a.smtp.started).toBe(4));
    const closing = a.outbox.close();
    await b.outbox.deliverDue();
    expect(delivered).toEqual([
      { node: 'b', to: 'user1@example.com' },
      { node: 'b', to: 'user2@example.com' },
    ]);
    // Closing waits for the try in progress, which ends as it would have; nothing is sent twice.
    answer();
    await Promise.all([closing, draining]);
    expect(delivered.at(-1)).toEqual({ node: 'a', to: 'user0@example.com' });
    clock.now += 600_000;
    await b.outbox.deliverDue();
    expect(delivered).toHaveLength(3);
  });
});
