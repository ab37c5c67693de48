import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OTP_GRANT } from '../src/app.js';
import { CLI_ARGS, makeDataDir, REPO_ROOT, usePostgresCluster } from './helpers.js';

const cluster = usePostgresCluster();

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/**
 * Starts the real CLI (`--dev`, so the dev inbox in the shared database holds the mail) as one
 * node on `databaseUrl`, with its own data dir and only `env` added to a clean environment.
 * Resolves with its base URL once it listens, or with its exit code and stderr if it exits.
 */
async function startNode(dataDir: string, databaseUrl: string, env: Record<string, string> = {}) {
  const cleanEnv = { ...process.env };
  for (const name of ['PORT', 'HOST', 'PL_CONFIG', 'PL_DATA_DIR', 'SMTP_URL', 'PL_SERVER_SECRET'])
    delete cleanEnv[name];
  const child = spawn(process.execPath, [...CLI_ARGS, '--dev', '--data', dataDir, '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...cleanEnv, DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ base: string } | { code: number | null; stderr: string }>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve({ base: `http://127.0.0.1:${match[1]}` });
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

async function listening(node: ReturnType<typeof startNode>): Promise<string> {
  const started = await node;
  if (!('base' in started)) throw new Error(`node exited ${started.code}: ${started.stderr}`);
  return started.base;
}

const post = (base: string, url: string, body: unknown) =>
  fetch(base + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('nodes on one PostgreSQL database share one server secret', () => {
  it('refuses a node whose secret differs, and takes one given the same secret in PL_SERVER_SECRET', async () => {
    const url = await cluster.freshSchemaUrl();
    const dirA = await makeDataDir();
    const a = await listening(startNode(dirA, url));

    // Node B, with an empty data dir of its own and no PL_SERVER_SECRET, made another secret.
    const dirB = await makeDataDir();
    const refused = await startNode(dirB, url);
    expect(refused).toEqual({
      code: 1,
      stderr: `passwordless-lock-server: this node's server secret (${path.join(dirB, 'server-secret')}) differs from the one the database was used with: copy server-secret from another node's data dir, or set PL_SERVER_SECRET to that secret\n`,
    });

    // With node A's secret in the environment, node B starts on an empty data dir, makes no
    // secret file there, and accepts a code node A mailed.
    const secretA = (await fs.readFile(path.join(dirA, 'server-secret'), 'utf8')).trim();
    const dirC = await makeDataDir();
    const c = await listening(startNode(dirC, url, { PL_SERVER_SECRET: secretA }));
    expect(await fs.readdir(dirC)).not.toContain('server-secret');

    const email = 'two-nodes@example.com';
    const start = await post(a, '/passwordless/start', {
      client_id: 'demo',
      connection: 'email',
      email,
      send: 'code',
    });
    expect(start.status).toBe(200);
    // Start answers once the mail is queued; the dev inbox has it a moment later (seconds on a
    // loaded machine, not vitest's 1 s).
    let code: string | undefined;
    await vi.waitFor(
      async () => {
        const inbox = (await (
          await fetch(`${c}/dev/inbox.json?to=${encodeURIComponent(email)}`)
        ).json()) as { messages: Array<{ text: string }> };
        code = /\b(\d{6})\b/.exec(inbox.messages[0]?.text ?? '')?.[1];
        expect(code).toMatch(/^\d{6}$/);
      },
      { timeout: 10_000 },
    );
    const token = await post(c, '/oauth/token', {
      grant_type: OTP_GRANT,
      client_id: 'demo',
      username: email,
      otp: code,
      realm: 'email',
    });
    expect(token.status).toBe(200);
  }, 60_000);
});
