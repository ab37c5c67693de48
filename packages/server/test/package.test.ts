// The package as a user gets it: `pnpm pack` (its prepack builds dist/), the tarball installed with
// npm into a project outside the workspace, then the bin and the import run on plain Node.
import { execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { installTarballs, kib, pack, startServer } from '../../../scripts/tarballs.mjs';
import { OTP_GRANT } from '../src/app.js';

const run = promisify(execFile);
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const NAME = '@passwordless-lock/server';
/** Packing builds with tsc and npm fetches the dependencies from the registry. */
const SETUP_TIMEOUT_MS = 180_000;

let project: string;
let installed: string;
let tarballFiles: string[];
let server: ChildProcess | undefined;

beforeAll(async () => {
  project = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-server-package-'));
  const packed = await pack(SERVER_DIR, project);
  tarballFiles = packed.files;
  console.log(
    `${NAME} tarball: ${kib(packed.packedBytes)} packed, ${kib(packed.unpackedBytes)} unpacked`,
  );
  await installTarballs(project, [packed.filename]);
  installed = path.join(project, 'node_modules', NAME);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  if (project) await fs.rm(project, { recursive: true, force: true });
});

describe(`${NAME} as published`, () => {
  it('ships the built JavaScript, its declarations and LICENSE, and no sources or tests', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'dist/cli.js',
        'dist/app.js',
        'dist/app.d.ts',
      ]),
    );
    const unwanted = tarballFiles.filter(
      (file) =>
        file.startsWith('test/') ||
        file.startsWith('src/') ||
        /(^|\/)tsconfig[^/]*\.json$/.test(file) ||
        (file.endsWith('.ts') && !file.endsWith('.d.ts')),
    );
    expect(unwanted).toEqual([]);
  });

  it('points bin, exports and types at files it ships, and needs Node 20.19', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(installed, 'package.json'), 'utf8'));
    expect(manifest.engines).toEqual({ node: '>=20.19' });
    const targets = [
      manifest.bin['passwordless-lock-server'],
      manifest.exports['.'].default,
      manifest.exports['.'].types,
      manifest.types,
    ] as string[];
    for (const target of targets) {
      expect(target).toMatch(/^\.\/dist\/.*\.(js|d\.ts)$/);
      await expect(fs.access(path.join(installed, target))).resolves.toBeUndefined();
    }
  });

  it('runs its bin through the shebang, with no TypeScript loader', async () => {
    const bin = path.join(project, 'node_modules', '.bin', 'passwordless-lock-server');
    const { stdout } = await run(bin, ['--help'], {
      cwd: project,
      env: {
        ...process.env,
        PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
      },
    });
    expect(stdout).toMatch(/^Usage: passwordless-lock-server /);
  });

  it('serves a full code login from `node node_modules/.bin/passwordless-lock-server --dev`', async () => {
    const { child, origin } = await startServer(project, [
      '--dev',
      '--port',
      '0',
      '--data',
      path.join(project, 'data'),
    ]);
    server = child;
    console.log(`${NAME} from dist: VmRSS ${await rssOf(child.pid!)} after the listening line`);

    const discovery = await fetch(`${origin}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    const { issuer, jwks_uri } = (await discovery.json()) as { issuer: string; jwks_uri: string };
    expect(issuer).toBe(`${origin}/`);

    const email = 'packaged@example.com';
    const start = await postJson(`${origin}/passwordless/start`, {
      client_id: 'demo',
      connection: 'email',
      email,
      send: 'code',
    });
    expect(start.status).toBe(200);
    const otp = await codeFromInbox(origin, email);
    const token = await postJson(`${origin}/oauth/token`, {
      grant_type: OTP_GRANT,
      client_id: 'demo',
      username: email,
      otp,
      realm: 'email',
      scope: 'openid email',
    });
    expect(token.status).toBe(200);
    const { id_token } = (await token.json()) as { id_token: string };
    const { payload } = await jwtVerify(id_token, createRemoteJWKSet(new URL(jwks_uri)), {
      issuer,
      audience: 'demo',
    });
    expect(payload.email).toBe(email);

    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  });

  it("imports `buildApp` and `resolveConfig` from '@passwordless-lock/server'", async () => {
    const script = `
      const { buildApp, resolveConfig } = await import('${NAME}');
      const config = resolveConfig(undefined, { dev: true, port: 3000, dataDir: process.argv[1] });
      const app = await buildApp(config, { logger: false });
      const response = await app.inject({ url: '/.well-known/openid-configuration' });
      await app.close();
      console.log(response.statusCode, response.json().issuer);`;
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', script, path.join(project, 'import-data')],
      { cwd: project },
    );
    expect(stdout.trim()).toBe('200 http://localhost:3000/');
  });
});

/** Resident memory as Linux reports it ("unknown" elsewhere); logged, not asserted. */
async function rssOf(pid: number): Promise<string> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? `${(Number(kb) / 1024).toFixed(1)} MiB` : 'unknown';
}

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * The code in the newest mail to `email`; the dev inbox is read over HTTP, as a user would,
 * until the mail is there (start answers once it is queued, before SMTP has it).
 */
async function codeFromInbox(origin: string, email: string): Promise<string> {
  let code: string | undefined;
  // The first mail loads nodemailer and greets SMTP: seconds on a loaded machine, not vitest's 1 s.
  await vi.waitFor(
    async () => {
      const response = await fetch(`${origin}/dev/inbox.json?to=${encodeURIComponent(email)}`);
      const { messages } = (await response.json()) as { messages: { text: string }[] };
      code = /\b(\d{6})\b/.exec(messages[0]?.text ?? '')?.[1];
      if (!code)
        throw new Error(`no code in the dev inbox for ${email}: ${JSON.stringify(messages)}`);
    },
    { timeout: 10_000 },
  );
  return code!;
}
