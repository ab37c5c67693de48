import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp, DataDirError, resolveConfig } from '../src/app.js';
import { loadOrCreateKeys, rotateKeys } from '../src/keys.js';
import { loadOrCreateServerSecret } from '../src/server-secret.js';
import { SqliteStore } from '../src/sqlite-store.js';
import { makeDataDir, startTestServer } from './helpers.js';

const DATABASE_FILES = [
  'passwordless.sqlite',
  'passwordless.sqlite-wal',
  'passwordless.sqlite-shm',
];
const PRIVATE_FILES = [...DATABASE_FILES, 'keys.json', 'server-secret'];

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the data dir', () => {
  it('is created 0700, and every file the server writes in it 0600', async () => {
    const dataDir = path.join(await makeDataDir(), 'new');
    const server = await startTestServer(undefined, { dataDir });
    await server.start('a@example.com');
    expect(
      (await server.token('a@example.com', await server.codeFromInbox('a@example.com'))).statusCode,
    ).toBe(200);

    expect(modeOf(dataDir)).toBe(0o700);
    for (const name of PRIVATE_FILES) expect(modeOf(path.join(dataDir, name)), name).toBe(0o600);
  });

  it('is made 0700 with its files 0600 when an older version left them 0755 and 0644', async () => {
    const dataDir = await makeDataDir();
    await loadOrCreateKeys(dataDir);
    // Still open, as a server killed mid-write leaves it: the WAL and shared-memory files exist.
    const leftOver = new SqliteStore(dataDir);
    try {
      fs.chmodSync(dataDir, 0o755);
      for (const name of [...DATABASE_FILES, 'keys.json']) {
        fs.chmodSync(path.join(dataDir, name), 0o644);
      }

      await startTestServer(undefined, { dataDir });
      expect(modeOf(dataDir)).toBe(0o700);
      for (const name of PRIVATE_FILES) expect(modeOf(path.join(dataDir, name)), name).toBe(0o600);
    } finally {
      await leftOver.close();
    }
  });

  it('refuses to start, naming the path, when a file open to others cannot be made private', async () => {
    const dataDir = await makeDataDir();
    await loadOrCreateKeys(dataDir);
    const keysFile = path.join(dataDir, 'keys.json');
    fs.chmodSync(keysFile, 0o644);
    // What chmod answers a server that does not own the file.
    vi.spyOn(fs, 'chmodSync').mockImplementation(() => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    });

    const config = resolveConfig(undefined, { dev: true, port: 3000, dataDir });
    const start = buildApp(config);
    await expect(start).rejects.toBeInstanceOf(DataDirError);
    await expect(start).rejects.toThrow(`${keysFile} is open to other users (mode 0644)`);
    expect(modeOf(keysFile)).toBe(0o644);
  });
});

describe('the server secret', () => {
  it('is one secret for servers that start together on one data dir', async () => {
    const dataDir = await makeDataDir();
    const loaded = await Promise.all(
      Array.from({ length: 8 }, () => loadOrCreateServerSecret(dataDir)),
    );
    for (const secret of loaded) expect(secret).toEqual(loaded[0]);
    expect(fs.readdirSync(dataDir)).toEqual(['server-secret']);
  });

  it('derives different keys for codes and for mail', async () => {
    const secret = await loadOrCreateServerSecret(await makeDataDir());
    expect(secret.codeKey).toHaveLength(32);
    expect(secret.mailKey).toHaveLength(32);
    expect(secret.codeKey.equals(secret.mailKey)).toBe(false);
  });

  it('survives --rotate-keys', async () => {
    const dataDir = await makeDataDir();
    const before = await loadOrCreateServerSecret(dataDir);
    await rotateKeys(dataDir);
    expect(await loadOrCreateServerSecret(dataDir)).toEqual(before);
  });

  it('stops the start when it is corrupt or short', async () => {
    const dataDir = await makeDataDir();
    const file = path.join(dataDir, 'server-secret');
    for (const text of ['', 'not a secret\n', `${Buffer.alloc(16, 1).toString('base64url')}\n`]) {
      fs.writeFileSync(file, text);
      await expect(loadOrCreateServerSecret(dataDir)).rejects.toThrow(
        `${file} is not a server secret`,
      );
    }
  });
});
