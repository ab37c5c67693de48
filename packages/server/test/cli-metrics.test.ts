import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_ARGS, makeDataDir, REPO_ROOT } from './helpers.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** The CLI in --dev with `config` as its config file; stdout and stderr collected as they come. */
async function startCli(config: unknown) {
  const dir = await makeDataDir();
  const configFile = path.join(dir, 'config.json');
  await fs.writeFile(configFile, JSON.stringify(config));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
  for (const name of ['HOST', 'PL_CONFIG', 'PL_DATA_DIR', 'SMTP_URL', 'DATABASE_URL']) {
    delete env[name];
  }
  const child = spawn(
    process.execPath,
    [...CLI_ARGS, '--dev', '--data', path.join(dir, 'data'), '--config', configFile],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk) => (output.stdout += chunk));
  child.stderr!.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  /** Resolves with the first match of `pattern` in stdout; rejects if the CLI exits first. */
  const waitFor = async (pattern: RegExp): Promise<RegExpExecArray> => {
    for (;;) {
      const match = pattern.exec(output.stdout);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${output.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, output, exited, waitFor };
}

describe('the CLI with metrics and logs', () => {
  it('serves metrics on metrics.port and logs JSON lines at log.level, with request ids', async () => {
    const cli = await startCli({ metrics: { port: 0 }, log: { level: 'info' } });
    const [, metricsUrl] = await cli.waitFor(/"event":"metrics_listening","url":"([^"]+)"/);
    const [, publicUrl] = await cli.waitFor(/listening on (http:\/\/localhost:\d+)/);
    expect(new URL(metricsUrl!).hostname).toBe('127.0.0.1');

    const jwks = await fetch(`${publicUrl}/.well-known/jwks.json`, {
      headers: { 'x-request-id': 'cli-trace-7' },
    });
    expect(jwks.headers.get('x-request-id')).toBe('cli-trace-7');
    const [line] = await cli.waitFor(/\{[^\n]*"reqId":"cli-trace-7"[^\n]*\}/);
    expect(JSON.parse(line)).toMatchObject({
      level: 30,
      event: 'request',
      route: '/.well-known/jwks.json',
      status: 200,
    });
    const metrics = await fetch(metricsUrl!);
    expect(await metrics.text()).toMatch(
      /passwordless_http_request_duration_seconds_count\{[^}]*route="\/\.well-known\/jwks\.json"[^}]*\} 1/,
    );
    expect((await fetch(`${publicUrl}/metrics`)).status).toBe(404);

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('logs nothing below log.level', async () => {
    const cli = await startCli({ log: { level: 'warn' } });
    const [, publicUrl] = await cli.waitFor(/listening on (http:\/\/localhost:\d+)/);
    expect((await fetch(`${publicUrl}/.well-known/jwks.json`)).status).toBe(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.output.stdout).not.toContain('"event":"request"');
  });

  it('exits 1 with one line when the metrics port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const cli = await startCli({ metrics: { port } });
      expect(await cli.exited).toBe(1);
      expect(cli.output.stderr).toBe(
        `passwordless-lock-server: failed to start: metrics port ${port} on 127.0.0.1 is already in use\n`,
      );
    } finally {
      blocker.close();
    }
  });
});
