import {
  oldestFirst,
  OUTBOX_ERROR_MAX_LENGTH,
  type NewOutboxMail,
  type OutboxMail,
  type OutboxStore,
} from '../store/outbox.js';
import { withoutNulls } from '../store/record-tables.js';
import type { PostgresDatabase } from './database.js';

/** Queued mail in `mail_outbox`; ids come from a sequence, so they only grow. */
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

  async claimDueMail(dueBy: number, leaseUntil: number, limit: number): Promise<OutboxMail[]> {
    // SKIP LOCKED: a node claiming at the same moment passes over the rows this one is taking
    // instead of waiting for them, and picks the next due mail; once this commits, the lease
    // keeps them out of every later claim.
    const rows = await this.#db.query<OutboxMail>(
      `UPDATE mail_outbox SET next_attempt_at = @leaseUntil
       WHERE id IN (SELECT id FROM mail_outbox WHERE next_attempt_at <= @dueBy
                    ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED)
       RETURNING id, recipient AS "to", from_name AS "fromName", from_address AS "fromAddress",
                 subject, text, html, expires_at AS "expiresAt",
                 next_attempt_at AS "nextAttemptAt", attempts, last_error AS "lastError"`,
      { dueBy, leaseUntil, limit },
    );
    return oldestFirst(rows.map(withoutNulls));
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

  async releaseClaimedMail(
    ids: readonly number[],
    leaseUntil: number,
    dueAt: number,
  ): Promise<void> {
    await this.#db.run(
      `UPDATE mail_outbox SET next_attempt_at = @dueAt
       WHERE next_attempt_at = @leaseUntil AND id = ANY(@ids::bigint[])`,
      { ids, leaseUntil, dueAt },
    );
  }

  async countMail(): Promise<number> {
    // count(*) is a bigint, which node-postgres hands over as a string.
    const [row] = await this.#db.query<{ count: string }>('SELECT count(*) FROM mail_outbox');
    return Number(row!.count);
  }
}
