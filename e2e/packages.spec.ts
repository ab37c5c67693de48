// Issue 12: the three packages as users get them. Each is packed (`pnpm pack`, its prepack builds
// dist/), the tarballs are installed with npm into a project outside the workspace, and then: a
// Vite app that uses the tag as the root README shows logs in through it against the server
// started from its tarball with plain `node`; every package imports in plain Node (SSR); the
// repository's React and idTokenPayload type fixtures compile against the installed tarballs.
// The config's webServers are not used: this spec starts its own server and app on free ports.
import { execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { installTarballs, kib, pack, plainNodeEnv, startServer } from '../scripts/tarballs.mjs';
import { codeFromInbox, uniqueEmail } from './inbox.js';
import { openLock, submitCode, submitEmail } from './widget.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['client', 'lock', 'server'].map((name) => path.join(ROOT, 'packages', name));

// Budgets that add up to the four minutes for the whole file (2 cores, cold npm cache).
const SETUP_TIMEOUT_MS = 120_000;
const LOCKFILE_TIMEOUT_MS = 10_000;
const LOGIN_TIMEOUT_MS = 60_000;
const SSR_TIMEOUT_MS = 30_000;
const TYPES_TIMEOUT_MS = 20_000;

// React 19's types, at the version the repository's own fixtures are checked with.
const requireFromLock = createRequire(path.join(ROOT, 'packages/lock/package.json'));
const REACT_TYPES = `@types/react@${requireFromLock('@types/react/package.json').version}`;
/** The repository's type fixtures (the READMEs show the same code), checked here as a user would. */
const TYPE_FIXTURES = ['react.tsx', 'claims.ts'].map((name) =>
  path.join(ROOT, 'packages/lock/types-test', name),
);

test.describe.configure({ mode: 'serial' });

let project: string;
const children: ChildProcess[] = [];
const httpServers: Server[] = [];

test.beforeAll(async () => {
  test.setTimeout(SETUP_TIMEOUT_MS);
  // os.tmpdir(): outside the workspace, so nothing resolves from its node_modules.
  project = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-packages-'));
  const tarballs = await stage('pack the three packages', async () => {
    const packed = await Promise.all(PACKAGES.map((dir) => pack(dir, project)));
    for (const { name, packedBytes, unpackedBytes } of packed) {
      console.log(`  ${name}: ${kib(packedBytes)} packed, ${kib(unpackedBytes)} unpacked`);
    }
    return packed.map((p) => p.filename);
  });
  await stage('npm install the tarballs', () =>
    installTarballs(project, [...tarballs, REACT_TYPES]),
  );
});

test.afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(httpServers.map((server) => new Promise((resolve) => server.close(resolve))));
  if (project) await fs.rm(project, { recursive: true, force: true });
});

test('the lock depends on the client from its tarball, not the registry', async () => {
  test.setTimeout(LOCKFILE_TIMEOUT_MS);
  const lockfile = JSON.parse(await fs.readFile(path.join(project, 'package-lock.json'), 'utf8'));
  const clients = Object.entries(lockfile.packages as Record<string, { resolved?: string }>)
    .filter(([location]) => location.endsWith('node_modules/@passwordless-lock/client'))
    .map(([location, { resolved }]) => [location, resolved]);
  expect(clients).toEqual([
    ['node_modules/@passwordless-lock/client', expect.stringMatching(/^file:.*\.tgz$/)],
  ]);
});

test('a Vite app with the tag as the root README shows logs in against the packed server', async ({
  page,
  request,
}) => {
  test.setTimeout(LOGIN_TIMEOUT_MS);
  const app = await stage('serve the app', () => serveStatic(path.join(project, 'dist')));
  const readmeHtml = await readmeTagExample();
  const clientId = /client-id="([^"]+)"/.exec(readmeHtml)![1]!;

  const server = await stage('start the packed server with plain node', async () => {
    const config = path.join(project, 'tenant.json');
    await fs.writeFile(
      config,
      JSON.stringify({
        clients: [
          {
            client_id: clientId,
            name: 'Packaged app',
            allowed_origins: [app],
            web_origins: [app],
            callbacks: [`${app}/`],
            logout_urls: [`${app}/`],
          },
        ],
      }),
    );
    const started = await startServer(project, [
      '--dev',
      '--config',
      config,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      path.join(project, 'data'),
    ]);
    children.push(started.child);
    return started.origin;
  });

  await stage('vite build the app', async () => {
    // The README's block as it stands, pointed at this server: if the README changes, so does the app.
    const body = readmeHtml.replace(/domain="[^"]*"/, `domain="${server}"`);
    await fs.writeFile(
      path.join(project, 'index.html'),
      `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Packaged app</title></head>\n<body>\n${body}</body>\n</html>\n`,
    );
    await viteBuild(project);
  });

  await stage('log in through the tag in Chromium', async () => {
    const logs: string[] = [];
    page.on('console', (message) => logs.push(message.text()));
    const email = uniqueEmail('packaged');
    await page.goto(`${app}/`);
    const { dialog, lock } = await openLock(page);
    await submitEmail(lock, email);
    await submitCode(lock, await codeFromInbox(request, email, server));
    // `autoclose`, then what the README's `authenticated` listener prints.
    await expect(dialog).toBeHidden();
    await expect.poll(() => logs).toContain(`Logged in as ${email}`);
  });
});

