// Server throughput: autocannon on loopback against our server (a child process, --dev) and
// against two ceilings measured in the same run: a bare Fastify app and a jose RS256 loop.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const serverRequire = createRequire(join(ROOT, 'packages/server/package.json'));
const OTP_GRANT = 'http://auth0.com/oauth/grant-type/passwordless/otp';
const JSON_HEADERS = { 'content-type': 'application/json' };

/** A tenant whose limits never throttle the bench; codes outlive the run. */
const CONFIG = {
  issuer: 'http://127.0.0.1/',
  clients: [
    {
      client_id: 'bench',
      name: 'Bench',
      allowed_origins: [],
      web_origins: [],
      callbacks: ['http://127.0.0.1/callback'],
      grant_types: [OTP_GRANT],
      logout_urls: [],
    },
  ],
  connections: { email: { otp: { lifetime_s: 3600, resend_after_s: 0 } } },
  rate_limits: { start_per_ip_per_hour: 1_000_000, failed_verifications_per_ip_email: 1_000_000 },
};

/**
 * @param {{ seconds: number, codes: number, connections: number, joseSeconds: number }} options
 */
export async function measureServer({ seconds, codes, connections, joseSeconds }) {
  const dir = await mkdtemp(join(tmpdir(), 'pl-bench-'));
  const children = [];
  try {
    // Both servers run side by side (the idle one costs nothing); each endpoint is measured
    // right after its ceiling, so drift in the machine's load hits both alike.
    const bare = await startChild([fileURLToPath(new URL('fastify-ceiling.mjs', import.meta.url))]);
    children.push(bare);
    const warmup = Math.max(1, Math.round(seconds / 5));
    const run = (opts) =>
      cannon({ connections, ...('amount' in opts ? {} : { duration: seconds }), ...opts });
    await run({ url: `${bare.url}/get`, duration: warmup });

    // Our server, from source, the way `pnpm server` runs it.
    const configFile = join(dir, 'tenant.json');
    await writeFile(configFile, JSON.stringify(CONFIG));
    const ours = await startChild(
      [
        '--import',
        'tsx',
        join(ROOT, 'packages/server/src/cli.ts'),
        ...['--config', configFile, '--port', '0', '--host', '127.0.0.1'],
        ...['--data', join(dir, 'data'), '--dev'],
      ],
      { cwd: ROOT },
    );
    children.push(ours);
    const base = ours.url.replace('localhost', '127.0.0.1');
    const rssStart = await rssOf(ours.child.pid);

    // Warm-up, then /passwordless/start with a new address each request (mail really sent to
    // the dev SMTP server and stored before the answer).
    let sent = 0;
    let prefix = 'warm';
    const startRequest = () => ({
      method: 'POST',
      path: '/passwordless/start',
      headers: JSON_HEADERS,
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({
          client_id: 'bench',
          connection: 'email',
          email: `${prefix}${sent++}@bench.test`,
          send: 'code',
        }),
      }),
    });
    await run({ url: base, requests: [startRequest()], duration: warmup });
    const barePost = await run({
      url: `${bare.url}/post`,
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ client_id: 'bench', connection: 'email', email: 'a@bench.test' }),
    });
    prefix = 'start';
    sent = 0;
    const start = await run({ url: base, requests: [startRequest()] });

    // Codes for the token bench: those the start runs just mailed, read from the dev inbox,
    // topped up with new logins (for at most `seconds` more) when there are too few.
    const emails = Array.from({ length: sent }, (_, i) => `start${i}@bench.test`).slice(-codes);
    const issued = await readCodes(base, emails, connections);
    if (issued.length < codes) {
      issued.push(...(await issueCodes(base, codes - issued.length, connections, seconds)));
    }
    const jose = await joseCeiling(joseSeconds);
    let next = 0;
    const tokenRequest = {
      method: 'POST',
      path: '/oauth/token',
      headers: JSON_HEADERS,
      setupRequest: (request) => {
        const { email, code } = issued[next++ % issued.length];
        return {
          ...request,
          body: JSON.stringify({
            grant_type: OTP_GRANT,
            client_id: 'bench',
            username: email,
            otp: code,
            realm: 'email',
            scope: 'openid profile email',
          }),
        };
      },
    };
    const token = await run({
      url: base,
      requests: [tokenRequest],
      amount: issued.length,
    });

    await run({ url: `${base}/.well-known/jwks.json`, duration: warmup });
    const bareGet = await run({ url: `${bare.url}/get` });
    const jwks = await run({ url: `${base}/.well-known/jwks.json` });
    const rss = await rssOf(ours.child.pid);
    const bareRss = await rssOf(bare.child.pid);

    const ratio = (a, b) => (b ? Math.round((a / b) * 100) / 100 : null);
    return {
      connections,
      seconds,
      ceilings: { fastifyGet: bareGet, fastifyPost: barePost, fastifyRss: bareRss, jose },
      start: { ...start, ceiling: 'fastifyPost', ratio: ratio(start.rps, barePost.rps) },
      token: {
        ...token,
        codes: issued.length,
        ceiling: 'jose',
        ratio: ratio(token.rps, jose.opsPerSecond),
      },
      jwks: { ...jwks, ceiling: 'fastifyGet', ratio: ratio(jwks.rps, bareGet.rps) },
      rss: { atStart: rssStart, afterRun: rss },
    };
  } finally {
    for (const child of children) await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs autocannon and keeps the figures the report needs. */
async function cannon(options) {
  const result = await autocannon({ pipelining: 1, ...options });
  return {
    // Total over elapsed time: per-second averages are coarse for runs of a few seconds.
    rps: Math.round(result.requests.total / Math.max(result.duration, 0.001)),
    requests: result.requests.total,
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: result.latency.average,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    durationS: Math.round(result.duration * 10) / 10,
  };
}

/** The newest code mailed to each address (addresses without mail are skipped). */
async function readCodes(base, emails, concurrency) {
  const issued = [];
  const queue = [...emails];
  const worker = async () => {
    for (let email = queue.shift(); email; email = queue.shift()) {
      const code = await codeFor(base, email);
      if (code) issued.push({ email, code });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return issued;
}

/** Starts up to `count` new logins, for at most `seconds`, and reads their codes. */
async function issueCodes(base, count, concurrency, seconds) {
  const issued = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const worker = async () => {
    while (n < count && performance.now() < end) {
      const email = `token${n++}@bench.test`;
      const started = await fetch(`${base}/passwordless/start`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ client_id: 'bench', connection: 'email', email, send: 'code' }),
      });
      if (!started.ok) throw new Error(`start for ${email}: ${started.status}`);
      const code = await codeFor(base, email);
      if (!code) throw new Error(`no code in the mail to ${email}`);
      issued.push({ email, code });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return issued;
}

async function codeFor(base, email) {
  const inbox = await fetch(`${base}/dev/inbox.json?to=${encodeURIComponent(email)}`);
  const { messages } = await inbox.json();
  return /\b(\d{6})\b/.exec(messages?.[0]?.text ?? '')?.[1] ?? null;
}

/**
 * The signing ceiling: jose SignJWT RS256 (2048-bit key) with id_token-like claims, sequential
 * and with 16 in flight (WebCrypto signs on the thread pool); the better of the two is the ceiling.
 */
async function joseCeiling(seconds) {
  const { SignJWT, generateKeyPair } = await import(
    pathToFileURL(serverRequire.resolve('jose')).href
  );
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const sign = () =>
    new SignJWT({
      email: 'someone@bench.test',
      email_verified: true,
      name: 'someone@bench.test',
      nickname: 'someone',
      updated_at: new Date().toISOString(),
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'bench', typ: 'JWT' })
      .setIssuer('http://127.0.0.1/')
      .setSubject('email|0123456789abcdef01234567')
      .setAudience('bench')
      .setIssuedAt()
      .setExpirationTime('10h')
      .sign(privateKey);
  const loop = async (inFlight) => {
    let ops = 0;
    const end = performance.now() + (seconds * 1000) / 2;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (performance.now() < end) {
          await sign();
          ops++;
        }
      }),
    );
    return Math.round(ops / (seconds / 2));
  };
  await loop(1); // warm-up is the first half-second of work below; cheap enough to repeat
  const sequential = await loop(1);
  const concurrent = await loop(16);
  return { sequential, concurrent, opsPerSecond: Math.max(sequential, concurrent) };
}

/** Spawns `node args`, resolves once it prints its URL. */
function startChild(args, { cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
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

async function stopChild({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process in bytes (Linux /proc), and its peak. */
async function rssOf(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}
