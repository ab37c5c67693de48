// The report's server parts: the summary line, our server against its ceilings, and SQLite
// beside PostgreSQL on one node and on two.
import { int, mib, table, times } from './report-format.mjs';

/** The endpoints measured on every store, in the order of the rows. */
const LOGIN_ENDPOINTS = [
  ['start', '`POST /passwordless/start`'],
  ['token', '`POST /oauth/token` (OTP grant)'],
];

const nodesName = (count) => `${count} node${count === 1 ? '' : 's'}`;

/** One line for the summary: each endpoint against its ceiling, then the PostgreSQL runs. */
export function serverSummary(server) {
  const line = (name, r) =>
    `${name} ${int(r.rps)}/s (p99 ${r.latencyMs.p99} ms` +
    (r.ratio == null ? ')' : `, ${Math.round(r.ratio * 100)}% of its ceiling)`);
  const refresh = server.refresh ? `${line('refresh grant', server.refresh)}, ` : '';
  const token = server.tokenReturning
    ? `${line('`/oauth/token` first login', server.token)}, ${line('returning user', server.tokenReturning)}, `
    : `${line('`/oauth/token`', server.token)}, `;
  let text =
    `Server: ${line('`/passwordless/start`', server.start)}, ${token}` +
    refresh +
    `${line('JWKS', server.jwks)}; ` +
    (server.startup
      ? `listening ${int(server.startup.ours.listenMs)} ms after process start, RSS ${mib(server.startup.ours.rss)} then, `
      : 'RSS ') +
    `${mib(server.rss.afterRun?.rss)} after the run.`;
  if (server.postgres) {
    const each = (key) =>
      server.postgres.runs
        .map((run) => `${int(run[key].rps)}/s on ${nodesName(run.nodes)}`)
        .join(', ');
    text += ` On PostgreSQL: \`/passwordless/start\` ${each('start')}; \`/oauth/token\` ${each('token')}.`;
  }
  return text;
}

/** Our server on SQLite against its ceilings, then beside PostgreSQL when that was measured. */
export function serverSection(server) {
  const { ceilings } = server;
  const row = (name, r, ceilingName, ceilingRps) => [
    name,
    int(r.rps),
    `${r.latencyMs.p50} ms`,
    `${r.latencyMs.p99} ms`,
    ceilingName,
    int(ceilingRps),
    r.ratio == null ? '' : `${Math.round(r.ratio * 100)}%`,
    `${r.non2xx + r.errors}`,
  ];
  return [
    '## Server',
    `autocannon on loopback, ${server.connections} connections, ${server.seconds} s per run after a warm-up; our server as a ` +
      `child process ${server.startup ? 'from its built package (`node packages/server/dist/cli.js`)' : 'from source'}, ` +
      `mailing over SMTP to a sink in another process (\`bench/mail-sink.mjs\`); ` +
      `start answers once its mail is queued, and its row counts only if every accepted start's mail then reached ` +
      `the sink, once (its ratio is accepted starts per second). ` +
      `\`/passwordless/start\` uses a new address per request; \`/oauth/token\` spends ${server.token.codes} codes issued ` +
      `beforehand, one request each` +
      (server.tokenReturning
        ? ` (each code's address is new, so each request creates its user: first logins), then ` +
          `${server.tokenReturning.codes} new codes for the same users (returning users)`
        : '') +
      (server.refresh
        ? `; the refresh grant rotates ${server.connections} refresh-token families (as many as connections), ` +
          `each request spending a token no other holds and giving back the one its answer rotated in`
        : '') +
      `. Ceilings from the same run: a bare Fastify app (GET and POST routes answering \`{}\`) ` +
      `and jose \`SignJWT\` RS256 (best of sequential ${int(ceilings.jose.sequential)}/s and 16 in flight ${int(ceilings.jose.concurrent)}/s).`,
    table(
      ['Endpoint', 'req/s', 'p50', 'p99', 'ceiling', 'ceiling /s', 'of ceiling', 'non-2xx'],
      [
        row(
          '`POST /passwordless/start`',
          server.start,
          'bare Fastify POST',
          ceilings.fastifyPost.rps,
        ),
        row(
          server.tokenReturning
            ? '`POST /oauth/token` (OTP grant, first login)'
            : '`POST /oauth/token` (OTP grant)',
          server.token,
          'jose RS256 sign',
          ceilings.jose.opsPerSecond,
        ),
        ...(server.tokenReturning
          ? [
              row(
                '`POST /oauth/token` (OTP grant, returning user)',
                server.tokenReturning,
                'jose RS256 sign',
                ceilings.jose.opsPerSecond,
              ),
            ]
          : []),
        ...(server.refresh
          ? [
              row(
                '`POST /oauth/token` (refresh grant)',
                server.refresh,
                'jose RS256 sign',
                ceilings.jose.opsPerSecond,
              ),
            ]
          : []),
        row(
          '`GET /.well-known/jwks.json`',
          server.jwks,
          'bare Fastify GET',
          ceilings.fastifyGet.rps,
        ),
        row('bare Fastify `GET {}`', ceilings.fastifyGet, '', null),
        row('bare Fastify `POST {}`', ceilings.fastifyPost, '', null),
      ],
    ),
    startDelivery(server.start),
    ...(server.start.cpu ? [cpuSection(server)] : []),
    `Server RSS: ${mib(server.rss.atStart?.rss)} after start, ${mib(server.rss.afterRun?.rss)} after the run ` +
      `(peak ${mib(server.rss.afterRun?.peak)}); the bare Fastify process: ${mib(ceilings.fastifyRss?.rss)}.`,
    ...(server.startup ? [startupSection(server.startup)] : []),
    ...(server.postgres ? [postgresSection(server)] : []),
  ].join('\n\n');
}

