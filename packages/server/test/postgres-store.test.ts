import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ServerSecretMismatchError } from '../src/app.js';
import { PostgresStore } from '../src/postgres-store.js';
import { SchemaTooNewError } from '../src/postgres/database.js';
import { MIGRATIONS } from '../src/postgres/migrations.js';
import {
  dataDirSharingSecretWith,
  makeDataDir,
  startTestServer,
  usePostgresCluster,
} from './helpers.js';
import {
  expectRotationPickedUpLive,
  runRotateKeysCli,
  startRotatingServer,
} from './key-rotation.js';
import { describeStoreContracts } from './store-contract/all.js';
import { describeSigningKeyStoreContract } from './store-contract/keys.js';
import type { OpenStore, StoreTarget } from './store-contract/target.js';

const cluster = usePostgresCluster();

/** Two pools on one fresh schema, as two nodes on one database would hold. */
async function openPair(): Promise<OpenStore<PostgresStore> & { url: string }> {
  const url = await cluster.freshSchemaUrl();
  const store = await PostgresStore.open(url);
  const peer = await PostgresStore.open(url);
  const close = async () => {
    await store.close();
    await peer.close();
  };
  return { url, store, peer, close };
}

const target: StoreTarget<PostgresStore> = { open: openPair };

describe('PostgresStore', () => {
  describeStoreContracts(target);
  describeSigningKeyStoreContract({
    async open() {
      const { store, peer, close } = await openPair();
      return { store: store.signingKeys, peer: peer.signingKeys, close };
    },
  });
});

describe('PostgreSQL migrations', () => {
  async function appliedVersions(url: string): Promise<number[]> {
    const client = new pg.Client(url);
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY 1');
      return rows.map((row: { version: number }) => row.version);
    } finally {
      await client.end();
    }
  }

  it('applies each migration once, when nodes start together', async () => {
    const url = await cluster.freshSchemaUrl();
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url)));
    await Promise.all(stores.map((store) => store.close()));
    expect(await appliedVersions(url)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses to start on a schema newer than it knows', async () => {
    const { url, close } = await openPair();
    await close();
    const client = new pg.Client(url);
    await client.connect();
    await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [
      MIGRATIONS.length + 1,
    ]);
    await client.end();
    const opening = PostgresStore.open(url);
    await expect(opening).rejects.toThrow(SchemaTooNewError);
    await expect(opening).rejects.toThrow(/newer than this server knows/);
  });
});

describe('the server on PostgreSQL', () => {
  it('logs in with a code from the dev inbox, keeping the user and the keys in the database', async () => {
    const url = await cluster.freshSchemaUrl();
    const server = await startTestServer({ database: url });
    const email = 'pg-user@example.com';
    expect((await server.start(email)).statusCode).toBe(200);
    const code = await server.codeFromInbox(email);
    const response = await server.token(email, code);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ token_type: 'Bearer' });
    expect(response.json().id_token).toEqual(expect.any(String));

    const client = new pg.Client(url);
    await client.connect();
    try {
      const users = await client.query('SELECT email FROM users');
      expect(users.rows).toEqual([{ email }]);
      const keys = await client.query('SELECT jwk FROM signing_keys');
      const jwks = (await server.inject({ url: '/.well-known/jwks.json' })).json();
      expect(jwks.keys.map((key: { kid: string }) => key.kid)).toEqual(
        keys.rows.map((row: { jwk: { kid: string } }) => row.jwk.kid),
      );
    } finally {
      await client.end();
    }
  });

  it('serves one key set on every node, and every node picks up --rotate-keys (DATABASE_URL) without a restart', async () => {
    const url = await cluster.freshSchemaUrl();
    // Separate data dirs: the key set in the database is what the nodes share (and the server
    // secret, copied as the README says).
    const nodes = [await startRotatingServer({ database: url })];
    nodes.push(
      await startRotatingServer(
        { database: url },
        { dataDir: await dataDirSharingSecretWith(nodes[0]!) },
      ),
    );
    await expectRotationPickedUpLive(nodes, async () => {
      const { stdout } = await runRotateKeysCli(['--data', await makeDataDir()], {
        DATABASE_URL: url,
      });
      expect(stdout).toMatch(
        /^passwordless-lock-server: new signing key \S+ in the PostgreSQL database at 127\.0\.0\.1:\d+\/postgres \(2 keys in the JWKS\); running servers serve it within 60 s and sign with it after 120 s\n$/,
      );
    });
  });

  it('starts one of two nodes racing on an empty database with different secrets; the other refuses', async () => {
    const url = await cluster.freshSchemaUrl();
    const starts = await Promise.allSettled([
      startTestServer({ database: url }),
      startTestServer({ database: url }),
    ]);
    expect(starts.map((start) => start.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = starts.find((start) => start.status === 'rejected')!;
    expect(refused.reason).toBeInstanceOf(ServerSecretMismatchError);

    // A node whose server-secret was deleted is refused too: the database is shared.
    const started = starts.find((start) => start.status === 'fulfilled')!.value;
    await started.app.close();
    await fs.rm(path.join(started.dataDir, 'server-secret'));
    await expect(startTestServer({ database: url }, { dataDir: started.dataDir })).rejects.toThrow(
      ServerSecretMismatchError,
    );
  });

  it('rotates the key set of the database a --config names', async () => {
    const url = await cluster.freshSchemaUrl();
    await startTestServer({ database: url }); // saves the first key
    const dir = await makeDataDir();
    const file = path.join(dir, 'config.json');
    await fs.writeFile(file, JSON.stringify({ database: url }));
    await runRotateKeysCli(['--config', file, '--data', dir]);
    await expect(fs.readdir(dir)).resolves.toEqual(['config.json']);
    const client = new pg.Client(url);
    await client.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS count FROM signing_keys');
      expect(rows).toEqual([{ count: 2 }]);
    } finally {
      await client.end();
    }
  });
});
