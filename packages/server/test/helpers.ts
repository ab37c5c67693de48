import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildApp, mailSettled, OTP_GRANT, resolveConfig, type AppDeps } from '../src/app.js';
import { KEYS_FILE } from '../src/keys-file.js';
import { loadOrCreateKeys } from '../src/keys.js';
import { SERVER_SECRET_FILE } from '../src/server-secret.js';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

export const START_TIME = Date.parse('2030-01-01T00:00:00Z');

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** `node` arguments that run the CLI from its TypeScript source (cwd: {@link REPO_ROOT}). */
export const CLI_ARGS = ['--import', 'tsx', path.join(REPO_ROOT, 'packages/server/src/cli.ts')];

/** An API (`apis[]` entry) that grants one scope of its own. */
export const MESSAGES_API = {
  identifier: 'https://messages.example.com/',
  scopes: ['read:messages'],
};
/** Asks {@link MESSAGES_API} for more than it grants; only `openid email read:messages` is. */
export const OVERREACHING_SCOPE = 'openid email read:messages write:messages admin';

export interface TestServer {
  app: FastifyInstance;
  dataDir: string;
  /** The injected clock: tests move `clock.now` instead of sleeping. */
  clock: { now: number };
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** POST /passwordless/start for `email` with `send: "code"`; `extra` adds to the body. */
  start(
    email: string,
    extra?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /**
   * Resolves once the server has tried every mail it queued: start answers before SMTP has the
   * mail, so a test reads the inbox after this.
   */
  mailSettled(): Promise<void>;
  /** The 6-digit code in the newest mail to `email`, read from /dev/inbox.json once mail settled. */
  codeFromInbox(email: string): Promise<string>;
  token(
    email: string,
    otp: string,
    extra?: Record<string, unknown>,
  ): Promise<LightMyRequestResponse>;
  /** POST /co/authenticate for client `demo` (the cross-origin login), from `origin` if given. */
  coAuthenticate(email: string, otp: string, origin?: string): Promise<LightMyRequestResponse>;
  /** The authorization_code grant for client `demo`; `redirect_uri` is sent only when given. */
  exchangeCode(
    code: string,
    codeVerifier: string,
    redirectUri?: string,
  ): Promise<LightMyRequestResponse>;
}

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

let sharedKeys: Promise<string> | undefined;

afterAll(async () => {
  if (sharedKeys) await fs.rm(path.dirname(await sharedKeys), { recursive: true, force: true });
});

function sharedKeysFile(): Promise<string> {
  sharedKeys ??= (async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-server-keys-'));
    await loadOrCreateKeys(dir);
    return path.join(dir, KEYS_FILE);
  })();
  return sharedKeys;
}

/**
 * A throwaway PostgreSQL cluster for the tests of the enclosing file or `describe`: started
 * before them, removed after them. Usable from inside those tests.
 */
export function usePostgresCluster(): PostgresCluster {
  let started: PostgresCluster | undefined;
  beforeAll(async () => {
    started = await startPostgresCluster();
  }, 60_000);
  afterAll(async () => {
    await started?.stop();
  }, 60_000);
  const cluster = () => {
    if (!started) throw new Error('the PostgreSQL cluster is used outside its tests');
    return started;
  };
  return {
    get url() {
      return cluster().url;
    },
    freshSchemaUrl: () => cluster().freshSchemaUrl(),
    shutDown: () => cluster().shutDown(),
    startAgain: () => cluster().startAgain(),
    stop: () => cluster().stop(),
  };
}

export async function makeDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-server-test-'));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A fresh data dir holding `server`'s `server-secret`: what a second node on the same PostgreSQL
 * needs (README "Running several nodes").
 */
export async function dataDirSharingSecretWith(server: TestServer): Promise<string> {
  const dataDir = await makeDataDir();
  await fs.copyFile(
    path.join(server.dataDir, SERVER_SECRET_FILE),
    path.join(dataDir, SERVER_SECRET_FILE),
  );
  return dataDir;
}

/**
 * A `--dev` server (real SQLite in a temp dir, real SMTP to the dev inbox) with an injected clock;
 * with `smtpUrl`, a server without `--dev` that mails there (`configFile` must then list client
 * `demo`). `configFile` is what a `--config` JSON file would hold; the app is closed after each
 * test.
 */
export async function startTestServer(
  configFile?: unknown,
  options: { dataDir?: string; deps?: AppDeps; smtpUrl?: string } = {},
): Promise<TestServer> {
  let dataDir = options.dataDir;
  if (!dataDir) {
    // RSA key generation is slow; fresh data dirs share one generated key file per test file.
    // Tests that pass their own dataDir get keys generated by the server itself.
    dataDir = await makeDataDir();
    await fs.copyFile(await sharedKeysFile(), path.join(dataDir, KEYS_FILE));
  }
  const clock = { now: START_TIME };
  const config = resolveConfig(configFile, {
    dev: options.smtpUrl === undefined,
    port: 3000,
    dataDir,
    ...(options.smtpUrl === undefined ? {} : { smtpUrl: options.smtpUrl }),
  });
  const app = await buildApp(config, { now: () => clock.now, ...options.deps });
  cleanups.push(() => app.close());

  const inject = (request: InjectOptions) => app.inject(request);
  return {
    app,
    dataDir,
    clock,
    inject,
    start: (email, extra = {}, headers = {}) =>
      inject({
        method: 'POST',
        url: '/passwordless/start',
        headers,
        payload: { client_id: 'demo', connection: 'email', email, send: 'code', ...extra },
      }),
    mailSettled: () => mailSettled(app),
    async codeFromInbox(email) {
      await mailSettled(app);
      const response = await inject({ url: `/dev/inbox.json?to=${encodeURIComponent(email)}` });
      const text: string = response.json().messages[0]?.text ?? '';
      const match = /\b(\d{6})\b/.exec(text);
      if (!match) throw new Error(`no code in the newest mail to ${email}: ${text}`);
      return match[1]!;
    },
    token: (email, otp, extra = {}) =>
      inject({
        method: 'POST',
        url: '/oauth/token',
        payload: {
          grant_type: OTP_GRANT,
          client_id: 'demo',
          username: email,
          otp,
          realm: 'email',
          scope: 'openid profile email',
          ...extra,
        },
      }),
    coAuthenticate: (email, otp, origin) =>
      inject({
        method: 'POST',
        url: '/co/authenticate',
        headers: origin ? { origin } : {},
        payload: {
          client_id: 'demo',
          username: email,
          otp,
          realm: 'email',
          credential_type: OTP_GRANT,
        },
      }),
    exchangeCode: (code, codeVerifier, redirectUri) =>
      inject({
        method: 'POST',
        url: '/oauth/token',
        payload: {
          grant_type: 'authorization_code',
          client_id: 'demo',
          code,
          code_verifier: codeVerifier,
          ...(redirectUri === undefined ? {} : { redirect_uri: redirectUri }),
        },
      }),
  };
}

/** A code that differs from `code` in every digit. */
export function wrongCode(code: string): string {
  return code.replace(/\d/g, (digit) => String((Number(digit) + 1) % 10));
}

/** Listens on 127.0.0.1 (a free port) for tests that need real sockets; returns the port. */
export async function listenOnLoopback(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}
