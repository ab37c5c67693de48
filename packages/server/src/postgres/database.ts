import type pg from 'pg';
import { StoreUnavailableError } from '../store/unavailable.js';
import { MIGRATIONS } from './migrations.js';

/** Every node takes this session lock to migrate, so only one changes the schema at a time. */
const MIGRATION_LOCK = 0x706c_6d31; // "plm1"

/**
 * How long taking a connection from the pool may wait, a new connection's handshake included.
 * With the database gone a request fails after this, far inside the 30 s request timeout.
 */
export const CONNECT_TIMEOUT_MS = 5_000;
/** The longest one statement may run: PostgreSQL cancels it then (`statement_timeout`). */
export const STATEMENT_TIMEOUT_MS = 10_000;
/**
 * The client gives up a little later even without the server's answer: a database host that
 * stops answering (no reset, no refusal) must not hold a request until the request timeout.
 */
const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 2_000;

/** Network failures that say the database is not reachable right now. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs of a database that is going away, starting or overloaded, or of a statement cut by
 * {@link STATEMENT_TIMEOUT_MS}; class 08 (connection exceptions) is matched as a whole.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '57014', // query_canceled
  '53300', // too_many_connections
]);
/** node-postgres reports a lost connection and its own timeouts as Errors without a code. */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error)/;

/**
 * `error` as a {@link StoreUnavailableError} when it says the database cannot be used right now
 * (the caller answers 503 and the pool reconnects by itself later), else `error` unchanged.
 */
function unavailableOr(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof StoreUnavailableError) return error;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code))
  ) {
    return new StoreUnavailableError(code, error);
  }
  if (typeof code === 'string' && code.startsWith('08'))
    return new StoreUnavailableError(code, error);
  const lost = UNAVAILABLE_MESSAGES.exec(error.message);
  return lost ? new StoreUnavailableError(lost[1]!, error) : error;
}

/** `@name` in SQL text: the same named parameters the SQLite statements use. */
type Params = object;

/** The schema in the database is newer than this server knows: an older node must not run on it. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

// Times are epoch milliseconds in BIGINT columns; node-postgres hands BIGINT back as a string
// (it may exceed 2^53), but these stay far below that, so they come back as numbers.
function typesOf(types: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === types.builtins.INT8
        ? Number
        : types.getTypeParser(oid, format ?? 'text')) as typeof types.getTypeParser,
  };
}

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
    // Loaded here, not at import: a server on SQLite never pays for node-postgres (about 10 MiB).
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: url,
      types: typesOf(pg.types),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
    });
    // An idle connection the server drops emits 'error' on the pool; without a listener that
    // would crash the process. The pool replaces it, and the next query reports any outage.
    pool.on('error', () => {});
    // A checked-out connection lost between two statements of a transaction emits 'error' on
    // itself (the pool listens only while it is idle); its next statement reports the loss.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new PostgresDatabase(pool);
    try {
      await db.#migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return db;
  }

  /**
   * Runs one statement (atomic on its own) and returns its rows.
   * @throws StoreUnavailableError when the database cannot be used right now.
   */
  async query<R>(sql: string, params: Params = {}, client?: pg.PoolClient): Promise<R[]> {
    return (await this.#execute(sql, params, client)).rows as R[];
  }

  /** Rows the statement changed; throws as {@link query}. */
  async run(sql: string, params: Params = {}, client?: pg.PoolClient): Promise<number> {
    return (await this.#execute(sql, params, client)).rowCount ?? 0;
  }

  /**
   * Runs `work` on one connection as one transaction, rolled back if it throws.
   * @throws StoreUnavailableError when the database cannot be used right now.
   */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect().catch((error: unknown) => {
      throw unavailableOr(error);
    });
    let lost = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      const failure = unavailableOr(error);
      // A connection that failed this way goes, not back to the pool for the next request.
      lost = failure instanceof StoreUnavailableError;
      if (!lost) await client.query('ROLLBACK').catch(() => {});
      throw failure;
    } finally {
      client.release(lost);
    }
  }

  async #execute(sql: string, params: Params, client?: pg.PoolClient): Promise<pg.QueryResult> {
    const { text, names } = this.#statement(sql);
    try {
      return await (client ?? this.#pool).query(text, valuesOf(names, params));
    } catch (error) {
      throw unavailableOr(error);
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
