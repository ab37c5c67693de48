import pg from 'pg';
import { MIGRATIONS } from './migrations.js';

/** Every node takes this session lock to migrate, so only one changes the schema at a time. */
const MIGRATION_LOCK = 0x706c_6d31; // "plm1"

/** `@name` in SQL text: the same named parameters the SQLite statements use. */
type Params = object;

/** The schema in the database is newer than this server knows: an older node must not run on it. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

// Times are epoch milliseconds in BIGINT columns; node-postgres hands BIGINT back as a string
// (it may exceed 2^53), but these stay far below that, so they come back as numbers.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? Number
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * A pool of connections to one PostgreSQL database, shared by every PostgreSQL contract
 * implementation. {@link PostgresDatabase.open} migrates the schema before anything uses it.
 */
export class PostgresDatabase {
  readonly #pool: pg.Pool;
  readonly #statements = new Map<string, { text: string; names: string[] }>();

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects and migrates; rejects when the database cannot be reached or is too new. */
  static async open(url: string): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString: url, types, connectionTimeoutMillis: 5_000 });
    // An idle connection the server drops emits 'error' on the pool; without a listener that
    // would crash the process. The pool replaces it, and the next query reports any outage.
    pool.on('error', () => {});
    const db = new PostgresDatabase(pool);
    try {
      await db.#migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return db;
  }

  /** Runs one statement (atomic on its own) and returns its rows. */
  async query<R>(sql: string, params: Params = {}, client?: pg.PoolClient): Promise<R[]> {
    const { text, names } = this.#statement(sql);
    const values = valuesOf(names, params);
    const result = await (client ?? this.#pool).query(text, values);
    return result.rows as R[];
  }

  /** Rows the statement changed. */
  async run(sql: string, params: Params = {}): Promise<number> {
    const { text, names } = this.#statement(sql);
    const result = await this.#pool.query(text, valuesOf(names, params));
    return result.rowCount ?? 0;
  }

  /** Runs `work` on one connection as one transaction, rolled back if it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }

  /** `@name` placeholders become `$1…`, once per SQL text. */
  #statement(sql: string): { text: string; names: string[] } {
    let statement = this.#statements.get(sql);
    if (!statement) {
      const names: string[] = [];
      const text = sql.replace(/@(\w+)/g, (_, name: string) => {
        if (!names.includes(name)) names.push(name);
        return `$${names.indexOf(name) + 1}`;
      });
      statement = { text, names };
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Applies the migrations this database lacks, each in its own transaction, recorded in
   * `schema_migrations`. Nodes starting together wait on the advisory lock, then find nothing
   * left to do.
   */
  async #migrate(): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version INTEGER PRIMARY KEY,
           applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM schema_migrations',
      );
      const version = rows[0]?.version ?? 0;
      if (version > MIGRATIONS.length) {
        throw new SchemaTooNewError(
          `the database schema is version ${version}, newer than this server knows (${MIGRATIONS.length}): upgrade this server`,
        );
      }
      for (let next = version; next < MIGRATIONS.length; next++) {
        await client.query('BEGIN');
        try {
          await client.query(MIGRATIONS[next]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [next + 1]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  }
}

/** The values of the named parameters, in `$n` order; an absent one is SQL NULL. */
function valuesOf(names: readonly string[], params: Params): unknown[] {
  return names.map((name) => (params as Record<string, unknown>)[name] ?? null);
}
