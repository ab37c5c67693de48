import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import {
  dataDirSharingSecretWith,
  makeDataDir,
  startTestServer,
  type TestServer,
  usePostgresCluster,
} from './helpers.js';
import { publishDelayMs } from '../src/keys.js';
import { TEST_KEYS_RELOAD_INTERVAL_MS } from './key-rotation.js';

const DAY_MS = 86_400_000;
const API = 'https://schedule.example.com/';
/** A new key is served this long before it signs. */
const PUBLISH_DELAY_MS = publishDelayMs(TEST_KEYS_RELOAD_INTERVAL_MS);
/**
 * Every token here lives an hour: a replaced key stays this long after its successor signs on
 * every node (publishing delay plus a reload), plus the verifiers' leeway.
 */
const TOKEN_LIFETIME_S = 3_600;
const KEEP_RETIRED_MS =
  PUBLISH_DELAY_MS + TEST_KEYS_RELOAD_INTERVAL_MS + TOKEN_LIFETIME_S * 1000 + 60_000;
/** Reloads that go by while a test checks that nothing changes. */
const A_FEW_RELOADS_MS = TEST_KEYS_RELOAD_INTERVAL_MS * 8;

interface Node {
  server: TestServer;
  /** The message of each warning (or error) the node logged. */
  warnings: string[];
  /** What the node logged it changed by the schedule. */
  rotations: Array<{ added?: string; dropped: string[] }>;
}

/** A node rotating daily, with its own fresh data dir unless given one (its first key is made at its clock). */
async function startNode(config: Record<string, unknown>, dataDir?: string): Promise<Node> {
  const warnings: Node['warnings'] = [];
  const rotations: Node['rotations'] = [];
  const write = (line: string) => {
    const entry = JSON.parse(line);
    if (entry.level >= 40) warnings.push(entry.err?.message ?? entry.msg);
    if (entry.msg === 'signing keys rotated on schedule') {
      rotations.push(
        entry.added ? { added: entry.added, dropped: entry.dropped } : { dropped: entry.dropped },
      );
    }
  };
  const logger = { level: 'info', stream: { write } };
  const server = await startTestServer(
    {
      keys: { rotate_every_days: 1 },
      apis: [{ identifier: API }],
      tokens: { id_token_lifetime_s: TOKEN_LIFETIME_S, access_token_lifetime_s: TOKEN_LIFETIME_S },
      ...config,
    },
    {
      dataDir: dataDir ?? (await makeDataDir()),
      deps: { keysReloadIntervalMs: TEST_KEYS_RELOAD_INTERVAL_MS, logger },
    },
  );
  return { server, warnings, rotations };
}

async function kids(server: TestServer): Promise<string[]> {
  const response = await server.inject({ url: '/.well-known/jwks.json' });
  return (response.json() as { keys: Array<{ kid: string }> }).keys.map((key) => key.kid);
}

async function login(server: TestServer, email: string) {
  await server.start(email);
  const response = await server.token(email, await server.codeFromInbox(email), { audience: API });
  expect(response.statusCode).toBe(200);
  return response.json() as { id_token: string; access_token: string };
}

function advance(nodes: Node[], ms: number): void {
  for (const { server } of nodes) server.clock.now += ms;
}

/**
 * Runs a day and a bit of scheduled rotation over `nodes` (sharing one key set) with their
 * injected clocks: no key before the day is up; then exactly one new key, which every node
 * serves and signs with while the old key keeps verifying; the old key dropped only once every
 * token it signed has expired.
 */
