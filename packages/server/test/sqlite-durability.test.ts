import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../src/sqlite-store.js';
import { makeDataDir } from './helpers.js';
import { pendingCode } from './store-contract/codes.js';
import { attempt } from './store-contract/logins.js';

const NOW = Date.parse('2030-01-01T00:00:00Z');
const sub = (n: number) => `email|${n.toString(16).padStart(24, '0')}`;

const stores: SqliteStore[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const store of stores.splice(0)) await store.close();
});

/** A store in a fresh data dir, and how many times the WAL file has been synced since. */
async function openStore() {
  const store = new SqliteStore(await makeDataDir());
  stores.push(store);
  const syncs = vi.spyOn(fs, 'fdatasync');
  return { store, syncs };
}

// The commit itself is synchronous (synchronous = NORMAL); what must reach the disk is synced
// afterwards on the thread pool, shared by the requests that wait at the same time.
describe('SqliteStore durability', () => {
  it('has a new user on disk before upsertUserOnLogin resolves; a returning login does not sync', async () => {
    const { store, syncs } = await openStore();
    await store.upsertUserOnLogin('a@example.com', sub(1), NOW);
    expect(syncs).toHaveBeenCalledTimes(1);
    await store.upsertUserOnLogin('a@example.com', sub(2), NOW + 60_000);
    expect(syncs).toHaveBeenCalledTimes(1);
  });

  it("has a first login's new user on disk before attemptLogin resolves; a wrong code or a returning login does not sync", async () => {
    const { store, syncs } = await openStore();
    await store.saveCode(pendingCode());
    expect((await store.attemptLogin(attempt(false))).outcome).toBe('failed');
    expect(syncs).not.toHaveBeenCalled();
    const first = await store.attemptLogin(attempt(true, { newSub: sub(1) }));
    expect(first).toMatchObject({ outcome: 'login', user: { sub: sub(1) } });
    expect(syncs).toHaveBeenCalledTimes(1);
    await store.saveCode(pendingCode({ id: 'code-2' }));
    const returning = await store.attemptLogin(
      attempt(true, { newSub: sub(2), now: NOW + 60_000 }),
    );
    expect(returning).toMatchObject({ outcome: 'login', user: { sub: sub(1) } });
    expect(syncs).toHaveBeenCalledTimes(1);
  });

  it('gives concurrent first logins one group sync after the one in flight', async () => {
    const { store, syncs } = await openStore();
    const users = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.upsertUserOnLogin(`u${i}@example.com`, sub(i), NOW),
      ),
    );
    expect(new Set(users.map((user) => user.sub)).size).toBe(20);
    // The first starts a sync; the 19 that commit while it runs share the next one.
    expect(syncs).toHaveBeenCalledTimes(2);
  });

  it('never counts a sync that started before the commit', async () => {
    const { store, syncs } = await openStore();
    const early = store.upsertUserOnLogin('a@example.com', sub(1), NOW);
    expect(syncs).toHaveBeenCalledTimes(1);
    const late = store
      .upsertUserOnLogin('b@example.com', sub(2), NOW)
      .then(() => syncs.mock.calls.length);
    await early;
    expect(await late).toBe(2);
  });

  it('waits for the sync of a user another connection created a moment ago', async () => {
    const dataDir = await makeDataDir();
    const [creator, other] = [new SqliteStore(dataDir), new SqliteStore(dataDir)];
    stores.push(creator, other);
    await creator.upsertUserOnLogin('a@example.com', sub(1), NOW);
    const syncs = vi.spyOn(fs, 'fdatasync');
    expect((await other.upsertUserOnLogin('a@example.com', sub(2), NOW + 10)).sub).toBe(sub(1));
    expect(syncs).toHaveBeenCalledTimes(1);
  });

  it('has a block and a delete on disk before they resolve', async () => {
    const { store, syncs } = await openStore();
    await store.blockUser('a@example.com', sub(1), NOW);
    expect(syncs).toHaveBeenCalledTimes(1);
    await store.deleteUser('a@example.com');
    expect(syncs).toHaveBeenCalledTimes(2);
  });

  it('syncs nothing in memory', async () => {
    const store = new SqliteStore(':memory:');
    stores.push(store);
    const syncs = vi.spyOn(fs, 'fdatasync');
    await store.upsertUserOnLogin('a@example.com', sub(1), NOW);
    expect(syncs).not.toHaveBeenCalled();
  });
});
