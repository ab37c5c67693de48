import { createHmac } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { codeMatches, generateCode, hashCode } from '../src/codes.js';
import { loadServerSecret } from '../src/server-secret.js';
import { startTestServer, wrongCode } from './helpers.js';

const WRONG = { error: 'invalid_grant', error_description: 'Wrong email or verification code.' };

describe('verification codes', () => {
  it('refuses a wrong code with 403, then accepts the right one', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    const code = await server.codeFromInbox('a@example.com');

    const wrong = await server.token('a@example.com', wrongCode(code));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toEqual(WRONG);

    expect((await server.token('a@example.com', code)).statusCode).toBe(200);
  });

  it('kills the code after 3 wrong tries', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    const code = await server.codeFromInbox('a@example.com');
    for (let i = 0; i < 3; i++) {
      expect((await server.token('a@example.com', wrongCode(code))).statusCode).toBe(403);
    }
    const right = await server.token('a@example.com', code);
    expect(right.statusCode).toBe(403);
    expect(right.json()).toEqual(WRONG);
  });

  it('accepts a code only once', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    const code = await server.codeFromInbox('a@example.com');
    expect((await server.token('a@example.com', code)).statusCode).toBe(200);
    const again = await server.token('a@example.com', code);
    expect(again.statusCode).toBe(403);
    expect(again.json()).toEqual(WRONG);
  });

  it('refuses a code once its lifetime has passed', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    const code = await server.codeFromInbox('a@example.com');
    server.clock.now += 180_000;
    const late = await server.token('a@example.com', code);
    expect(late.statusCode).toBe(403);
    expect(late.json()).toEqual(WRONG);
  });

  it('accepts a code just before it expires', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    const code = await server.codeFromInbox('a@example.com');
    server.clock.now += 179_000;
    expect((await server.token('a@example.com', code)).statusCode).toBe(200);
  });

  it('only the newest code for an email is valid', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    const first = await server.codeFromInbox('a@example.com');
    server.clock.now += 30_000;
    expect((await server.start('a@example.com')).statusCode).toBe(200);
    const second = await server.codeFromInbox('a@example.com');
    if (first !== second) {
      expect((await server.token('a@example.com', first)).statusCode).toBe(403);
    }
    expect((await server.token('a@example.com', second)).statusCode).toBe(200);
  });

  it('binds a code to its email', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    await server.start('b@example.com');
    const codeForA = await server.codeFromInbox('a@example.com');
    expect((await server.token('b@example.com', codeForA)).statusCode).toBe(403);
  });

  it('stores codes only as a salted hash', async () => {
    const server = await startTestServer();
    const started = (await server.start('a@example.com')).json();
    const code = await server.codeFromInbox('a@example.com');
    const { SqliteStore } = await import('../src/sqlite-store.js');
    const store = new SqliteStore(server.dataDir);
    try {
      const pending = await store.findCode('demo', 'a@example.com');
      expect(pending?.id).toBe(started._id);
      const { codeKey } = (await loadServerSecret(server.dataDir)).secret;
      expect(pending?.codeHash.equals(hashCode(codeKey, pending.salt, code))).toBe(true);
      expect(pending?.codeHash.toString('utf8')).not.toContain(code);
    } finally {
      await store.close();
    }
  });
});

describe('codes at rest', () => {
  it('cannot be recovered from the database files: the HMAC key is a secret kept outside them', async () => {
    const server = await startTestServer();
    await server.start('a@example.com');
    const code = await server.codeFromInbox('a@example.com');

    const databaseFile = path.join(server.dataDir, 'passwordless.sqlite');
    const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    const row = db
      .prepare('SELECT code_hash AS hash, salt FROM pending_codes WHERE email = ?')
      .get('a@example.com') as { hash: Buffer; salt: Buffer };
    db.close();
    // Keyed with the salt stored beside it, anyone holding the file could try all 10^6 codes.
    const keyedWithSalt = createHmac('sha256', row.salt).update(code, 'utf8').digest();
    expect(row.hash).toHaveLength(32);
    expect(row.hash.equals(keyedWithSalt)).toBe(false);

    const secretText = (
      await fs.readFile(path.join(server.dataDir, 'server-secret'), 'utf8')
    ).trim();
    const secret = Buffer.from(secretText, 'base64url');
    expect(secret).toHaveLength(32);
    const files = await Promise.all(
      [databaseFile, `${databaseFile}-wal`].map((file) => fs.readFile(file)),
    );
    expect(files[1]!.length).toBeGreaterThan(0);
    for (const bytes of files) {
      expect(bytes.includes(secret)).toBe(false);
      expect(bytes.includes(secretText)).toBe(false);
    }

    expect((await server.token('a@example.com', code)).statusCode).toBe(200);
  });
});

describe('no user enumeration', () => {
  it('answers start and a wrong code the same for a known and an unknown email', async () => {
    const server = await startTestServer();
    await server.start('known@example.com');
    await server.token('known@example.com', await server.codeFromInbox('known@example.com'));
    server.clock.now += 60_000;

    const answers = [];
    for (const email of ['known@example.com', 'unknown@example.com']) {
      const start = await server.start(email);
      const wrong = await server.token(email, '000000');
      const noCode = await server.token(email.replace('@', '+none@'), '000000');
      answers.push({
        start: [start.statusCode, Object.keys(start.json()).sort(), start.json().email === email],
        wrong: [wrong.statusCode, wrong.json()],
        noCode: [noCode.statusCode, noCode.json()],
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.wrong).toEqual([403, WRONG]);
  });
});

describe('the default random source', () => {
  it('is the CSPRNG: codes of two fresh servers are independent', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const server = await startTestServer();
      await server.start('rng@example.com');
      codes.add(await server.codeFromInbox('rng@example.com'));
    }
    // A fixed or clock-seeded generator would repeat under the same injected clock.
    expect(codes.size).toBe(2);
  });
});

describe('generateCode', () => {
  it('maps random bytes to zero-padded digits', () => {
    const bytes = Buffer.from([0, 0, 0, 0, 0, 42]);
    expect(generateCode(() => bytes, 6)).toBe('000042');
  });

  it('draws again instead of using values that would bias the digits', () => {
    // 2^48 − 1 lies above the last multiple of 10^6, so it must be rejected.
    const draws = [Buffer.alloc(6, 0xff), Buffer.from([0, 0, 0, 0x0f, 0x42, 0x3f])];
    expect(generateCode(() => draws.shift()!, 6)).toBe('999999');
    expect(draws).toHaveLength(0);
  });

  it('compares hashes of the candidate, not the code itself', () => {
    const key = Buffer.alloc(32, 1);
    const salt = Buffer.alloc(16, 7);
    const stored = hashCode(key, salt, '123456');
    expect(codeMatches(key, salt, stored, '123456')).toBe(true);
    expect(codeMatches(key, salt, stored, '123457')).toBe(false);
    expect(codeMatches(key, Buffer.alloc(16, 8), stored, '123456')).toBe(false);
    // Without the server's key, the salt and the hash are not enough to check a guess.
    expect(codeMatches(Buffer.alloc(32, 2), salt, stored, '123456')).toBe(false);
  });

  it('gives equal codes different hashes under different salts', () => {
    const key = Buffer.alloc(32, 1);
    const first = hashCode(key, Buffer.alloc(16, 7), '123456');
    expect(first.equals(hashCode(key, Buffer.alloc(16, 8), '123456'))).toBe(false);
  });
});