async function expectScheduledRotation(nodes: Node[]): Promise<void> {
  const [first] = nodes;
  const [oldKid] = await kids(first!.server);
  for (const { server } of nodes) expect(await kids(server)).toEqual([oldKid]);

  advance(nodes, DAY_MS - 60_000);
  await sleep(A_FEW_RELOADS_MS);
  for (const { server } of nodes) expect(await kids(server)).toEqual([oldKid]);
  // Signed with the old key a minute before it is replaced: it must keep verifying after.
  const before = await login(first!.server, 'before@example.com');

  advance(nodes, 120_000);
  for (const { server } of nodes) {
    await vi.waitFor(async () => expect(await kids(server)).toHaveLength(2), { timeout: 10_000 });
  }
  await sleep(A_FEW_RELOADS_MS); // a second key from a racing node would show up by now
  const [, newKid] = await kids(first!.server);
  // Served everywhere, but not signing until it has been served for the publishing delay.
  for (const [i, { server }] of nodes.entries()) {
    expect(await kids(server)).toEqual([oldKid, newKid]);
    const meanwhile = await login(server, `meanwhile-${i}@example.com`);
    expect(decodeProtectedHeader(meanwhile.id_token).kid).toBe(oldKid);
  }
  advance(nodes, PUBLISH_DELAY_MS);
  await sleep(A_FEW_RELOADS_MS);
  for (const [i, { server }] of nodes.entries()) {
    const after = await login(server, `after-${i}@example.com`);
    expect(decodeProtectedHeader(after.id_token).kid).toBe(newKid);
    const jwks = createLocalJWKSet((await server.inject({ url: '/.well-known/jwks.json' })).json());
    const at = new Date(server.clock.now);
    await expect(jwtVerify(before.id_token, jwks, { currentDate: at })).resolves.toBeTruthy();
    const userinfo = await server.inject({
      url: '/userinfo',
      headers: { authorization: `Bearer ${before.access_token}` },
    });
    expect(userinfo.statusCode).toBe(200);
  }

  // The old key stays until it has been replaced for longer than the tokens live (counted from
  // when the new key was added, a publishing delay ago).
  advance(nodes, KEEP_RETIRED_MS - PUBLISH_DELAY_MS - 1_000);
  await sleep(A_FEW_RELOADS_MS);
  for (const { server } of nodes) expect(await kids(server)).toEqual([oldKid, newKid]);
  advance(nodes, 2_000);
  for (const { server } of nodes) {
    await vi.waitFor(async () => expect(await kids(server)).toEqual([newKid]), { timeout: 10_000 });
  }
  for (const { warnings } of nodes) expect(warnings).toEqual([]);
  // Of the nodes, one logged adding the key, and one (maybe another) dropping the old one.
  expect(nodes.flatMap((node) => node.rotations)).toEqual(
    expect.arrayContaining([{ added: newKid, dropped: [] }, { dropped: [oldKid] }]),
  );
  expect(nodes.flatMap((node) => node.rotations)).toHaveLength(2);
}

describe('scheduled key rotation (keys.rotate_every_days)', () => {
  it('is off by default: a year later the key set is unchanged', async () => {
    const node = await startTestServer(undefined, {
      dataDir: await makeDataDir(),
      deps: { keysReloadIntervalMs: TEST_KEYS_RELOAD_INTERVAL_MS },
    });
    const before = await kids(node);
    node.clock.now += 365 * DAY_MS;
    await sleep(A_FEW_RELOADS_MS);
    expect(await kids(node)).toEqual(before);
  });

  it('on SQLite: two servers on one data dir add one key a day and drop the old one once its tokens expired', async () => {
    const dataDir = await makeDataDir();
    const nodes = [await startNode({}, dataDir)];
    nodes.push(await startNode({}, dataDir));
    await expectScheduledRotation(nodes);
    // When each key was added is kept beside the keys.
    const file = JSON.parse(await fs.readFile(path.join(dataDir, 'keys.json'), 'utf8'));
    expect(Object.keys(file.created_at)).toEqual(file.keys.map((key: { kid: string }) => key.kid));
  }, 60_000);
});

