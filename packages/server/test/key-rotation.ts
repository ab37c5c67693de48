import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { expect, vi } from 'vitest';
import { CLI_ARGS, REPO_ROOT, START_TIME, startTestServer, type TestServer } from './helpers.js';

/** Short enough that tests wait a moment for a reload, never `KEYS_RELOAD_INTERVAL_MS`. */
export const TEST_KEYS_RELOAD_INTERVAL_MS = 50;

/** An API, so access tokens are JWTs that /userinfo verifies against the key set. */
const API = 'https://rotation.example.com/';

/** A test server with an API and a short key reload interval; `config` adds to its config file. */
export function startRotatingServer(
  config: Record<string, unknown> = {},
  options: { dataDir?: string } = {},
): Promise<TestServer> {
  return startTestServer(
    { apis: [{ identifier: API }], ...config },
    { ...options, deps: { keysReloadIntervalMs: TEST_KEYS_RELOAD_INTERVAL_MS } },
  );
}

/** `passwordless-lock-server --rotate-keys …args` run to its end with only `env` set. */
export async function runRotateKeysCli(args: string[], env: Record<string, string> = {}) {
  const cleanEnv = { ...process.env };
  for (const name of ['PL_CONFIG', 'PL_DATA_DIR', 'DATABASE_URL']) delete cleanEnv[name];
  return promisify(execFile)(process.execPath, [...CLI_ARGS, '--rotate-keys', ...args], {
    cwd: REPO_ROOT,
    env: { ...cleanEnv, ...env },
  });
}

async function login(server: TestServer, email: string) {
  await server.start(email);
  const response = await server.token(email, await server.codeFromInbox(email), { audience: API });
  expect(response.statusCode).toBe(200);
  return response.json() as { id_token: string; access_token: string };
}

async function jwks(server: TestServer) {
  return (await server.inject({ url: '/.well-known/jwks.json' })).json() as {
    keys: Array<{ kid: string }>;
  };
}

/**
 * `rotate` adds a key while `servers` run. Within a reload interval every one of them serves
 * both keys in the same JWKS and signs new tokens with the new key, while tokens signed before
 * keep verifying, against the JWKS and at /userinfo.
 */
export async function expectRotationPickedUpLive(
  servers: TestServer[],
  rotate: () => Promise<void>,
): Promise<void> {
  const [first] = servers;
  const before = await login(first!, 'before-rotation@example.com');
  const [oldKey] = (await jwks(first!)).keys;
  expect(decodeProtectedHeader(before.id_token).kid).toBe(oldKey!.kid);

  await rotate();
  for (const server of servers) {
    await vi.waitFor(async () => expect((await jwks(server)).keys).toHaveLength(2), {
      timeout: 5_000,
      interval: TEST_KEYS_RELOAD_INTERVAL_MS,
    });
  }
  const served = await jwks(first!);
  expect(served.keys[0]!.kid).toBe(oldKey!.kid);
  for (const server of servers) expect(await jwks(server)).toEqual(served);

  const verifier = createLocalJWKSet(served);
  for (const [i, server] of servers.entries()) {
    const after = await login(server, `after-rotation-${i}@example.com`);
    expect(decodeProtectedHeader(after.id_token).kid).toBe(served.keys[1]!.kid);
    expect(decodeProtectedHeader(after.access_token).kid).toBe(served.keys[1]!.kid);
    for (const token of [before.id_token, after.id_token]) {
      await expect(
        jwtVerify(token, verifier, { currentDate: new Date(START_TIME) }),
      ).resolves.toBeTruthy();
    }
    for (const token of [before.access_token, after.access_token]) {
      const userinfo = await server.inject({
        url: '/userinfo',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(userinfo.statusCode).toBe(200);
    }
  }
}
