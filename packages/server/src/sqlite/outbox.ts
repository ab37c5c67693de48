import {
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
    const result = this.#db
      .statement(
        `INSERT INTO mail_outbox
           (recipient, from_name, from_address, subject, text, html, expires_at, next_attempt_at)
         VALUES (@to, @fromName, @fromAddress, @subject, @text, @html, @expiresAt, @nextAttemptAt)`,
      )
      .run(mail);
    return Number(result.lastInsertRowid);
  }

  async listDueMail(now: number, limit: number): Promise<OutboxMail[]> {
    const rows = this.#db
      .statement(
        `SELECT id, recipient AS "to", from_name AS fromName, from_address AS fromAddress, subject,
                text, html, expires_at AS expiresAt, next_attempt_at AS nextAttemptAt, attempts,
                last_error AS lastError
         FROM mail_outbox WHERE next_attempt_at <= ? ORDER BY id LIMIT ?`,
      )
      .all(Number.isFinite(now) ? now : Number.MAX_SAFE_INTEGER, limit) as OutboxMail[];
    return rows.map(withoutNulls);
  }

  async removeMail(id: number): Promise<void> {
    this.#db.statement('DELETE FROM mail_outbox WHERE id = ?').run(id);
  }

  async rescheduleMail(id: number, nextAttemptAt: number, lastError: string): Promise<void> {
    this.#db
      .statement(
        `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
         WHERE id = ?`,
      )
      .run(nextAttemptAt, lastError.slice(0, OUTBOX_ERROR_MAX_LENGTH), id);
  }
}
