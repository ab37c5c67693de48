// Server throughput: autocannon on loopback against our server on SQLite (a child process that
// mails over SMTP to the mail sink, another child process) and against two ceilings measured in
// the same run: a bare Fastify app and a jose RS256 loop. The same endpoints on PostgreSQL, one
// node and two, are in postgres-nodes.mjs.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  cannon,
  codesFor,
  refreshRequest,
  refreshTokensFor,
  returningCodes,
  startLogins,
  tokenRequest,
} from './login-load.mjs';
import { cpuMeter } from './cpu.mjs';
import { awaitDelivery } from './delivery.mjs';
import { startMailSink } from './mail-sink.mjs';
import {
  measureStartup,
  ROOT,
  rssOf,
  startFastifyCeiling,
  startOurServer,
  stopChild,
  writeTenant,
} from './our-server.mjs';

const serverRequire = createRequire(join(ROOT, 'packages/server/package.json'));

/**
 * @param {{ seconds: number, codes: number, connections: number, joseSeconds: number, startups: number }} options
 */
export async function measureServer({ seconds, codes, connections, joseSeconds, startups }) {
  const dir = await mkdtemp(join(tmpdir(), 'pl-bench-'));
  const children = [];
  try {
    // Both servers run side by side (the idle one costs nothing); each endpoint is measured
    // right after its ceiling, so drift in the machine's load hits both alike.
    const bare = await startFastifyCeiling();
    children.push(bare);
    const warmup = Math.max(1, Math.round(seconds / 5));
    const run = (opts) =>
      cannon({ connections, ...('amount' in opts ? {} : { duration: seconds }), ...opts });
    await run({ url: `${bare.url}/get`, duration: warmup });

    const configFile = await writeTenant(dir);
    const startup = await measureStartup({ configFile, dir, times: startups });
    const sink = await startMailSink();
    children.push(sink);
    const ours = await startOurServer({
      configFile,
      dataDir: join(dir, 'data'),
      smtpUrl: sink.smtpUrl,
    });
    children.push(ours);
    const base = ours.url;
    const rssStart = await rssOf(ours.child.pid);

    // Warm-up, then /passwordless/start with a new address each request: answered once the mail
    // is queued; the row counts only if every accepted start's mail then reaches the sink.
    await run({ url: base, requests: [startLogins('warm').request], duration: warmup });
    // Each run's CPU per request, by process (cpu.mjs); a start's counts until its mail is at
    // the sink, since sending it is part of its cost.
    const pids = { server: ours.child.pid, sink: sink.child.pid };
    const metered = async (options, { server = pids, until } = {}) => {
      const stop = await cpuMeter(server);
      const result = await run(options);
      const extra = until ? await until(result) : {};
      return { ...result, ...extra, cpu: await stop(result.accepted) };
    };
    const barePost = await metered(
      {
        url: `${bare.url}/post`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: 'bench', connection: 'email', email: 'a@bench.test' }),
      },
      { server: { server: bare.child.pid } },
    );
    const logins = startLogins('start');
    const start = await metered(
      { url: base, requests: [logins.request] },
      { until: async () => ({ delivery: await awaitDelivery(sink.url, logins.accepted) }) },
    );
    const { delivery } = start;

    const issued = await codesFor(base, logins.emails, {
      count: codes,
      prefix: 'token',
      connections,
      seconds,
      inbox: sink.url,
    });
    const jose = await joseCeiling(joseSeconds);
    // First logins (each code's address is new: the token request creates the user), then the
    // same users logging in again with new codes.
    const token = await metered({
      url: base,
      requests: [tokenRequest(issued)],
      amount: issued.length,
    });
    const again = await returningCodes(base, issued, { connections, inbox: sink.url });
    const tokenReturning = await metered({
      url: base,
      requests: [tokenRequest(again)],
      amount: again.length,
    });
    // One refresh-token family per connection, each refreshed in turn for the run's duration.
    const families = await refreshTokensFor(base, connections, {
      prefix: 'refresh',
      seconds,
      inbox: sink.url,
    });
    const refresh = await metered({ url: base, requests: [refreshRequest(families)] });

    await run({ url: `${base}/.well-known/jwks.json`, duration: warmup });
    const bareGet = await run({ url: `${bare.url}/get` });
    const jwks = await run({ url: `${base}/.well-known/jwks.json` });
    const rss = await rssOf(ours.child.pid);
    const bareRss = await rssOf(bare.child.pid);

    const ratio = (a, b) => (b ? Math.round((a / b) * 100) / 100 : null);
    return {
      connections,
      seconds,
      cores: availableParallelism(),
      ceilings: { fastifyGet: bareGet, fastifyPost: barePost, fastifyRss: bareRss, jose },
      start: {
        ...start,
        ceiling: 'fastifyPost',
        // Accepted starts only, and none if a mail went missing: a start is worth its mail.
        acceptedRps: Math.round(start.accepted / start.durationS),
        ratio: delivery.valid ? ratio(start.accepted / start.durationS, barePost.rps) : null,
      },
      token: {
        ...token,
        codes: issued.length,
        ceiling: 'jose',
        ratio: ratio(token.rps, jose.opsPerSecond),
      },
      tokenReturning: {
        ...tokenReturning,
        codes: again.length,
        ceiling: 'jose',
        ratio: ratio(tokenReturning.rps, jose.opsPerSecond),
      },
      refresh: { ...refresh, ceiling: 'jose', ratio: ratio(refresh.rps, jose.opsPerSecond) },
      jwks: { ...jwks, ceiling: 'fastifyGet', ratio: ratio(jwks.rps, bareGet.rps) },
      rss: { atStart: rssStart, afterRun: rss },
      startup,
    };
  } finally {
    for (const child of children) await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  }
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
  // Per second, and CPU per signature in ms on all threads (WebCrypto signs on libuv's pool).
  const loop = async (inFlight) => {
    let ops = 0;
    const end = performance.now() + (seconds * 1000) / 2;
    const cpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (performance.now() < end) {
          await sign();
          ops++;
        }
      }),
    );
    const { user, system } = process.cpuUsage(cpu);
    return { rps: Math.round(ops / (seconds / 2)), cpuMs: (user + system) / 1000 / ops };
  };
  await loop(1); // warm-up is the first half-second of work below; cheap enough to repeat
  const sequential = await loop(1);
  const concurrent = await loop(16);
  const best = concurrent.rps > sequential.rps ? concurrent : sequential;
  return {
    sequential: sequential.rps,
    concurrent: concurrent.rps,
    opsPerSecond: best.rps,
    cpuMsPerSign: Math.round(best.cpuMs * 1000) / 1000,
  };
}
