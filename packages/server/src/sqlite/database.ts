import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PRIVATE_FILE_MODE } from '../private-files.js';
import { MIGRATIONS } from './migrations.js';

const DATABASE_FILE = 'passwordless.sqlite';
/** The database and the files SQLite keeps beside it in WAL mode. */
export const DATABASE_FILES: readonly string[] = [
  DATABASE_FILE,
  `${DATABASE_FILE}-wal`,
  `${DATABASE_FILE}-shm`,
];

/**
 * One connection to the embedded database, shared by every SQLite contract implementation:
 * one SQLite file in the data dir, WAL journal, schema migrated on open.
 */
export class SqliteDatabase {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  /** The WAL file, read-only: syncing it makes every commit in it durable ({@link durable}). */
  #walFd: number | undefined;
  #syncing: Promise<void> | undefined;
  #nextSync: Promise<void> | undefined;

  /** Opens (creating if needed) `<dataDir>/passwordless.sqlite`, or `:memory:`. */
  constructor(dataDirOrMemory: string) {
    const file =
      dataDirOrMemory === ':memory:' ? ':memory:' : path.join(dataDirOrMemory, DATABASE_FILE);
    // SQLite creates its -wal and -shm files with the database file's mode, so a database file
    // created private (not 0644 under the usual umask) keeps all three private.
    if (file !== ':memory:') fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    // NORMAL: in WAL mode a commit is in the WAL file (the OS's page cache) before it returns,
    // so a killed process loses nothing; only a power cut or kernel crash can lose the last
    // commits since a checkpoint (never corrupting the file). FULL fsyncs every commit, and since
    // better-sqlite3 is synchronous, each fsync stalls the whole event loop: 3–4 per login
    // capped throughput at the disk's fsync rate. The writes whose loss would not heal
    // themselves (a new user's `sub`, an operator's block or delete) wait for {@link durable}.
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#migrate();
    if (file !== ':memory:') this.#walFd = fs.openSync(`${file}-wal`, 'r');
  }

  /**
   * Resolves once every commit made before the call is on disk: the WAL file is fdatasync'ed on
   * libuv's thread pool, so the event loop never waits for the disk, and the commits of
   * concurrent requests share one sync (group commit). A commit a checkpoint has already moved
   * into the database file is durable too: with `synchronous = NORMAL` SQLite syncs the WAL
   * before a checkpoint and the database file before it starts the WAL over.
   */
  durable(): Promise<void> {
    if (this.#walFd === undefined) return Promise.resolve();
    if (!this.#syncing) {
      this.#syncing = this.#syncWal().finally(() => (this.#syncing = undefined));
      return this.#syncing;
    }
    // The sync in flight may have started before this commit: the next one covers it.
    this.#nextSync ??= this.#syncing
      .catch(() => {})
      .then(() => {
        this.#nextSync = undefined;
        return this.durable();
      });
    return this.#nextSync;
  }

  /** Prepared once per SQL text: preparing costs more than running most of these statements. */
  statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` as one transaction: what it reads cannot change before what it writes. */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  /**
   * {@link transaction} begun with `BEGIN IMMEDIATE`: it holds the write lock from its first
   * read, so another connection cannot commit in between (a deferred one that reads first would
   * fail with SQLITE_BUSY when it came to write).
   */
  writeTransaction<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }

  close(): void {
    if (this.#db.open) this.#db.close();
    const fd = this.#walFd;
    this.#walFd = undefined;
    // Not under a sync in flight: the descriptor could be reused by then.
    if (fd !== undefined) void (this.#syncing ?? Promise.resolve()).finally(() => fs.closeSync(fd));
  }

  #syncWal(): Promise<void> {
    const fd = this.#walFd;
    if (fd === undefined) return Promise.reject(new Error('The database is closed.'));
    return new Promise((resolve, reject) => {
      fs.fdatasync(fd, (error) => (error ? reject(error) : resolve()));
    });
  }

  #migrate(): void {
    const version = this.#db.pragma('user_version', { simple: true }) as number;
    for (let next = version; next < MIGRATIONS.length; next++) {
      this.transaction(() => {
        this.#db.exec(MIGRATIONS[next]!);
        this.#db.pragma(`user_version = ${next + 1}`);
      });
    }
  }
}

export { withoutNulls } from '../store/record-tables.js';