/** The start row's delivery check: accepted starts against mails the sink received. */
function startDelivery(start) {
  const { delivery } = start;
  if (!delivery) return '`/passwordless/start`: delivery not checked.';
  const verdict = delivery.valid
    ? 'every one arrived, once'
    : `**invalid row**: ${delivery.accepted - delivery.delivered} missing, ${delivery.twice} sent twice`;
  return (
    `\`/passwordless/start\` mail: ${int(delivery.accepted)} starts accepted (${int(start.acceptedRps)}/s), ` +
    `${int(delivery.delivered)} of their mails at the sink ${(delivery.drainMs / 1000).toFixed(1)} s after the run: ${verdict}.`
  );
}

/**
 * CPU per request of each run, by process: what bounds a rate when every process of the run
 * shares the machine's cores (the start's includes sending its mail, until it reached the sink).
 */
function cpuSection(server) {
  const { ceilings, cores } = server;
  const ms = (x) => (x == null ? '–' : `${x.toFixed(3)} ms`);
  const row = (name, cpu) => [
    name,
    ms(cpu.serverMain),
    ms(cpu.serverOther),
    ms(cpu.sink),
    ms(cpu.loadGenerator),
    ms(cpu.total),
    `${int((cores * 1000) / cpu.total)}/s`,
  ];
  const runs = [
    ['bare Fastify `POST {}`', ceilings.fastifyPost],
    ['`POST /passwordless/start`, with its mail sent', server.start],
    ['`POST /oauth/token` (first login)', server.token],
    ['`POST /oauth/token` (returning user)', server.tokenReturning],
    ['`POST /oauth/token` (refresh grant)', server.refresh],
  ].filter(([, run]) => run?.cpu);
  return [
    '### Where the CPU goes',
    `CPU time per request of each run above, from Linux's per-thread accounting (\`/proc/<pid>/task/*/stat\`, ` +
      `10 ms ticks over thousands of requests): the server's main thread (the event loop), its other threads ` +
      `(libuv's pool: signing, file syncs; V8's: GC, compiling), the mail sink, and autocannon with the bench's ` +
      `own code. All share the machine's ${cores} cores, so ${cores} × 1000 ms over the total bounds the rate. ` +
      `jose RS256 takes ${ms(ceilings.jose.cpuMsPerSign)} of CPU per signature in the ceiling's best loop.`,
    table(
      [
        'Run',
        'server main thread',
        'server, other threads',
        'mail sink',
        'load generator',
        'total',
        `bound on ${cores} cores`,
      ],
      runs.map(([name, run]) => row(name, run.cpu)),
    ),
  ].join('\n\n');
}

