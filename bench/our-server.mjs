// Child processes of the server bench: our server from source (SQLite or PostgreSQL), the bare
// Fastify ceiling, and reading their memory.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * Our server, from source, the way `pnpm server` runs it: on SQLite in `dataDir`, or on
 * PostgreSQL when `databaseUrl` is given (the data dir then holds only `server-secret`); mailing
 * to `smtpUrl` (`SMTP_URL`) when given, else `--dev` (its in-process inbox). An inherited
 * `DATABASE_URL` or `SMTP_URL` never leaks into a run.
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string }>} `url` on 127.0.0.1
 */
export async function startOurServer({ configFile, dataDir, databaseUrl, smtpUrl }) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (smtpUrl) env.SMTP_URL = smtpUrl;
  const server = await startChild(
    [
      '--import',
      'tsx',
      join(ROOT, 'packages/server/src/cli.ts'),
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

/** Spawns `node args`, resolves once it prints its URL. */
function startChild(args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (data) => {
      output += data;
      const url = /(http:\/\/[\w.:-]+:\d+)/.exec(output)?.[1];
      if (url && /listening on/.test(output)) {
        child.stdout.off('data', onData);
        resolve({ child, url });
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

/** Resident set size of a process in bytes (Linux /proc), and its peak. */
export async function rssOf(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}
