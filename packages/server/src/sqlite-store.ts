import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  AccessTokenRecord,
  AuthorizationCodeRecord,
  EventCount,
  InboxMessage,
  LoginTicket,
  NewOutboxMail,
  OutboxMail,
  PendingCode,
  Store,
  User,
} from './store.js';
import { DEV_INBOX_MAX_MESSAGES } from './store.js';

const DATABASE_FILE = 'passwordless.sqlite';

// Each entry upgrades the schema by one version (PRAGMA user_version); append, never edit.
const MIGRATIONS = [
  `CREATE TABLE users (
     sub TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE pending_codes (
     id TEXT PRIMARY KEY,
     client_id TEXT NOT NULL,
     email TEXT NOT NULL,
     code_hash BLOB NOT NULL,
     salt BLOB NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     nonce TEXT,
     UNIQUE (client_id, email)
   );
   CREATE TABLE access_tokens (
     token_hash TEXT PRIMARY KEY,
     sub TEXT NOT NULL,
     client_id TEXT NOT NULL,
     scope TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE TABLE rate_events (key TEXT NOT NULL, at INTEGER NOT NULL);
   CREATE INDEX rate_events_key_at ON rate_events (key, at);
   CREATE TABLE dev_inbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     recipient TEXT NOT NULL,
     sender TEXT NOT NULL,
     subject TEXT NOT NULL,
     text TEXT NOT NULL,
     html TEXT NOT NULL,
     date TEXT NOT NULL
   );
   CREATE INDEX dev_inbox_recipient ON dev_inbox (recipient COLLATE NOCASE);`,
  `CREATE TABLE login_tickets (
     ticket_hash TEXT PRIMARY KEY,
     client_id TEXT NOT NULL,
     sub TEXT NOT NULL,
     origin TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE TABLE authorization_codes (
     code_hash TEXT PRIMARY KEY,
     client_id TEXT NOT NULL,
     sub TEXT NOT NULL,
     redirect_uri TEXT NOT NULL,
     scope TEXT NOT NULL,
     audience TEXT,
     nonce TEXT,
     code_challenge TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE TABLE mail_outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     recipient TEXT NOT NULL,
     from_name TEXT NOT NULL,
     from_address TEXT NOT NULL,
     subject TEXT NOT NULL,
     text TEXT NOT NULL,
     html TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     next_attempt_at INTEGER NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT
   );
   CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
   ALTER TABLE access_tokens ADD COLUMN audience TEXT;`,
];

const USER_COLUMNS = 'sub, email, created_at AS createdAt, updated_at AS updatedAt';