/** Fresh processes, one after the other: from spawn to the "listening" line, and RSS right then. */
function startupSection({ ours, bare }) {
  const ms = (x) => `${int(x)} ms`;
  const each = (samples, key, format) => samples.map((s) => format(s[key])).join(', ');
  return table(
    ['Fresh process', 'to listening (median)', 'RSS then (median)', 'vs bare Fastify', 'samples'],
    [
      [
        'our server (`dist/cli.js --dev`, new data dir)',
        ms(ours.listenMs),
        mib(ours.rss),
        `${times(ours.listenMs / bare.listenMs)} / ${times(ours.rss / bare.rss)}`,
        each(ours.samples, 'listenMs', ms),
      ],
      ['bare Fastify', ms(bare.listenMs), mib(bare.rss), '', each(bare.samples, 'listenMs', ms)],
    ],
  );
}

/**
 * SQLite (the rows above) beside PostgreSQL on one node and on two: req/s, latency, the ratio to
 * SQLite, and with several nodes each node's share of the load.
 */
function postgresSection(server) {
  const { postgres } = server;
  const setups = [
    ['SQLite, 1 node', { nodes: 1, start: server.start, token: server.token }],
    ...postgres.runs.map((run) => [`PostgreSQL, ${nodesName(run.nodes)}`, run]),
  ];
  const rows = LOGIN_ENDPOINTS.flatMap(([key, endpoint]) =>
    setups.map(([name, run], i) => {
      const r = run[key];
      return [
        i === 0 ? endpoint : '',
        name,
        int(r.rps),
        `${r.latencyMs.p50} ms`,
        `${r.latencyMs.p99} ms`,
        i === 0 ? '' : times(r.rps / server[key].rps),
        r.nodes?.length > 1 ? r.nodes.map((node) => int(node.rps)).join(' + ') : '',
        `${r.non2xx + r.errors}`,
      ];
    }),
  );
  const several = postgres.runs.find((run) => run.nodes > 1);
  const split = several?.start.nodes.map((node) => node.connections).join(' + ');
  return [
    '### SQLite beside PostgreSQL, one node and two',
    `PostgreSQL ${postgres.version}: the throwaway cluster of the server's tests (\`startPostgresCluster()\`: loopback, ` +
      `\`fsync=off\`), on the same cores as the nodes and autocannon. With \`fsync=off\` no commit waits for the disk, ` +
      `while SQLite syncs every new user before its token, and each token request here makes a new user: the token ` +
      `rows favour PostgreSQL. Each setup runs on a new schema; a node is ` +
      `the CLI with \`DATABASE_URL\` and its own data dir, a second node starting with a copy of the first's ` +
      `\`server-secret\`. The load is the SQLite run's: ${postgres.connections} connections in all, ` +
      `${postgres.seconds} s of \`/passwordless/start\`, then one token request per code.` +
      (several
        ? ` With ${nodesName(several.nodes)}, one autocannon per node, started together, the connections ` +
          `split ${split}; req/s is all requests over the longest run (each node's in "per node"), p50 and ` +
          `p99 over every request, and each token request redeems a code another node mailed.`
        : ''),
    table(
      ['Endpoint', 'store', 'req/s', 'p50', 'p99', 'vs SQLite', 'per node', 'non-2xx'],
      rows,
      2,
    ),
    'Start mail at the sink (accepted starts → mails delivered): ' +
      postgres.runs
        .map(({ nodes, start: { delivery } }) =>
          delivery
            ? `${nodesName(nodes)} ${int(delivery.accepted)} → ${int(delivery.delivered)}` +
              (delivery.valid ? '' : ' (**invalid**)')
            : `${nodesName(nodes)} not checked`,
        )
        .join('; ') +
      '.',
  ].join('\n\n');
}
