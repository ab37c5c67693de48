import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/sqlite-store.js';
import { CLI_ARGS, makeDataDir, REPO_ROOT } from './helpers.js';
import {
  ALICE,
  ALICE_EXPORT,
  BOB,
  expectUsersCliFailure,
  jsonLines,
  runUsersCli,
  seedUsers,
} from './users-cli.js';

// Each run starts Node with tsx: seconds on a busy machine.
const SLOW = { timeout: 180_000 };

/** A data dir whose SQLite file holds the seeded users. */
async function seededDataDir(): Promise<string> {
  const dataDir = await makeDataDir();
  const store = new SqliteStore(dataDir);
  await seedUsers(store);
  await store.close();
  return dataDir;
}

async function storeIn(dataDir: string, look: (store: SqliteStore) => Promise<void>) {
  const store = new SqliteStore(dataDir);
  try {
    await look(store);
  } finally {
    await store.close();
  }
}

describe('users list', SLOW, () => {
  it('prints a table for people and JSON lines for scripts, in email order', async () => {
    const dataDir = await seededDataDir();
    const table = await runUsersCli(['list', '--data', dataDir]);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^SUB +CREATED +UPDATED +BLOCKED +EMAIL$/),
      `${ALICE.sub}  2030-01-01T00:00:00Z  2030-01-01T00:00:00Z  no       ${ALICE.email}`,
      `${BOB.sub}  2030-01-01T00:01:00Z  2030-01-01T00:01:00Z  no       ${BOB.email}`,
    ]);
    const json = await runUsersCli(['list', '--json', '--data', dataDir]);
    expect(jsonLines(json.stdout)).toEqual([
      ALICE_EXPORT.user,
      {
        sub: BOB.sub,
        email: BOB.email,
        created_at: '2030-01-01T00:01:00Z',
        updated_at: '2030-01-01T00:01:00Z',
        blocked: false,
      },
    ]);
  });

  it('lists every user of a table bigger than a page, each once', async () => {
    const dataDir = await makeDataDir();
    await new SqliteStore(dataDir).close();
    const db = new Database(path.join(dataDir, 'passwordless.sqlite'));
    const insert = db.prepare(
      'INSERT INTO users (sub, email, created_at, updated_at) VALUES (?, ?, 0, 0)',
    );
    const count = 1_234;
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        insert.run(`email|${i.toString(16).padStart(24, '0')}`, `u${i}@example.com`);
      }
    })();
    db.close();
    const { code, stdout } = await runUsersCli(['list', '--json'], { PL_DATA_DIR: dataDir });
    expect(code).toBe(0);
    const emails = jsonLines(stdout).map((user) => user.email as string);
    expect(emails).toHaveLength(count);
    expect(new Set(emails).size).toBe(count);
    expect(emails).toEqual([...emails].sort());
  });
});

describe('users show', SLOW, () => {
  it('shows one user by email (in any case) or by sub, as lines or JSON', async () => {
    const dataDir = await seededDataDir();
    const byEmail = await runUsersCli(['show', '--email', 'Alice@Example.COM', '--data', dataDir]);
    expect(byEmail).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `sub:        ${ALICE.sub}`,
        `email:      ${ALICE.email}`,
        'created_at: 2030-01-01T00:00:00Z',
        'updated_at: 2030-01-01T00:00:00Z',
        'blocked:    no',
        '',
      ].join('\n'),
    });
    const bySub = await runUsersCli(['show', '--sub', ALICE.sub, '--json', '--data', dataDir]);
    expect(jsonLines(bySub.stdout)).toEqual([ALICE_EXPORT.user]);
  });

  it('exits 1 with one line for a user that does not exist', async () => {
    const dataDir = await seededDataDir();
    await expectUsersCliFailure(
      ['show', '--email', 'carol@example.com', '--data', dataDir],
      /no user with email carol@example\.com$/m,
    );
    await expectUsersCliFailure(
      ['show', '--sub', `email|${'c'.repeat(24)}`, '--data', dataDir],
      /no user with sub email\|c{24}$/m,
    );
  });
});

