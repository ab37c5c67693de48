import {
  oldestFirst,
  OUTBOX_ERROR_MAX_LENGTH,
  type NewOutboxMail,
  type OutboxMail,
  type OutboxStore,
} from '../store/outbox.js';
import { withoutNulls, type SqliteDatabase } from './database.js';

/** Queued mail in `mail_outbox`; ids come from AUTOINCREMENT, so they only grow. */
export class SqliteOutboxStore implements OutboxStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async enqueueMail(mail: NewOutboxMail): Promise<number> {
    return insertMail(this.#db, mail);
  }

  async claimDueMail(dueBy: number, leaseUntil: number, limit: number): Promise<OutboxMail[]> {
    // One statement, so one transaction that takes the write lock before it reads: a second
    // process claiming at the same moment waits for it (busy_timeout) and then sees the lease.
    const rows = this.#db
      .statement(
        `UPDATE mail_outbox SET next_attempt_at = @leaseUntil
         WHERE id IN (SELECT id FROM mail_outbox WHERE next_attempt_at <= @dueBy
                      ORDER BY id LIMIT @limit)
         RETURNING id, recipient AS "to", from_name AS fromName, from_address AS fromAddress,
                   subject, text, html, expires_at AS expiresAt,
                   next_attempt_at AS nextAttemptAt, attempts, last_error AS lastError`,
      )
      .all({ dueBy, leaseUntil, limit }) as OutboxMail[];
    return oldestFirst(rows.map(withoutNulls));
  }

  async removeMail(ids: readonly number[]): Promise<void> {
    this.#db
      .statement('DELETE FROM mail_outbox WHERE id IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(ids));
  }

  async rescheduleMail(id: number, nextAttemptAt: number, lastError: string): Promise<void> {
    this.#db
      .statement(
        `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
         WHERE id = ?`,
      )
      .run(nextAttemptAt, lastError.slice(0, OUTBOX_ERROR_MAX_LENGTH), id);
  }

  async releaseClaimedMail(
    ids: readonly number[],
    leaseUntil: number,
    dueAt: number,
  ): Promise<void> {
    this.#db
      .statement(
        `UPDATE mail_outbox SET next_attempt_at = @dueAt
         WHERE next_attempt_at = @leaseUntil AND id IN (SELECT value FROM json_each(@ids))`,
      )
      .run({ ids: JSON.stringify(ids), leaseUntil, dueAt });
  }

  async countMail(): Promise<number> {
    const row = this.#db.statement('SELECT count(*) AS count FROM mail_outbox').get() as {
      count: number;
    };
    return row.count;
  }
}

/**
 * Queues `mail`; `codeId` links it to the code it carries (start's transaction), so that a start
 * replacing the code can drop it. Returns its id.
 */
export function insertMail(db: SqliteDatabase, mail: NewOutboxMail, codeId?: string): number {
  const result = db
    .statement(
      `INSERT INTO mail_outbox
         (recipient, from_name, from_address, subject, text, html, expires_at, next_attempt_at,
          code_id)
       VALUES (@to, @fromName, @fromAddress, @subject, @text, @html, @expiresAt, @nextAttemptAt,
               @codeId)`,
    )
    .run({ ...mail, codeId: codeId ?? null });
  return Number(result.lastInsertRowid);
}
