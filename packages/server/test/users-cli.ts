import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { Store } from '../src/store.js';
import { CLI_ARGS, REPO_ROOT } from './helpers.js';

/** Runs `passwordless-lock-server users …` to its end, with none of the server's env set. */
export async function runUsersCli(args: string[], env: Record<string, string> = {}) {
  const cleanEnv = { ...process.env };
  for (const name of ['PL_CONFIG', 'PL_DATA_DIR', 'DATABASE_URL']) delete cleanEnv[name];
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [...CLI_ARGS, 'users', ...args],
      { cwd: REPO_ROOT, env: { ...cleanEnv, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Runs the CLI, expecting exit 1 and one line on stderr matching `pattern`. */
export async function expectUsersCliFailure(
  args: string[],
  pattern: RegExp,
  env?: Record<string, string>,
): Promise<void> {
  const { code, stdout, stderr } = await runUsersCli(args, env);
  expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
  expect(stderr).toMatch(/^passwordless-lock-server: [^\n]+\n$/);
  expect(stderr).toMatch(pattern);
}

/** JSON lines, parsed. */
export function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export const ALICE = { email: 'alice@example.com', sub: `email|${'a'.repeat(24)}` };
export const BOB = { email: 'bob@example.com', sub: `email|${'b'.repeat(24)}` };
/** 2030-01-01T00:00:00Z, the time every seeded record is created at. */
export const SEEDED_AT = Date.parse('2030-01-01T00:00:00Z');

/**
 * Two users; Alice holds a pending code, an access token and a refresh token, whose hashes must
 * never print.
 */
export async function seedUsers(store: Store): Promise<void> {
  await store.upsertUserOnLogin(ALICE.email, ALICE.sub, SEEDED_AT);
  await store.upsertUserOnLogin(BOB.email, BOB.sub, SEEDED_AT + 60_000);
  await store.saveCode({
    id: 'code-1',
    clientId: 'demo',
    email: ALICE.email,
    codeHash: Buffer.alloc(32, 0xab),
    salt: Buffer.alloc(16, 0xcd),
    createdAt: SEEDED_AT,
    expiresAt: SEEDED_AT + 180_000,
    attempts: 0,
    maxAttempts: 3,
  });
  await store.saveAccessToken({
    tokenHash: 'ef'.repeat(32),
    sub: ALICE.sub,
    clientId: 'demo',
    scope: 'openid email',
    expiresAt: SEEDED_AT + 86_400_000,
  });
  await store.saveRefreshToken({
    tokenHash: 'fe'.repeat(32),
    familyId: 'family-a',
    sub: ALICE.sub,
    clientId: 'demo',
    scope: 'openid offline_access',
    authTime: SEEDED_AT,
    familyExpiresAt: SEEDED_AT + 30 * 86_400_000,
    issuedAt: SEEDED_AT,
    expiresAt: SEEDED_AT + 15 * 86_400_000,
  });
}

/** What `users export --email alice@example.com` prints about the seeded Alice. */
export const ALICE_EXPORT = {
  user: {
    sub: ALICE.sub,
    email: ALICE.email,
    created_at: '2030-01-01T00:00:00Z',
    updated_at: '2030-01-01T00:00:00Z',
    blocked: false,
  },
  pending_codes: [
    {
      client_id: 'demo',
      send: 'code',
      created_at: '2030-01-01T00:00:00Z',
      expires_at: '2030-01-01T00:03:00Z',
      attempts: 0,
      max_attempts: 3,
    },
  ],
  login_tickets: [],
  authorization_codes: [],
  access_tokens: [{ client_id: 'demo', scope: 'openid email', expires_at: '2030-01-02T00:00:00Z' }],
  refresh_tokens: [
    {
      client_id: 'demo',
      scope: 'openid offline_access',
      auth_at: '2030-01-01T00:00:00Z',
      issued_at: '2030-01-01T00:00:00Z',
      expires_at: '2030-01-16T00:00:00Z',
      family_expires_at: '2030-01-31T00:00:00Z',
    },
  ],
  queued_mail: [],
};
