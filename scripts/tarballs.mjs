// The packages as a user gets them: `pnpm pack` tarballs, installed with npm into a project outside
// the workspace, the server's bin run on plain Node. Shared by the tests that check what ships
// (packages/server/test/package.test.ts, e2e/packages.spec.ts).
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SERVER_DIR = fileURLToPath(new URL('../packages/server/', import.meta.url));
const SERVER_NAME = '@passwordless-lock/server';

/**
 * Packs the workspace package in `packageDir` into `destination`; its `prepack` builds dist/.
 * @returns {Promise<import('./tarballs.d.mts').Packed>}
 */
export async function pack(packageDir, destination) {
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: packageDir,
  });
  // prepack's build prints to the same stdout first; pnpm's JSON is the last top-level object.
  const packed = JSON.parse(stdout.slice(stdout.lastIndexOf('\n{\n') + 1));
  const files = packed.files.map((file) => file.path);
  return {
    name: packed.name,
    filename: packed.filename,
    files,
    packedBytes: (await fs.stat(packed.filename)).size,
    unpackedBytes: await unpackedSize(packed.filename, files),
  };
}

/**
 * Installs `tarballs` with npm into `project` (a new directory outside the workspace), together,
 * so that one package's dependency on another (`passwordless-lock` → `@passwordless-lock/client`,
 * not on the registry) is met by its tarball. The server's tarball must be among them.
 */
export async function installTarballs(project, tarballs) {
  // The addon the workspace compiled is reused: without install scripts, npm neither downloads
  // nor compiles one (a second from-source build would take minutes). Its JavaScript must be the
  // version that addon was built from, hence the override.
  const workspaceSqlite = betterSqlite3Dir(SERVER_DIR);
  const { version } = JSON.parse(
    await fs.readFile(path.join(workspaceSqlite, 'package.json'), 'utf8'),
  );
  await fs.writeFile(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, overrides: { 'better-sqlite3': version } }),
  );
  await run(
    'npm',
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs],
    { cwd: project },
  );
  const addon = path.join('build', 'Release', 'better_sqlite3.node');
  const installedSqlite = betterSqlite3Dir(path.join(project, 'node_modules', SERVER_NAME));
  await fs.mkdir(path.dirname(path.join(installedSqlite, addon)), { recursive: true });
  await fs.copyFile(path.join(workspaceSqlite, addon), path.join(installedSqlite, addon));
}

/**
 * Starts the installed server's bin in `project` with plain `node` (no TypeScript loader) and
 * `args`, and waits for its "listening on" line.
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, origin: string }>}
 */
export async function startServer(project, args) {
  const child = spawn(
    process.execPath,
    [path.join('node_modules', '.bin', 'passwordless-lock-server'), ...args],
    { cwd: project, env: plainNodeEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const origin = await new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk) => {
      output += String(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return { child, origin };
}

/**
 * The environment a user's shell gives node: no NODE_OPTIONS (an `--import tsx` set by a developer
 * would hide a package that only runs through a TypeScript loader) and no NODE_ENV (Vitest sets
 * `test`, which makes Vite pick Lit's development build).
 */
export function plainNodeEnv() {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.NODE_ENV;
  return env;
}

/** The directory of the better-sqlite3 that the package in `packageDir` resolves. */
function betterSqlite3Dir(packageDir) {
  const require = createRequire(path.join(packageDir, 'package.json'));
  return path.dirname(require.resolve('better-sqlite3/package.json'));
}

export function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** What the files in the tarball weigh once npm has extracted them. */
async function unpackedSize(tarball, files) {
  const dir = await fs.mkdtemp(`${tarball}-unpacked-`);
  try {
    await run('tar', ['-xzf', tarball, '-C', dir]);
    let total = 0;
    for (const file of files) total += (await fs.stat(path.join(dir, 'package', file))).size;
    return total;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
