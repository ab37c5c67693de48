import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../src/sqlite-store.js';
import { READINESS_STORE_TIMEOUT_MS } from '../src/readiness.js';
import { makeDataDir, startTestServer, type TestServer, usePostgresCluster } from './helpers.js';

const ALL_OK = {
  status: 'ok',
  checks: { store: 'ok', migrations: 'ok', signing_keys: 'ok', serving: 'ok' },
};

async function probe(server: TestServer, url: '/healthz' | '/readyz') {
  const sentAt = Date.now();
  const response = await server.inject({ url });
  return { response, ms: Date.now() - sentAt };
}

/** The answer a poller gets: status, body, and the headers that matter to one. */
async function readyz(server: TestServer) {
  const { response, ms } = await probe(server, '/readyz');
  expect(response.headers['cache-control']).toBe('no-store');
  return { status: response.statusCode, body: response.json(), ms };
}

describe('/healthz and /readyz on SQLite', () => {
  it('answer 200 ok, not to be cached, with every readiness check named', async () => {
    const server = await startTestServer();
    const { response } = await probe(server, '/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(await readyz(server)).toMatchObject({ status: 200, body: ALL_OK });
  });

  it('/readyz answers 503 migrations pending when the schema lacks a migration', async () => {
    const dataDir = await makeDataDir();
    const server = await startTestServer(undefined, { dataDir });
    const db = new Database(path.join(dataDir, 'passwordless.sqlite'));
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${version - 1}`);
    try {
      expect(await readyz(server)).toMatchObject({
        status: 503,
        body: { status: 'unavailable', checks: { store: 'ok', migrations: 'pending' } },
      });
    } finally {
      db.pragma(`user_version = ${version}`);
      db.close();
    }
    expect(await readyz(server)).toMatchObject({ status: 200, body: ALL_OK });
  });

  it('/readyz answers 503 draining while the process shuts down, and /healthz still 200', async () => {
    const state = { draining: false };
    const server = await startTestServer(undefined, { deps: { draining: () => state.draining } });
    expect((await readyz(server)).status).toBe(200);
    state.draining = true;
    expect(await readyz(server)).toMatchObject({
      status: 503,
      body: { status: 'unavailable', checks: { ...ALL_OK.checks, serving: 'draining' } },
    });
    expect((await probe(server, '/healthz')).response.statusCode).toBe(200);
  });

  it('/readyz answers 503 timeout within about 2 s when the store hangs, and polls share one read', async () => {
    let reads = 0;
    /** A real SQLite store whose readiness read never returns, as a hung database's would not. */
    class HangingStore extends SqliteStore {
      override isMigrated(): Promise<boolean> {
        reads++;
        return new Promise(() => {});
      }
    }
    const store = new HangingStore(await makeDataDir());
    try {
      const server = await startTestServer(undefined, { deps: { store } });
      const polls = await Promise.all([readyz(server), readyz(server), readyz(server)]);
      for (const poll of polls) {
        expect(poll).toMatchObject({
          status: 503,
          body: { status: 'unavailable', checks: { store: 'timeout', migrations: 'unknown' } },
        });
        expect(poll.ms).toBeGreaterThanOrEqual(READINESS_STORE_TIMEOUT_MS - 50);
        expect(poll.ms).toBeLessThan(READINESS_STORE_TIMEOUT_MS + 1_500);
      }
      expect(reads).toBe(1);
      const { response, ms } = await probe(server, '/healthz');
      expect(response.statusCode).toBe(200);
      expect(ms).toBeLessThan(1_000);
    } finally {
      await store.close();
    }
  }, 20_000);
});

describe('/readyz on PostgreSQL', () => {
  const cluster = usePostgresCluster();

  it('answers 200, then 503 store unreachable (fast) while the database is stopped, then 200 once it is back', async () => {
    const server = await startTestServer({ database: await cluster.freshSchemaUrl() });
    expect(await readyz(server)).toMatchObject({ status: 200, body: ALL_OK });

    await cluster.shutDown();
    try {
      const down = await readyz(server);
      expect(down).toMatchObject({
        status: 503,
        body: {
          status: 'unavailable',
          checks: {
            store: 'unreachable',
            migrations: 'unknown',
            signing_keys: 'ok',
            serving: 'ok',
          },
        },
      });
      expect(down.ms).toBeLessThan(READINESS_STORE_TIMEOUT_MS + 1_500);
      // Liveness never depends on the database: an outage must not get the process restarted.
      expect((await probe(server, '/healthz')).response.statusCode).toBe(200);
    } finally {
      await cluster.startAgain();
    }
    await vi.waitFor(async () => expect((await readyz(server)).status).toBe(200), {
      timeout: 15_000,
      interval: 200,
    });
    expect((await readyz(server)).body).toEqual(ALL_OK);
  }, 60_000);

  it('answers 503 migrations pending when the schema lacks a migration', async () => {
    const url = await cluster.freshSchemaUrl();
    const server = await startTestServer({ database: url });
    const pg = (await import('pg')).default;
    const client = new pg.Client(url);
    await client.connect();
    try {
      await client.query(
        'DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)',
      );
      expect(await readyz(server)).toMatchObject({
        status: 503,
        body: { checks: { store: 'ok', migrations: 'pending' } },
      });
    } finally {
      await client.end();
    }
  }, 30_000);
});
