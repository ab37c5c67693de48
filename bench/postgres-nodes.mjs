// Server throughput on PostgreSQL: `/passwordless/start` and `/oauth/token` on one node, then on
// two nodes sharing one database, against the throwaway PostgreSQL 15 cluster the server's tests
// use (packages/server/test/postgres-cluster.ts, loaded through tsx).
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { awaitDelivery } from './delivery.mjs';
import { cannonAcross, codesFor, startLogins, tokenRequest } from './login-load.mjs';
import { startMailSink } from './mail-sink.mjs';
import { startOurServer, stopChild, writeTenant } from './our-server.mjs';

/** How many nodes each PostgreSQL run has, in order. */
const NODE_COUNTS = [1, 2];

/**
 * @param {{ seconds: number, codes: number, connections: number }} options the SQLite run's, so
 *   the rows compare: the same total connections and codes, split over the nodes
 */
export async function measurePostgresNodes({ seconds, codes, connections }) {
  const { startPostgresCluster, POSTGRES_BIN } = await tsImport(
    '../packages/server/test/postgres-cluster.ts',
    import.meta.url,
  );
  const { stdout } = await promisify(execFile)(join(POSTGRES_BIN, 'postgres'), ['--version']);
  const cluster = await startPostgresCluster();
  const dir = await mkdtemp(join(tmpdir(), 'pl-bench-pg-'));
  try {
    const configFile = await writeTenant(dir);
    const runs = [];
    for (const count of NODE_COUNTS) {
      runs.push(
        await measureNodes(count, { cluster, dir, configFile, seconds, codes, connections }),
      );
    }
    const version = /PostgreSQL\) (\S+)/.exec(stdout)?.[1] ?? stdout.trim();
    return { version, connections, seconds, runs };
  } finally {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `count` nodes on a new schema of the cluster, each with its own data dir. The first node
 * creates `server-secret`; the others start with a copy of it, as every node of a deployment
 * must (codes are HMACs keyed from it, queued mail is encrypted with it).
 */
async function measureNodes(count, { cluster, dir, configFile, seconds, codes, connections }) {
  const databaseUrl = await cluster.freshSchemaUrl();
  const nodes = [];
  // Every node mails to the one sink (another process), as the nodes of a deployment share one
  // SMTP relay.
  const sink = await startMailSink();
  try {
    for (let node = 0; node < count; node++) {
      const dataDir = join(dir, `${count}-nodes-${node}`);
      if (node > 0) {
        await mkdir(dataDir, { mode: 0o700 });
        await copyFile(join(nodes[0].dataDir, 'server-secret'), join(dataDir, 'server-secret'));
      }
      nodes.push({
        ...(await startOurServer({ configFile, dataDir, databaseUrl, smtpUrl: sink.smtpUrl })),
        dataDir,
      });
    }
    const urls = nodes.map((n) => n.url);
    const across = (optionsFor) => cannonAcross(urls, connections, optionsFor);
    const warmup = Math.max(1, Math.round(seconds / 5));

    await across((node) => ({ requests: [startLogins(`warm${node}-`).request], duration: warmup }));
    const logins = urls.map((_, node) => startLogins(`start${node}-`));
    const start = await across((node) => ({ requests: [logins[node].request], duration: seconds }));
    const delivery = await awaitDelivery(
      sink.url,
      logins.flatMap((login) => login.accepted),
    );

    // Each node redeems the codes the next node mailed, so with two nodes every login begins on
    // one and finishes on the other (with one node, its own). Every node gets as many codes as
    // the one with the fewest, so no node runs on alone at the end of the token run.
    const mailed = [];
    for (let node = 0; node < count; node++) {
      mailed.push(
        await codesFor(urls[node], logins[node].emails, {
          count: Math.ceil(codes / count),
          prefix: `token${node}-`,
          connections,
          seconds,
          inbox: sink.url,
        }),
      );
    }
    const each = Math.min(...mailed.map((codesOfNode) => codesOfNode.length));
    const redeems = (node) => mailed[(node + 1) % count].slice(0, each);
    const token = await across((node) => ({
      requests: [tokenRequest(redeems(node))],
      amount: each,
    }));
    return {
      nodes: count,
      start: { ...start, delivery },
      token: { ...token, codes: each * count },
    };
  } finally {
    for (const node of nodes) await stopChild(node);
    await stopChild(sink);
  }
}
