import { describe, expect, it } from 'vitest';
import {
  buildApp,
  mailSettled,
  resolveConfig,
  SqliteStore,
  type InboxMessage,
  type OutgoingEmail,
} from '../src/app.js';
import { ComposedStore } from '../src/store/composed-store.js';
import { makeDataDir, startTestServer } from './helpers.js';

describe('dev inbox', () => {
  it('lists mail newest first and filters by recipient, case-insensitively', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    await server.start('b@example.com');
    server.clock.now += 30_000;
    await server.start('a@example.com');

    await server.mailSettled();
    const all = (await server.inject({ url: '/dev/inbox.json' })).json().messages;
    expect(all.map((m: { to: string }) => m.to)).toEqual([
      'a@example.com',
      'b@example.com',
      'a@example.com',
    ]);
    const forA = (await server.inject({ url: '/dev/inbox.json?to=A@Example.com' })).json().messages;
    expect(forA).toHaveLength(2);
    const newestCode = await server.codeFromInbox('a@example.com');
    expect((await server.token('a@example.com', newestCode)).statusCode).toBe(200);
  });

  it('escapes message content in the HTML page', async () => {
    const server = await startTestServer({
      clients: [{ client_id: 'demo', name: '<img src=x onerror=alert(1)>' }],
    });
    expect((await server.start('a@example.com')).statusCode).toBe(200);
    await server.mailSettled();
    const page = await server.inject({ url: '/dev/inbox' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toMatch(/<pre>[^<]*\b\d{6}\b/);
  });

  it('does not exist without --dev', async () => {
    const dataDir = await makeDataDir();
    const sent: OutgoingEmail[] = [];
    const config = resolveConfig(
      { clients: [{ client_id: 'app' }] },
      { dev: false, port: 3000, dataDir, smtpUrl: 'smtp://mail.example:587' },
    );
    const app = await buildApp(config, {
      mailer: { send: async (email) => void sent.push(email), close: async () => {} },
    });
    try {
      expect((await app.inject({ url: '/dev/inbox.json' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/dev/inbox' })).statusCode).toBe(404);
      const start = await app.inject({
        method: 'POST',
        url: '/passwordless/start',
        payload: { client_id: 'app', connection: 'email', email: 'a@example.com', send: 'code' },
      });
      expect(start.statusCode).toBe(200);
      await mailSettled(app);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        to: 'a@example.com',
        from: { name: 'app', address: 'no-reply@localhost' },
      });
    } finally {
      await app.close();
    }
  });

  it('files --dev mail in an injected dev inbox, which any store other than SqliteStore needs', async () => {
    const sqlite = new SqliteStore(':memory:');
    // A Store that is not a SqliteStore, as a PostgreSQL one will be: it keeps no dev inbox.
    const store = new ComposedStore({
      codes: sqlite,
      users: sqlite,
      loginTickets: sqlite,
      authorizationCodes: sqlite,
      accessTokens: sqlite,
      refreshTokens: sqlite,
      rateCounters: sqlite,
      logins: sqlite,
      outbox: sqlite,
      start: sqlite,
      expiry: sqlite,
      serverSecretCheck: sqlite,
      health: sqlite,
      close: () => sqlite.close(),
    });
    // One data dir, and so one server secret, for the one database.
    const dataDir = await makeDataDir();
    try {
      await expect(startTestServer(undefined, { dataDir, deps: { store } })).rejects.toThrow(
        /needs deps\.devInbox/,
      );
      const filed: InboxMessage[] = [];
      const devInbox = {
        addInboxMessage: async (message: InboxMessage) => void filed.unshift(message),
        listInboxMessages: async () => filed,
      };
      const server = await startTestServer(undefined, { dataDir, deps: { store, devInbox } });
      expect((await server.start('a@example.com')).statusCode).toBe(200);
      await server.mailSettled();
      expect(filed).toMatchObject([{ to: 'a@example.com' }]);
      const listed = (await server.inject({ url: '/dev/inbox.json' })).json().messages;
      expect(listed).toMatchObject([{ to: 'a@example.com' }]);
    } finally {
      await store.close();
    }
  });
});