describe('users block and unblock', SLOW, () => {
  it('blocks a user, revoking its code and token, and unblocks it', async () => {
    const dataDir = await seededDataDir();
    const block = await runUsersCli(['block', '--email', ALICE.email, '--data', dataDir]);
    expect(block).toMatchObject({ code: 0, stderr: '' });
    expect(block.stdout).toBe(
      `blocked ${ALICE.email} (${ALICE.sub}); its codes, tickets and tokens are revoked\n`,
    );
    await storeIn(dataDir, async (store) => {
      expect(await store.findUser(ALICE.sub)).toMatchObject({ blocked: true });
      expect(await store.findCode('demo', ALICE.email)).toBeUndefined();
      expect(await store.findAccessToken('ef'.repeat(32))).toBeUndefined();
      expect(await store.findUser(BOB.sub)).toMatchObject({ blocked: false });
    });
    const shown = await runUsersCli(['show', '--email', ALICE.email, '--json', '--data', dataDir]);
    expect(jsonLines(shown.stdout)[0]).toMatchObject({ blocked: true });

    const unblock = await runUsersCli(['unblock', '--email', ALICE.email, '--data', dataDir]);
    expect(unblock).toEqual({
      code: 0,
      stderr: '',
      stdout: `unblocked ${ALICE.email} (${ALICE.sub})\n`,
    });
    await storeIn(dataDir, async (store) => {
      expect(await store.findUser(ALICE.sub)).toMatchObject({ blocked: false });
    });
  });

  it('blocks an email that has no user by creating it blocked', async () => {
    const dataDir = await seededDataDir();
    const { code, stdout } = await runUsersCli(['block', '--email', 'carol@example.com'], {
      PL_DATA_DIR: dataDir,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^blocked carol@example\.com \(email\|[0-9a-f]{24}\).*created blocked\n$/,
    );
    await storeIn(dataDir, async (store) => {
      expect(await store.findUserByEmail('carol@example.com')).toMatchObject({ blocked: true });
    });
  });

  it('exits 1 with one line to unblock a user that does not exist', async () => {
    const dataDir = await seededDataDir();
    await expectUsersCliFailure(
      ['unblock', '--email', 'carol@example.com', '--data', dataDir],
      /no user with email carol@example\.com$/m,
    );
  });
});

describe('users delete', SLOW, () => {
  it('deletes the user with its code and tokens, and then has no such user', async () => {
    const dataDir = await seededDataDir();
    const deleted = await runUsersCli(['delete', '--email', ALICE.email, '--data', dataDir]);
    expect(deleted).toEqual({
      code: 0,
      stderr: '',
      stdout: `deleted ${ALICE.email} (${ALICE.sub}) and 3 records about it\n`,
    });
    await storeIn(dataDir, async (store) => {
      expect(await store.findUser(ALICE.sub)).toBeUndefined();
      expect(await store.findCode('demo', ALICE.email)).toBeUndefined();
      expect(await store.findAccessToken('ef'.repeat(32))).toBeUndefined();
      expect(await store.findRefreshToken('fe'.repeat(32))).toBeUndefined();
      expect(await store.findUser(BOB.sub)).toBeDefined();
    });
    await expectUsersCliFailure(
      ['delete', '--email', ALICE.email, '--data', dataDir],
      /no user with email alice@example\.com$/m,
    );
  });
});

describe('users export', SLOW, () => {
  it('prints what is stored about one user, or every user, as JSON lines without a hash', async () => {
    const dataDir = await seededDataDir();
    const one = await runUsersCli(['export', '--email', ALICE.email, '--data', dataDir]);
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(jsonLines(one.stdout)).toEqual([ALICE_EXPORT]);
    expect(one.stdout).not.toMatch(/abab|cdcd|efef/);

    const all = await runUsersCli(['export', '--data', dataDir]);
    expect(jsonLines(all.stdout).map((line) => (line.user as { email: string }).email)).toEqual([
      ALICE.email,
      BOB.email,
    ]);
  });
});

describe('users CLI errors', SLOW, () => {
  it('exits 1 with one line for an unknown or missing subcommand and misplaced flags', async () => {
    const dataDir = await seededDataDir();
    const cases: Array<[string[], RegExp]> = [
      [['frobnicate'], /users: unknown subcommand "frobnicate" \(one of list, show, block/],
      [[], /users: name a subcommand: list, show, block, unblock, delete, export/],
      [['show'], /users show: --email E \(or --sub SUB\) is required/],
      [['block'], /users block: --email E \(or --sub SUB\) is required/],
      [['unblock'], /users unblock: --email E \(or --sub SUB\) is required/],
      [['delete'], /users delete: --email E \(or --sub SUB\) is required/],
      [['block', '--email', 'not-an-email'], /users block: "not-an-email" is not an email address/],
      [['show', '--email', ALICE.email, '--sub', ALICE.sub], /give --email or --sub, not both/],
      [['list', '--email', ALICE.email], /users list: takes no --email or --sub/],
      [['block', '--email', ALICE.email, '--json'], /--json is for list and show/],
      [['list', '--colour'], /users: Unknown option '--colour'/],
      [['list', 'extra'], /users: unexpected argument "extra"/],
    ];
    await Promise.all(
      cases.map(([args, pattern]) => expectUsersCliFailure([...args, '--data', dataDir], pattern)),
    );
  });

  it('exits 1 with one line for a data dir without a database, creating nothing', async () => {
    const dataDir = await makeDataDir();
    await expectUsersCliFailure(['list', '--data', dataDir], /users: no database in /);
    expect(await fs.readdir(dataDir)).toEqual([]);
  });

  it('prints its usage with --help, and the server usage names it', async () => {
    const usage = /passwordless-lock-server users list\|show\|block\|unblock\|delete\|export/;
    const [help, serverHelp] = await Promise.all([
      runUsersCli(['--help']),
      promisify(execFile)(process.execPath, [...CLI_ARGS, '--help'], { cwd: REPO_ROOT }),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(usage);
    expect(serverHelp.stdout).toMatch(usage);
  });
});
