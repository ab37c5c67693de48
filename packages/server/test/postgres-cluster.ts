import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Where Debian's `postgresql` package (15) puts the server; CI installs it (.ci/run). */
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';
export const NO_POSTGRES_MESSAGE = `PostgreSQL 15 is not installed (${POSTGRES_BIN}/initdb is missing): apt-get install -y postgresql`;

/** A throwaway PostgreSQL server: its own data dir, trust auth, a free loopback port. */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /**
   * The URL of a new, empty schema: a fresh database for each test at a fraction of the cost
   * of CREATE DATABASE (every connection to it sets `search_path`).
   */
  freshSchemaUrl(): Promise<string>;
  /** Shuts the server down as an operator would (`pg_ctl stop -m fast`), keeping its files. */
  shutDown(): Promise<void>;
  /** Starts the server again after {@link shutDown}: same data dir, same port, same URL. */
  startAgain(): Promise<void>;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
}

/**
 * Starts a cluster for one test file. PostgreSQL refuses to run as root, so as root it runs as
 * the `postgres` user. Fails (never skips) without the binaries: CI must run these tests.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  try {
    await fs.access(path.join(POSTGRES_BIN, 'initdb'));
  } catch {
    throw new Error(NO_POSTGRES_MESSAGE);
  }
  const asRoot = process.getuid?.() === 0;
  const runAsOwner = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(POSTGRES_BIN, command), ...args])
      : run(path.join(POSTGRES_BIN, command), args);

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-postgres-'));
  const data = path.join(dir, 'data');
  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: group } = await run('id', ['-g', 'postgres']);
      await fs.chown(dir, Number(stdout), Number(group));
    }
    await runAsOwner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    const port = await freePort();
    // fsync off: a test cluster is thrown away, and syncing would only slow every commit.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    const start = () =>
      runAsOwner('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
    await start();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let schemas = 0;
    return {
      url,
      async freshSchemaUrl() {
        const schema = `test_${++schemas}`;
        const client = new pg.Client(url);
        await client.connect();
        try {
          await client.query(`CREATE SCHEMA ${schema}`);
        } finally {
          await client.end();
        }
        return `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      },
      async shutDown() {
        await runAsOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      },
      async startAgain() {
        await start();
      },
      async stop() {
        await runAsOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await runAsOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