test('every package imports in plain Node (SSR) without defining DOM globals', async () => {
  test.setTimeout(SSR_TIMEOUT_MS);
  const script = `
    const DOM = ['window', 'document', 'customElements', 'HTMLElement'];
    const before = DOM.filter((name) => name in globalThis);
    const lock = await import('passwordless-lock');
    const define = await import('passwordless-lock/define');
    const client = await import('@passwordless-lock/client');
    const server = await import('@passwordless-lock/server');
    console.log(JSON.stringify({
      before,
      after: DOM.filter((name) => name in globalThis),
      lock: typeof lock.LockPasswordless,
      registered: customElements.get('passwordless-lock') === define.PasswordlessLock,
      client: typeof client.passwordlessLogin,
      server: typeof server.buildApp,
    }));`;
  const { stdout } = await stage('import every package in node', () =>
    run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project,
      env: plainNodeEnv(),
    }),
  );
  expect(JSON.parse(stdout)).toEqual({
    before: [],
    // Lit's Node build installs its SSR shim of `customElements` (@lit-labs/ssr-dom-shim; lit's
    // own `import 'lit'` does it), so that `define` works on a server. Nothing else appears.
    after: ['customElements'],
    lock: 'function',
    registered: true,
    client: 'function',
    server: 'function',
  });
});

test('a React TSX file and idTokenPayload.email type-check against the tarballs', async () => {
  test.setTimeout(TYPES_TIMEOUT_MS);
  for (const fixture of TYPE_FIXTURES) {
    await fs.copyFile(fixture, path.join(project, path.basename(fixture)));
  }
  // What a Vite + React app uses; library .d.ts files are checked too, so a broken declaration
  // in a tarball fails here. `types: []`: nothing comes in unless a file imports it.
  const compilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    jsx: 'react-jsx',
    module: 'preserve',
    moduleResolution: 'bundler',
    target: 'es2022',
    lib: ['es2022', 'dom', 'dom.iterable'],
    types: [],
  };
  await fs.writeFile(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, files: TYPE_FIXTURES.map((file) => path.basename(file)) }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = await stage('tsc in the project', () =>
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project }).then(
      (done) => ({ code: 0, output: done.stdout + done.stderr }),
      (failed: { code: number; stdout: string; stderr: string }) => ({
        code: failed.code,
        output: failed.stdout + failed.stderr,
      }),
    ),
  );
  expect(result.output).toBe('');
  expect(result.code).toBe(0);
});

/** Runs `body` as a reported step and logs how long it took. */
async function stage<T>(name: string, body: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await test.step(name, body);
  console.log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** The HTML of the root README's "As a tag" example. */
async function readmeTagExample(): Promise<string> {
  const readme = await fs.readFile(path.join(ROOT, 'README.md'), 'utf8');
  const html = /### As a tag\s+```html\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(html, 'the README\'s "As a tag" example').toMatch(/import 'passwordless-lock\/define'/);
  expect(html).toMatch(/<passwordless-lock client-id="[^"]+" domain="[^"]+"/);
  return html!;
}

/**
 * `vite build` in `project`, with the workspace's Vite (the same version a user of this repo
 * would install): installing Vite and its native bundler again would cost more of the budget
 * than anything it could catch. It resolves `passwordless-lock` from `project`'s node_modules.
 */
async function viteBuild(root: string): Promise<void> {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const vite = path.dirname(require.resolve('vite/package.json'));
  await run(process.execPath, [path.join(vite, 'bin', 'vite.js'), 'build'], {
    cwd: root,
    env: plainNodeEnv(),
  });
}

/** Serves `dir` on a free port of 127.0.0.1, as any static host would; returns its origin. */
async function serveStatic(dir: string): Promise<string> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url!, 'http://host');
    const file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    try {
      const body = await fs.readFile(file);
      response.writeHead(200, {
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  httpServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