/** The embedded store: one SQLite file in the data dir, WAL journal, schema migrated on open. */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  /** Opens (creating if needed) `<dataDir>/passwordless.sqlite`, or `:memory:`. */
  constructor(dataDirOrMemory: string) {
    const file =
      dataDirOrMemory === ':memory:' ? ':memory:' : path.join(dataDirOrMemory, DATABASE_FILE);
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    // NORMAL: in WAL mode a commit is in the WAL file (the OS's page cache) before it returns,
    // so a killed process loses nothing; only a power cut or kernel crash can lose the last
    // commits since a checkpoint (never corrupting the file). FULL fsyncs every commit, and since
    // better-sqlite3 is synchronous, each fsync stalls the whole event loop: 3–4 per login
    // capped throughput at the disk's fsync rate. The one write whose loss would not heal
    // itself, a new user's `sub`, still commits with a full sync (upsertUserOnLogin).
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#migrate();
  }

  /** Prepared once per SQL text: preparing costs more than running most of these statements. */
  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #migrate(): void {
    const version = this.#db.pragma('user_version', { simple: true }) as number;
    for (let next = version; next < MIGRATIONS.length; next++) {
      this.#db.transaction(() => {
        this.#db.exec(MIGRATIONS[next]!);
        this.#db.pragma(`user_version = ${next + 1}`);
      })();
    }
  }

  async saveCode(code: PendingCode): Promise<void> {
    this.#statement(
      `INSERT INTO pending_codes
           (id, client_id, email, code_hash, salt, created_at, expires_at, attempts, nonce)
         VALUES (@id, @clientId, @email, @codeHash, @salt, @createdAt, @expiresAt, @attempts, @nonce)
         ON CONFLICT (client_id, email) DO UPDATE SET
           id = excluded.id, code_hash = excluded.code_hash, salt = excluded.salt,
           created_at = excluded.created_at, expires_at = excluded.expires_at,
           attempts = excluded.attempts, nonce = excluded.nonce`,
    ).run({ ...code, nonce: code.nonce ?? null });
  }

  async findCode(clientId: string, email: string): Promise<PendingCode | undefined> {
    const row = this.#statement(
      `SELECT id, client_id AS clientId, email, code_hash AS codeHash, salt,
                created_at AS createdAt, expires_at AS expiresAt, attempts, nonce
         FROM pending_codes WHERE client_id = ? AND email = ?`,
    ).get(clientId, email) as PendingCode | undefined;
    return row && withoutNulls(row);
  }

  async addFailedAttempt(codeId: string): Promise<number> {
    const row = this.#statement(
      'UPDATE pending_codes SET attempts = attempts + 1 WHERE id = ? RETURNING attempts',
    ).get(codeId) as { attempts: number } | undefined;
    return row?.attempts ?? Number.POSITIVE_INFINITY;
  }

  async consumeCode(codeId: string): Promise<boolean> {
    return this.#statement('DELETE FROM pending_codes WHERE id = ?').run(codeId).changes === 1;
  }

  async upsertUserOnLogin(email: string, newSub: string, at: number): Promise<User> {
    // A first login's id_token carries the new `sub`; losing that row to a power cut would give
    // the same person another `sub` next time, so creating a user is synced to disk.
    const isNew = this.#statement('SELECT 1 FROM users WHERE email = ?').get(email) === undefined;
    if (isNew) this.#db.pragma('synchronous = FULL');
    try {
      return this.#statement(
        `INSERT INTO users (sub, email, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (email) DO UPDATE SET updated_at = excluded.updated_at
         RETURNING ${USER_COLUMNS}`,
      ).get(newSub, email, at, at) as User;
    } finally {
      if (isNew) this.#db.pragma('synchronous = NORMAL');
    }
  }

  async findUser(sub: string): Promise<User | undefined> {
    return this.#statement(`SELECT ${USER_COLUMNS} FROM users WHERE sub = ?`).get(sub) as
      User | undefined;
  }

  async saveAccessToken(token: AccessTokenRecord): Promise<void> {
    this.#statement(
      `INSERT INTO access_tokens (token_hash, sub, client_id, scope, audience, expires_at)
         VALUES (@tokenHash, @sub, @clientId, @scope, @audience, @expiresAt)`,
    ).run({ ...token, audience: token.audience ?? null });
  }

  async findAccessToken(tokenHash: string): Promise<AccessTokenRecord | undefined> {
    const row = this.#statement(
      `SELECT token_hash AS tokenHash, sub, client_id AS clientId, scope, audience,
                expires_at AS expiresAt
         FROM access_tokens WHERE token_hash = ?`,
    ).get(tokenHash) as AccessTokenRecord | undefined;
    return row && withoutNulls(row);
  }

  async recordEvent(key: string, at: number): Promise<void> {
    this.#statement('INSERT INTO rate_events (key, at) VALUES (?, ?)').run(key, at);
  }

  async countEvents(key: string, since: number): Promise<EventCount> {
    const row = this.#statement(
      'SELECT COUNT(*) AS count, MIN(at) AS oldest, MAX(at) AS newest FROM rate_events WHERE key = ? AND at > ?',
    ).get(key, since) as EventCount;
    return withoutNulls(row);
  }

  async clearEvents(key: string): Promise<void> {
    this.#statement('DELETE FROM rate_events WHERE key = ?').run(key);
  }

  async prune(eventsBefore: number, now: number): Promise<void> {
    this.#statement('DELETE FROM rate_events WHERE at < ?').run(eventsBefore);
    this.#statement('DELETE FROM pending_codes WHERE expires_at < ?').run(now);
    this.#statement('DELETE FROM access_tokens WHERE expires_at < ?').run(now);
    this.#statement('DELETE FROM login_tickets WHERE expires_at < ?').run(now);
    this.#statement('DELETE FROM authorization_codes WHERE expires_at < ?').run(now);
    this.#statement('DELETE FROM mail_outbox WHERE expires_at < ?').run(now);
  }

  async saveLoginTicket(ticket: LoginTicket): Promise<void> {
    this.#statement(
      `INSERT INTO login_tickets (ticket_hash, client_id, sub, origin, expires_at)
         VALUES (@ticketHash, @clientId, @sub, @origin, @expiresAt)`,
    ).run(ticket);
  }

  async consumeLoginTicket(ticketHash: string): Promise<LoginTicket | undefined> {
    return this.#statement(
      `DELETE FROM login_tickets WHERE ticket_hash = ?
         RETURNING ticket_hash AS ticketHash, client_id AS clientId, sub, origin,
                   expires_at AS expiresAt`,
    ).get(ticketHash) as LoginTicket | undefined;
  }

  async saveAuthorizationCode(code: AuthorizationCodeRecord): Promise<void> {
    this.#statement(
      `INSERT INTO authorization_codes
           (code_hash, client_id, sub, redirect_uri, scope, audience, nonce, code_challenge, expires_at)
         VALUES (@codeHash, @clientId, @sub, @redirectUri, @scope, @audience, @nonce,
                 @codeChallenge, @expiresAt)`,
    ).run({ ...code, audience: code.audience ?? null, nonce: code.nonce ?? null });
  }

  async consumeAuthorizationCode(codeHash: string): Promise<AuthorizationCodeRecord | undefined> {
    const row = this.#statement(
      `DELETE FROM authorization_codes WHERE code_hash = ?
         RETURNING code_hash AS codeHash, client_id AS clientId, sub, redirect_uri AS redirectUri,
                   scope, audience, nonce, code_challenge AS codeChallenge, expires_at AS expiresAt`,
    ).get(codeHash) as (AuthorizationCodeRecord & { audience: null; nonce: null }) | undefined;
    return row && withoutNulls(row);
  }

  async enqueueMail(mail: NewOutboxMail): Promise<number> {
    const result = this.#statement(
      `INSERT INTO mail_outbox
           (recipient, from_name, from_address, subject, text, html, expires_at, next_attempt_at)
         VALUES (@to, @fromName, @fromAddress, @subject, @text, @html, @expiresAt, @nextAttemptAt)`,
    ).run(mail);
    return Number(result.lastInsertRowid);
  }

  async listDueMail(now: number, limit: number): Promise<OutboxMail[]> {
    const rows = this.#statement(
      `SELECT id, recipient AS "to", from_name AS fromName, from_address AS fromAddress, subject,
                text, html, expires_at AS expiresAt, next_attempt_at AS nextAttemptAt, attempts,
                last_error AS lastError
         FROM mail_outbox WHERE next_attempt_at <= ? ORDER BY id LIMIT ?`,
    ).all(Number.isFinite(now) ? now : Number.MAX_SAFE_INTEGER, limit) as OutboxMail[];
    return rows.map(withoutNulls);
  }

  async removeMail(id: number): Promise<void> {
    this.#statement('DELETE FROM mail_outbox WHERE id = ?').run(id);
  }

  async rescheduleMail(id: number, nextAttemptAt: number, lastError: string): Promise<void> {
    this.#statement(
      `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
         WHERE id = ?`,
    ).run(nextAttemptAt, lastError.slice(0, 1000), id);
  }

  async addInboxMessage(message: InboxMessage): Promise<void> {
    this.#db.transaction(() => {
      this.#statement(
        `INSERT INTO dev_inbox (recipient, sender, subject, text, html, date)
           VALUES (@to, @from, @subject, @text, @html, @date)`,
      ).run(message);
      this.#statement(
        `DELETE FROM dev_inbox
           WHERE id <= (SELECT id FROM dev_inbox ORDER BY id DESC LIMIT 1 OFFSET ?)`,
      ).run(DEV_INBOX_MAX_MESSAGES);
    })();
  }

  async listInboxMessages(to?: string): Promise<InboxMessage[]> {
    const columns = 'recipient AS "to", sender AS "from", subject, text, html, date';
    const rows =
      to === undefined
        ? this.#statement(`SELECT ${columns} FROM dev_inbox ORDER BY id DESC LIMIT 200`).all()
        : this.#statement(
            `SELECT ${columns} FROM dev_inbox WHERE recipient = ? COLLATE NOCASE ORDER BY id DESC LIMIT 200`,
          ).all(to);
    return rows as InboxMessage[];
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/** SQL NULL columns become absent optional properties. */
function withoutNulls<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;
}
