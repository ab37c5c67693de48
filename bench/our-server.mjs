// Child processes of the server bench: our server from its built package (SQLite or PostgreSQL),
// the bare Fastify ceiling, and reading their memory.
import { execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './stats.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OTP_GRANT = 'http://auth0.com/oauth/grant-type/passwordless/otp';

/** A tenant whose limits never throttle the bench; codes outlive the run. */
const TENANT = {
  issuer: 'http://127.0.0.1/',
  clients: [
    {
      client_id: 'bench',
      name: 'Bench',
      allowed_origins: [],
      web_origins: [],
      callbacks: ['http://127.0.0.1/callback'],
      grant_types: [OTP_GRANT, 'refresh_token'],
      logout_urls: [],
    },
  ],
  connections: { email: { otp: { lifetime_s: 3600, resend_after_s: 0 } } },
  rate_limits: { start_per_ip_per_hour: 1_000_000, failed_verifications_per_ip_email: 1_000_000 },
  // A start run is a burst: the server answers faster than SMTP takes the mail, and the outbox
  // holds the difference until the run's mail is delivered (the default limit, 1,000, would
  // refuse starts with 503 once that many wait).
  outbox: { max_queued: 1_000_000 },
};

/** Writes the bench tenant into `dir`; returns the config file's path. */
export async function writeTenant(dir) {
  const file = join(dir, 'tenant.json');
  await writeFile(file, JSON.stringify(TENANT));
  return file;
}

const SERVER_PACKAGE = join(ROOT, 'packages/server');
/** The bin of the published package (`publishConfig.bin`): what `npx` users run. */
export const SERVER_CLI = join(SERVER_PACKAGE, 'dist/cli.js');

let built;
/** Builds the server package (its `build` script) once per bench run, so dist/ is this commit's. */
export function buildServerPackage() {
  built ??= new Promise((resolve, reject) =>
    execFile(process.execPath, ['scripts/build.mjs'], { cwd: SERVER_PACKAGE }, (error, stdout) =>
      error ? reject(new Error(`server build failed: ${stdout}${error.message}`)) : resolve(),
    ),
  );
  return built;
}

/**
 * Our server, as its published package runs on plain Node (`node dist/cli.js`, no tsx): on
 * SQLite in `dataDir`, or on PostgreSQL when `databaseUrl` is given (the data dir then holds only
 * `server-secret`); mailing to `smtpUrl` (`SMTP_URL`) when given, else `--dev` (its in-process
 * inbox). An inherited `DATABASE_URL` or `SMTP_URL` never leaks into a run.
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string, listenMs: number }>}
 *   `url` on 127.0.0.1; `listenMs` from spawning the process to its "listening" line
 */
export async function startOurServer({ configFile, dataDir, databaseUrl, smtpUrl }) {
  await buildServerPackage();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (smtpUrl) env.SMTP_URL = smtpUrl;
  const server = await startChild(
    [
      SERVER_CLI,
      ...['--config', configFile, '--port', '0', '--host', '127.0.0.1'],
      ...['--data', dataDir, ...(smtpUrl ? [] : ['--dev'])],
    ],
    { cwd: ROOT, env },
  );
  return { ...server, url: server.url.replace('localhost', '127.0.0.1') };
}

/** The bare Fastify app of `fastify-ceiling.mjs`. */
export function startFastifyCeiling() {
  return startChild([fileURLToPath(new URL('fastify-ceiling.mjs', import.meta.url))]);
}

/** Spawns `node args`, resolves once it prints its URL, with the milliseconds that took. */
function startChild(args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const spawned = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (data) => {
      output += data;
      const url = /(http:\/\/[\w.:-]+:\d+)/.exec(output)?.[1];
      if (url && /listening on/.test(output)) {
        child.stdout.off('data', onData);
        resolve({ child, url, listenMs: Math.round(performance.now() - spawned) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (data) => (output += data));
    child.on('exit', (code) =>
      reject(new Error(`child exited (${code}) before listening: ${output.trim()}`)),
    );
  });
}

export async function stopChild({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Resident set size of a process in bytes (Linux /proc), its peak, and its split: `anon` (the JS
 * heap, malloc) and `file` (mapped files, most of it the node binary's own pages).
 */
export async function rssOf(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM'), anon: kb('RssAnon'), file: kb('RssFile') };
  } catch {
    return null;
  }
}

/**
 * Start time and memory of fresh processes, `times` each, started one after the other: ours (a
 * new data dir each time, so the first start's key and secret are made, as on a new install) and
 * the bare Fastify app. Each sample: milliseconds from spawn to "listening", and RSS right then.
 */
export async function measureStartup({ configFile, dir, times }) {
  const sample = async (start) => {
    const server = await start();
    const rss = await rssOf(server.child.pid);
    await stopChild(server);
    return { listenMs: server.listenMs, rss: rss?.rss ?? null };
  };
  const ours = [];
  const bare = [];
  for (let i = 0; i < times; i++) {
    ours.push(
      await sample(() => startOurServer({ configFile, dataDir: join(dir, `startup-${i}`) })),
    );
    bare.push(await sample(startFastifyCeiling));
  }
  const medians = (samples) => ({
    listenMs: summarize(samples.map((s) => s.listenMs)).median,
    rss: summarize(samples.map((s) => s.rss)).median,
    samples,
  });
  return { ours: medians(ours), bare: medians(bare) };
}
