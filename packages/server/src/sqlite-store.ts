import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PRIVATE_FILE_MODE } from './private-files.js';
import type {
  AccessTokenRecord,
  AuthorizationCodeRecord,
  GuessBudget,
  GuessClaim,
  Hit,
  HitCount,
  HitResult,
  InboxMessage,
  LoginTicket,
  NewOutboxMail,
  OutboxMail,
  PendingCode,
  SlotClaim,
  Store,
  User,
} from './store.js';
import { MIGRATIONS } from './sqlite-migrations.js';
import { DEV_INBOX_MAX_MESSAGES } from './store.js';

const DATABASE_FILE = 'passwordless.sqlite';
/** The database and the files SQLite keeps beside it in WAL mode. */
export const DATABASE_FILES: readonly string[] = [
  DATABASE_FILE,
  `${DATABASE_FILE}-wal`,
  `${DATABASE_FILE}-shm`,
];

/** Tables whose rows carry `expires_at` and are deleted once it has passed. */
const EXPIRING_TABLES = [
  'rate_counters',
  'email_guards',
  'pending_codes',
  'access_tokens',
  'login_tickets',
  'authorization_codes',
  'mail_outbox',
] as const;

/** The guess budget of an email row at `@now`: what it held, plus what has refilled since. */
const BUDGET_NOW = 'MIN(@capacity, guesses + (@now - guesses_at) * 1.0 / @refillMs)';

const USER_COLUMNS = 'sub, email, created_at AS createdAt, updated_at AS updatedAt';

/** The embedded store: one SQLite file in the data dir, WAL journal, schema migrated on open. */
export class SqliteStore implements Store {
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
           (id, client_id, email, code_hash, salt, created_at, expires_at, attempts, max_attempts,
            link_params, nonce)
         VALUES (@id, @clientId, @email, @codeHash, @salt, @createdAt, @expiresAt, @attempts,
                 @maxAttempts, @linkParams, @nonce)
         ON CONFLICT (client_id, email) DO UPDATE SET
           id = excluded.id, code_hash = excluded.code_hash, salt = excluded.salt,
           created_at = excluded.created_at, expires_at = excluded.expires_at,
           attempts = excluded.attempts, max_attempts = excluded.max_attempts,
           link_params = excluded.link_params, nonce = excluded.nonce`,
    ).run({ ...code, linkParams: code.linkParams ?? null, nonce: code.nonce ?? null });
  }

  async findCode(clientId: string, email: string): Promise<PendingCode | undefined> {
    const row = this.#statement(
      `SELECT id, client_id AS clientId, email, code_hash AS codeHash, salt,
                created_at AS createdAt, expires_at AS expiresAt, attempts,
                max_attempts AS maxAttempts, link_params AS linkParams, nonce
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

  async takeHit(hit: Hit, limit: number): Promise<HitResult> {
    return this.#db.transaction((): HitResult => {
      const live = this.#liveHits(hit.key, hit.now);
      if (Number.isFinite(limit) && live.count >= limit) return { taken: false, ...live };
      this.#statement(
        `INSERT INTO rate_counters (key, slot, count, expires_at) VALUES (@key, @slot, 1, @expiresAt)
           ON CONFLICT (key, slot) DO UPDATE SET
             count = CASE WHEN expires_at > @now THEN count + 1 ELSE 1 END,
             expires_at = MAX(expires_at, excluded.expires_at)`,
      ).run(hit);
      const firstExpiry = Math.min(live.firstExpiry ?? hit.expiresAt, hit.expiresAt);
      return { taken: true, count: live.count + 1, firstExpiry };
    })();
  }

  async returnHit(key: string, slot: number): Promise<void> {
    this.#statement(
      'UPDATE rate_counters SET count = count - 1 WHERE key = ? AND slot = ? AND count > 0',
    ).run(key, slot);
  }

  async countHits(key: string, now: number): Promise<HitCount> {
    return this.#liveHits(key, now);
  }

  #liveHits(key: string, now: number): HitCount {
    const row = this.#statement(
      `SELECT COALESCE(SUM(count), 0) AS count, MIN(expires_at) AS firstExpiry
         FROM rate_counters WHERE key = ? AND expires_at > ?`,
    ).get(key, now) as HitCount;
    return withoutNulls(row);
  }

  async clearHits(key: string): Promise<void> {
    this.#statement('DELETE FROM rate_counters WHERE key = ?').run(key);
  }

  async claimCodeSlot(email: string, now: number, budget: GuessBudget): Promise<SlotClaim> {
    return this.#db.transaction((): SlotClaim => {
      const claimed = this.#statement(
        `INSERT INTO email_guards (email, guesses, guesses_at, last_code_at, expires_at)
           VALUES (@email, @capacity, @now, @now, @now + @keepMs)
           ON CONFLICT (email) DO UPDATE SET last_code_at = @now, expires_at = @now + @keepMs
             WHERE (last_code_at IS NULL OR last_code_at + @resendMs <= @now)
               AND ${BUDGET_NOW} >= 1
           RETURNING ${BUDGET_NOW} AS guesses`,
      ).get({ email, now, ...budget }) as { guesses: number } | undefined;
      if (claimed) return { claimed: true, guesses: Math.floor(claimed.guesses) };
      const guard = this.#guard(email);
      return {
        claimed: false,
        retryAt: Math.max(
          (guard.lastCodeAt ?? 0) + budget.resendMs,
          guard.guessesAt + (1 - guard.guesses) * budget.refillMs,
        ),
      };
    })();
  }

  async takeGuess(email: string, now: number, budget: GuessBudget): Promise<GuessClaim> {
    return this.#db.transaction((): GuessClaim => {
      const taken = this.#statement(
        `INSERT INTO email_guards (email, guesses, guesses_at, last_code_at, expires_at)
           VALUES (@email, @capacity - 1, @now, NULL, @now + @keepMs)
           ON CONFLICT (email) DO UPDATE SET
             guesses = ${BUDGET_NOW} - 1, guesses_at = @now, expires_at = @now + @keepMs
             WHERE ${BUDGET_NOW} >= 1
           RETURNING guesses`,
      ).get({ email, now, ...budget });
      if (taken) return { taken: true };
      const guard = this.#guard(email);
      return { taken: false, retryAt: guard.guessesAt + (1 - guard.guesses) * budget.refillMs };
    })();
  }

  async refillGuesses(email: string, now: number, budget: GuessBudget): Promise<void> {
    this.#statement(
      `UPDATE email_guards SET guesses = @capacity, guesses_at = @now, expires_at = @now + @keepMs
         WHERE email = @email`,
    ).run({ email, now, ...budget });
  }

  #guard(email: string): { guesses: number; guessesAt: number; lastCodeAt?: number } {
    const row = this.#statement(
      `SELECT guesses, guesses_at AS guessesAt, last_code_at AS lastCodeAt
         FROM email_guards WHERE email = ?`,
    ).get(email) as { guesses: number; guessesAt: number; lastCodeAt: number | null };
    return withoutNulls(row) as { guesses: number; guessesAt: number; lastCodeAt?: number };
  }

  async pruneExpired(now: number, batch: number): Promise<number> {
    let left = batch;
    for (const table of EXPIRING_TABLES) {
      if (left === 0) break;
      left -= this.#statement(
        `DELETE FROM ${table} WHERE rowid IN
           (SELECT rowid FROM ${table} WHERE expires_at <= ? LIMIT ?)`,
      ).run(now, left).changes;
    }
    return batch - left;
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
