import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLI_ARGS, makeDataDir, REPO_ROOT } from './helpers.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  const cleanEnv = { ...process.env };
  for (const name of [
    'PORT',
    'HOST',
    'PL_CONFIG',
    'PL_DATA_DIR',
    'SMTP_URL',
    'DATABASE_URL',
    'PL_SERVER_SECRET',
  ])
    delete cleanEnv[name];
  const child = spawn(process.execPath, [...CLI_ARGS, ...args], {
    cwd: REPO_ROOT,
    env: { ...cleanEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

/** Runs the CLI to its end. */
async function runCli(args: string[], env?: Record<string, string>) {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

async function expectOneLineFailure(args: string[], pattern: RegExp, env?: Record<string, string>) {
  const { code, stderr, stdout } = await runCli(args, env);
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr.endsWith('\n')).toBe(true);
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^passwordless-lock-server: /);
  expect(lines[0]).toMatch(pattern);
  return { stderr };
}

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as net.AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  return port;
}

describe('passwordless-lock-server CLI', () => {
  it('exits 1 with one line for a config file that is not JSON', async () => {
    const dir = await makeDataDir();
    const file = path.join(dir, 'bad.json');
    await fs.writeFile(file, '{ "clients": [ ');
    await expectOneLineFailure(
      ['--config', file, '--dev', '--data', dir],
      /config .*bad\.json is not valid JSON/,
    );
  });

  it('exits 1 with one line for a config that breaks a rule', async () => {
    const dir = await makeDataDir();
    const file = path.join(dir, 'bad.json');
    await fs.writeFile(
      file,
      JSON.stringify({ clients: [{ client_id: 'a', allowed_origins: ['nope'] }] }),
    );
    await expectOneLineFailure(
      ['--dev', '--data', dir],
      /bad config: clients\[0\]\.allowed_origins\[0\]/,
      {
        PL_CONFIG: file,
      },
    );
  });

  it('exits 1 with one line for a missing config file', async () => {
    const dir = await makeDataDir();
    await expectOneLineFailure(
      ['--config', path.join(dir, 'missing.json'), '--dev', '--data', dir],
      /cannot read config .*ENOENT/,
    );
  });

  it('refuses to start without --dev and without SMTP', async () => {
    const dir = await makeDataDir();
    const file = path.join(dir, 'config.json');
    await fs.writeFile(file, JSON.stringify({ clients: [{ client_id: 'app' }] }));
    await expectOneLineFailure(['--config', file, '--data', dir], /no mail transport/);
  });

  it('exits 1 with one line for an unusable data dir', async () => {
    const dir = await makeDataDir();
    const notADir = path.join(dir, 'file');
    await fs.writeFile(notADir, '');
    await expectOneLineFailure(['--dev', '--data', notADir], /data dir .* is not usable/);
  });

  it('exits 1 with one line for a corrupt or short server secret', async () => {
    const dir = await makeDataDir();
    const file = path.join(dir, 'server-secret');
    for (const text of ['garbage\n', `${Buffer.alloc(16, 7).toString('base64url')}\n`]) {
      await fs.writeFile(file, text, { mode: 0o600 });
      await expectOneLineFailure(
        ['--dev', '--data', dir, '--port', '0'],
        /server-secret is not a server secret/,
      );
    }
  });

  it('exits 1 with one line when PostgreSQL cannot be reached, never printing its password', async () => {
    const dir = await makeDataDir();
    const port = await closedPort();
    const { stderr } = await expectOneLineFailure(
      ['--dev', '--data', dir, '--port', '0'],
      new RegExp(
        `cannot use the PostgreSQL database at 127\\.0\\.0\\.1:${port}/pl: .*ECONNREFUSED`,
      ),
      { DATABASE_URL: `postgres://pl:hunter2@127.0.0.1:${port}/pl` },
    );
    expect(stderr).not.toContain('hunter2');
  });

  it('--rotate-keys exits 1 with one line when PostgreSQL cannot be reached, keys.json untouched', async () => {
    const dir = await makeDataDir();
    const port = await closedPort();
    const { stderr } = await expectOneLineFailure(
      ['--rotate-keys', '--data', dir],
      new RegExp(
        `cannot use the PostgreSQL database at 127\\.0\\.0\\.1:${port}/pl: .*ECONNREFUSED`,
      ),
      { DATABASE_URL: `postgres://pl:hunter2@127.0.0.1:${port}/pl` },
    );
    expect(stderr).not.toContain('hunter2');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('exits 1 with one line for a DATABASE_URL that is no PostgreSQL URL', async () => {
    const dir = await makeDataDir();
    await expectOneLineFailure(
      ['--dev', '--data', dir],
      /bad config: DATABASE_URL: must be "sqlite" or a PostgreSQL URL/,
      { DATABASE_URL: 'mysql://localhost/pl' },
    );
  });

  it('exits 1 with one line for a PL_SERVER_SECRET that is no server secret, never printing it', async () => {
    const dir = await makeDataDir();
    const malformed = `${Buffer.alloc(31, 9).toString('base64url')}-secret-value`;
    const { stderr } = await expectOneLineFailure(
      ['--dev', '--data', dir, '--port', '0'],
      /bad config: PL_SERVER_SECRET: is not a server secret \(32 bytes, base64url\)/,
      { PL_SERVER_SECRET: malformed },
    );
    expect(stderr).not.toContain('secret-value');
    expect(stderr).not.toContain(malformed.slice(0, 12));
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('exits 1 with one line for an unknown flag', async () => {
    await expectOneLineFailure(['--colour', 'red'], /Unknown option '--colour'/);
  });

  it('exits 1 with one line when the port is in use', async () => {
    const dir = await makeDataDir();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expectOneLineFailure(
        ['--dev', '--data', dir, '--port', String(port)],
        new RegExp(`port ${port} .*already in use`),
      );
    } finally {
      blocker.close();
    }
  });

  it('warns on stderr when --dev listens on an address others can reach', async () => {
    const dir = await makeDataDir();
    // 192.0.2.1 (TEST-NET-1) is on no interface here: the bind fails, so nothing is exposed.
    const { code, stderr } = await runCli([
      '--dev',
      '--data',
      dir,
      '--host',
      '192.0.2.1',
      '--port',
      '0',
    ]);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'passwordless-lock-server: warning: --dev on 192.0.2.1: the dev inbox and the login codes in it are readable by anyone who can reach that address',
    );
    expect(lines[1]).toMatch(/cannot listen on 192\.0\.2\.1:0/);
  });

  it('serves on the printed URL in --dev and exits 0 on SIGTERM', async () => {
    const dir = await makeDataDir();
    const child = spawnCli(['--dev', '--data', dir], { PORT: '0' });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code} before listening`)));
    });
    const match =
      /^passwordless-lock-server listening on (http:\/\/localhost:(\d+)) \(dev inbox: \1\/dev\/inbox\)$/.exec(
        line,
      );
    expect(match, line).not.toBeNull();
    const response = await fetch(`http://127.0.0.1:${match![2]}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { keys: unknown[] }).keys).toHaveLength(1);
    expect((await fs.stat(path.join(dir, 'passwordless.sqlite'))).isFile()).toBe(true);
    // With no configured issuer, the default one names the port really bound, not port 0.
    const discovery = await fetch(`${match![1]}/.well-known/openid-configuration`);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(`${match![1]}/`);
    const address = 'cli@example.com';
    const start = await fetch(`${match![1]}/passwordless/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: 'demo',
        connection: 'email',
        email: address,
        send: 'link',
        authParams: {
          redirect_uri: 'http://localhost:5173/',
          code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          code_challenge_method: 'S256',
        },
      }),
    });
    expect(start.status).toBe(200);
    // Start answers once the mail is queued; the dev inbox has it a moment later.
    await vi.waitFor(
      async () => {
        const inbox = (await (
          await fetch(`${match![1]}/dev/inbox.json?to=${encodeURIComponent(address)}`)
        ).json()) as { messages: Array<{ text: string }> };
        expect(inbox.messages[0]?.text).toContain(`${match![1]}/passwordless/verify_redirect?`);
      },
      { timeout: 10_000 },
    );

    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    // On loopback (the default host) --dev has nothing to warn about.
    expect(stderr).toBe('');
  });
});
