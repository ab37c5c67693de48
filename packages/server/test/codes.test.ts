import { describe, expect, it } from 'vitest';
import { codeMatches, generateCode, hashCode } from '../src/codes.js';
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
      expect(pending?.codeHash.equals(hashCode(code, pending.salt))).toBe(true);
      expect(pending?.codeHash.toString('utf8')).not.toContain(code);
    } finally {
      await store.close();
    }
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
    const salt = Buffer.alloc(16, 7);
    expect(codeMatches('123456', salt, hashCode('123456', salt))).toBe(true);
    expect(codeMatches('123457', salt, hashCode('123456', salt))).toBe(false);
    expect(codeMatches('123456', Buffer.alloc(16, 8), hashCode('123456', salt))).toBe(false);
  });
});
