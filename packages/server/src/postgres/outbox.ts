import {
  OUTBOX_ERROR_MAX_LENGTH,
  type NewOutboxMail,
  type OutboxMail,
  type OutboxStore,
} from '../store/outbox.js';
import { withoutNulls } from '../store/record-tables.js';
import type { PostgresDatabase } from './database.js';

/**
 * Queued mail in `mail_outbox`; ids come from a sequence, so they only grow.
 *
 * Listing does not claim: the contract lists the same due mail to every caller until it is
 * removed or rescheduled, so two nodes draining together could both send a mail. Claiming
 * (`FOR UPDATE SKIP LOCKED` with a lease on `next_attempt_at`) needs a contract that says so.
 */
export class PostgresOutboxStore implements OutboxStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async enqueueMail(mail: NewOutboxMail): Promise<number> {
    const [row] = await this.#db.query<{ id: number }>(
      `INSERT INTO mail_outbox
         (recipient, from_name, from_address, subject, text, html, expires_at, next_attempt_at)
       VALUES (@to, @fromName, @fromAddress, @subject, @text, @html, @expiresAt, @nextAttemptAt)
       RETURNING id`,
      { ...mail },
    );
    return row!.id;
  }

  async listDueMail(now: number, limit: number): Promise<OutboxMail[]> {
    const rows = await this.#db.query<OutboxMail>(
      `SELECT id, recipient AS "to", from_name AS "fromName", from_address AS "fromAddress",
              subject, text, html, expires_at AS "expiresAt",
              next_attempt_at AS "nextAttemptAt", attempts, last_error AS "lastError"
       FROM mail_outbox WHERE next_attempt_at <= @now ORDER BY id LIMIT @limit`,
      { now: Number.isFinite(now) ? now : Number.MAX_SAFE_INTEGER, limit },
    );
    return rows.map(withoutNulls);
  }

  async removeMail(id: number): Promise<void> {
    await this.#db.run('DELETE FROM mail_outbox WHERE id = @id', { id });
  }

  async rescheduleMail(id: number, nextAttemptAt: number, lastError: string): Promise<void> {
    await this.#db.run(
      `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = @nextAttemptAt,
         last_error = @lastError
       WHERE id = @id`,
      { id, nextAttemptAt, lastError: lastError.slice(0, OUTBOX_ERROR_MAX_LENGTH) },
    );
  }
}
