import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  buildApp,
  ConfigError,
  DataDirError,
  resolveConfig,
  ServerSecretMismatchError,
} from '../src/app.js';
import { loadOrCreateKeys, rotateKeys } from '../src/keys.js';
import { loadServerSecret } from '../src/server-secret.js';
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
    const loaded = await Promise.all(Array.from({ length: 8 }, () => loadServerSecret(dataDir)));
    for (const { secret } of loaded) expect(secret).toEqual(loaded[0]!.secret);
    expect(loaded.filter((one) => one.created)).toHaveLength(1);
    expect(fs.readdirSync(dataDir)).toEqual(['server-secret']);
    expect((await loadServerSecret(dataDir)).created).toBe(false);
  });

  it('derives different keys for codes and for mail, and a fingerprint that gives neither away', async () => {
    const dataDir = await makeDataDir();
    const { secret } = await loadServerSecret(dataDir);
    expect(secret.codeKey).toHaveLength(32);
    expect(secret.mailKey).toHaveLength(32);
    expect(secret.codeKey.equals(secret.mailKey)).toBe(false);
    const raw = fs.readFileSync(path.join(dataDir, 'server-secret'), 'utf8').trim();
    const fingerprint = Buffer.from(secret.fingerprint, 'base64url');
    expect(fingerprint).toHaveLength(32);
    for (const key of [Buffer.from(raw, 'base64url'), secret.codeKey, secret.mailKey]) {
      expect(fingerprint.equals(key)).toBe(false);
    }
    // One secret, one fingerprint; another secret, another.
    expect((await loadServerSecret(dataDir)).secret.fingerprint).toBe(secret.fingerprint);
    const other = await loadServerSecret(await makeDataDir());
    expect(other.secret.fingerprint).not.toBe(secret.fingerprint);
  });

  it('survives --rotate-keys', async () => {
    const dataDir = await makeDataDir();
    const before = await loadServerSecret(dataDir);
    await rotateKeys(dataDir);
    expect((await loadServerSecret(dataDir)).secret).toEqual(before.secret);
  });

  it('stops the start when it is corrupt or short', async () => {
    const dataDir = await makeDataDir();
    const file = path.join(dataDir, 'server-secret');
    for (const text of ['', 'not a secret\n', `${Buffer.alloc(16, 1).toString('base64url')}\n`]) {
      fs.writeFileSync(file, text);
      await expect(loadServerSecret(dataDir)).rejects.toThrow(`${file} is not a server secret`);
    }
  });
});

describe('PL_SERVER_SECRET', () => {
  const secretText = () => randomBytes(32).toString('base64url');
  const configWith = (dataDir: string, serverSecret: string) =>
    resolveConfig(undefined, { dev: true, port: 3000, dataDir, serverSecret });

  it("is the secret instead of the data dir's file, which is then neither read nor made", async () => {
    const text = secretText();
    const dataDir = await makeDataDir();
    const fromFile = await makeDataDir();
    fs.writeFileSync(path.join(fromFile, 'server-secret'), `${text}\n`);
    const config = configWith(dataDir, text);
    expect(config.serverSecret?.toString('base64url')).toBe(text);
    const loaded = await loadServerSecret(dataDir, config.serverSecret);
    expect(loaded).toEqual({
      secret: (await loadServerSecret(fromFile)).secret,
      source: 'PL_SERVER_SECRET',
      created: false,
    });
    expect(fs.readdirSync(dataDir)).toEqual([]);

    // A server started with it makes no server-secret file either.
    const app = await buildApp(config);
    await app.close();
    expect(fs.readdirSync(dataDir)).not.toContain('server-secret');
  });

  it('is refused, naming the variable but never its value, unless it is 32 bytes of base64url', async () => {
    const dataDir = await makeDataDir();
    const good = secretText();
    const bad = [
      'not a secret',
      Buffer.alloc(16, 7).toString('base64url'),
      `${good}A`,
      good.replace(/.$/, '='),
    ];
    for (const text of bad) {
      let problems: readonly string[] = [];
      try {
        configWith(dataDir, text);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        problems = (error as ConfigError).problems;
      }
      expect(problems, text).toEqual([
        "PL_SERVER_SECRET: is not a server secret (32 bytes, base64url), such as the content of another node's server-secret",
      ]);
    }
    // Surrounding whitespace (a copied file's newline) is no part of it.
    expect(configWith(dataDir, ` ${good}\n`).serverSecret?.toString('base64url')).toBe(good);
  });
});

describe('the server secret check (SQLite)', () => {
  const config = (dataDir: string, serverSecret?: string) =>
    resolveConfig(undefined, {
      dev: true,
      port: 3000,
      dataDir,
      ...(serverSecret === undefined ? {} : { serverSecret }),
    });
  const recorded = (dataDir: string) => {
    const db = new Database(path.join(dataDir, 'passwordless.sqlite'), { readonly: true });
    try {
      return db
        .prepare("SELECT value FROM settings WHERE name = 'server_secret_fingerprint'")
        .pluck()
        .get();
    } finally {
      db.close();
    }
  };
  const fingerprintIn = async (dataDir: string) =>
    (await loadServerSecret(dataDir)).secret.fingerprint;

  it('records the fingerprint at the first start and starts again with the same secret', async () => {
    const dataDir = await makeDataDir();
    await (await buildApp(config(dataDir))).close();
    expect(recorded(dataDir)).toBe(await fingerprintIn(dataDir));
    await (await buildApp(config(dataDir))).close();
  });

  it('refuses to start with another secret in the file, or in PL_SERVER_SECRET', async () => {
    const dataDir = await makeDataDir();
    await (await buildApp(config(dataDir))).close();
    const before = recorded(dataDir);

    const file = path.join(dataDir, 'server-secret');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`);
    const withFile = buildApp(config(dataDir));
    await expect(withFile).rejects.toBeInstanceOf(ServerSecretMismatchError);
    await expect(withFile).rejects.toThrow(
      `this node's server secret (${file}) differs from the one the database was used with: copy server-secret from another node's data dir, or set PL_SERVER_SECRET to that secret`,
    );
    fs.writeFileSync(file, original);

    const withVariable = buildApp(config(dataDir, randomBytes(32).toString('base64url')));
    await expect(withVariable).rejects.toThrow(/server secret \(PL_SERVER_SECRET\) differs/);
    expect(recorded(dataDir)).toBe(before);
    // The right secret, in the variable this time, is accepted.
    await (await buildApp(config(dataDir, original))).close();
  });

  it('takes a new secret when server-secret was deleted, the documented way to make one', async () => {
    const dataDir = await makeDataDir();
    await (await buildApp(config(dataDir))).close();
    const before = recorded(dataDir);
    fs.rmSync(path.join(dataDir, 'server-secret'));

    await (await buildApp(config(dataDir))).close();
    expect(recorded(dataDir)).not.toBe(before);
    expect(recorded(dataDir)).toBe(await fingerprintIn(dataDir));
    await (await buildApp(config(dataDir))).close();
  });
});