describe('a key saved before creation times were kept', () => {
  it('counts as due: a server rotating on schedule replaces it at once, and drops it once its tokens expired', async () => {
    const dataDir = await makeDataDir();
    const file = path.join(dataDir, 'keys.json');
    const { server: first } = await startNode({ keys: {} }, dataDir);
    const [legacyKid] = await kids(first);
    await first.app.close();
    const { keys } = JSON.parse(await fs.readFile(file, 'utf8'));
    await fs.writeFile(file, JSON.stringify({ keys })); // as an older version wrote it

    const node = await startNode({}, dataDir);
    await vi.waitFor(async () => expect(await kids(node.server)).toHaveLength(2), {
      timeout: 10_000,
    });
    expect(node.warnings).toEqual([]);
    const [, newKid] = await kids(node.server);
    expect(await kids(node.server)).toEqual([legacyKid, newKid]);
    advance([node], KEEP_RETIRED_MS + 1_000);
    await vi.waitFor(async () => expect(await kids(node.server)).toEqual([newKid]), {
      timeout: 10_000,
    });
  });
});

describe('reloading the key set never creates a key', () => {
  it('on SQLite: an emptied or deleted keys.json keeps the loaded keys, says so, and stays as it is', async () => {
    const dataDir = await makeDataDir();
    const { server, warnings } = await startNode({ keys: {} }, dataDir);
    const before = await kids(server);
    const file = path.join(dataDir, 'keys.json');

    await fs.writeFile(file, '{ "keys": [] }');
    await vi.waitFor(() => expect(warnings).toContain(`${file}: no signing keys saved`), {
      timeout: 5_000,
    });
    expect(await kids(server)).toEqual(before);
    expect(await fs.readFile(file, 'utf8')).toBe('{ "keys": [] }');

    await fs.rm(file);
    warnings.length = 0;
    await vi.waitFor(() => expect(warnings).toContain(`${file}: no signing keys saved`), {
      timeout: 5_000,
    });
    await expect(fs.access(file)).rejects.toThrow();
    expect(await kids(server)).toEqual(before);
  });
});

describe('on PostgreSQL', () => {
  const cluster = usePostgresCluster();

  it('two nodes rotate on schedule to one new key, and drop the old one once its tokens expired', async () => {
    const url = await cluster.freshSchemaUrl();
    const nodes = [await startNode({ database: url })];
    nodes.push(
      await startNode({ database: url }, await dataDirSharingSecretWith(nodes[0]!.server)),
    );
    await expectScheduledRotation(nodes);
  }, 60_000);

  it('a key saved before creation times were kept (NULL created_at) is replaced at once', async () => {
    const url = await cluster.freshSchemaUrl();
    const { server: first } = await startNode({ database: url, keys: {} });
    const [legacyKid] = await kids(first);
    await first.app.close();
    const client = new pg.Client(url);
    await client.connect();
    try {
      await client.query('UPDATE signing_keys SET created_at = NULL');
    } finally {
      await client.end();
    }
    const node = await startNode({ database: url }, await dataDirSharingSecretWith(first));
    await vi.waitFor(async () => expect(await kids(node.server)).toHaveLength(2), {
      timeout: 10_000,
    });
    expect((await kids(node.server))[0]).toBe(legacyKid);
  }, 30_000);

  it('an emptied signing_keys table keeps the loaded keys, says so, and stays empty', async () => {
    const url = await cluster.freshSchemaUrl();
    const { server, warnings } = await startNode({ database: url, keys: {} });
    const before = await kids(server);
    const client = new pg.Client(url);
    await client.connect();
    try {
      await client.query('DELETE FROM signing_keys');
      await vi.waitFor(
        () => expect(warnings).toContain('signing keys in the database: no signing keys saved'),
        { timeout: 5_000 },
      );
      expect(await kids(server)).toEqual(before);
      const { rows } = await client.query('SELECT count(*)::int AS count FROM signing_keys');
      expect(rows).toEqual([{ count: 0 }]);
    } finally {
      await client.end();
    }
  }, 30_000);
});
