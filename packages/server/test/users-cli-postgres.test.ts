import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostgresStore } from '../src/postgres-store.js';
import { makeDataDir, usePostgresCluster } from './helpers.js';
import { ALICE, ALICE_EXPORT, BOB, jsonLines, runUsersCli, seedUsers } from './users-cli.js';

const cluster = usePostgresCluster();

async function seededDatabase(): Promise<string> {
  const url = await cluster.freshSchemaUrl();
  const store = await PostgresStore.open(url);
  await seedUsers(store);
  await store.close();
  return url;
}

async function storeAt(url: string, look: (store: PostgresStore) => Promise<void>) {
  const store = await PostgresStore.open(url);
  try {
    await look(store);
  } finally {
    await store.close();
  }
}

// Each run starts Node with tsx: seconds on a busy machine.
describe('users CLI on PostgreSQL', { timeout: 180_000 }, () => {
  it('blocks a user in the database --database names, revoking its code and token', async () => {
    const url = await seededDatabase();
    // An empty data dir: the users are in the database, not in a SQLite file.
    const dataDir = await makeDataDir();
    const { code, stdout } = await runUsersCli([
      'block',
      '--email',
      ALICE.email,
      '--database',
      url,
      '--data',
      dataDir,
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `blocked ${ALICE.email} (${ALICE.sub}); its codes, tickets and tokens are revoked\n`,
    );
    await storeAt(url, async (store) => {
      expect(await store.findUser(ALICE.sub)).toMatchObject({ blocked: true });
      expect(await store.findCode('demo', ALICE.email)).toBeUndefined();
      expect(await store.findAccessToken('ef'.repeat(32))).toBeUndefined();
      expect(await store.findUser(BOB.sub)).toMatchObject({ blocked: false });
    });
    expect(await fs.readdir(dataDir)).toEqual([]);
  });

  it('exports from the database DATABASE_URL or the config names', async () => {
    const url = await seededDatabase();
    const fromEnv = await runUsersCli(['export', '--email', ALICE.email], { DATABASE_URL: url });
    expect(fromEnv).toMatchObject({ code: 0, stderr: '' });
    expect(jsonLines(fromEnv.stdout)).toEqual([ALICE_EXPORT]);

    const dir = await makeDataDir();
    const config = path.join(dir, 'config.json');
    await fs.writeFile(config, JSON.stringify({ database: url }));
    const fromConfig = await runUsersCli(['export', '--config', config]);
    expect(fromConfig).toMatchObject({ code: 0, stderr: '' });
    expect(jsonLines(fromConfig.stdout)).toEqual([
      ALICE_EXPORT,
      expect.objectContaining({ user: expect.objectContaining({ email: BOB.email }) }),
    ]);
  });
});
