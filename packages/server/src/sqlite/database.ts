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
    // capped throughput at the disk's fsync rate. The one write whose loss would not heal
    // itself, a new user's `sub`, still commits with a full sync ({@link fullySynced}).
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#migrate();
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

  /** Runs `work` with its commits fsynced before they return (`synchronous = FULL`). */
  fullySynced<T>(work: () => T): T {
    this.#db.pragma('synchronous = FULL');
    try {
      return work();
    } finally {
      this.#db.pragma('synchronous = NORMAL');
    }
  }

  close(): void {
    if (this.#db.open) this.#db.close();
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
