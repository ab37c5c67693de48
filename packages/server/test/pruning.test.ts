import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/app.js';
import { PRUNE_BATCH, pruneExpired } from '../src/pruning.js';
import { makeDataDir, START_TIME, startTestServer } from './helpers.js';

const stores: SqliteStore[] = [];
afterEach(async () => {
  while (stores.length > 0) await stores.pop()!.close();
});

/** Writes `count` rate-limit counters (and one live one) straight into the database file. */
function fillCounters(dataDir: string, count: number, expiresAt: number): void {
  const db = new Database(path.join(dataDir, 'passwordless.sqlite'));
  const insert = db.prepare(
    'INSERT INTO rate_counters (key, slot, count, expires_at) VALUES (?, ?, 1, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`ip-failed:10.0.${i >> 8}.${i & 255}`, i, expiresAt);
    insert.run('ip-failed:live', 0, expiresAt + 3_600_000);
  })();
  db.close();
}

describe('pruning', () => {
  it('deletes a large backlog in small steps, answering requests in between', async () => {
    const dataDir = await makeDataDir();
    const store = new SqliteStore(dataDir);
    stores.push(store);
    const server = await startTestServer(undefined, { deps: { store } });
    const expired = 20 * PRUNE_BATCH;
    fillCounters(dataDir, expired, START_TIME - 1);

    const order: string[] = [];
    const pruning = pruneExpired(store, () => server.clock.now).then((deleted) => {
      order.push('pruned');
      return deleted;
    });
    const request = server.inject({ url: '/.well-known/jwks.json' }).then((response) => {
      order.push('answered');
      return response;
    });
    const [deleted, response] = await Promise.all([pruning, request]);
    expect(response.statusCode).toBe(200);
    expect(order).toEqual(['answered', 'pruned']);
    expect(deleted).toBe(expired);

    const db = new Database(path.join(dataDir, 'passwordless.sqlite'), { readonly: true });
    const left = db.prepare('SELECT key FROM rate_counters').all();
    db.close();
    expect(left).toEqual([{ key: 'ip-failed:live' }]);
  });
});
