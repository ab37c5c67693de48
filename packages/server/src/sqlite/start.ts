import type { CodeIssue, CodeIssueOutcome, StartStore } from '../store/start.js';
import { upsertCode } from './codes.js';
import type { SqliteDatabase } from './database.js';
import { claimCodeSlot, countHit, liveHits } from './limits.js';
import { insertMail } from './outbox.js';

/** Start's writes over the tables of the other SQLite parts, in one `BEGIN IMMEDIATE` … `COMMIT`. */
export class SqliteStartStore implements StartStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async issueCode(issue: CodeIssue): Promise<CodeIssueOutcome> {
    const { startHit, startLimit, budget, code, mail } = issue;
    const now = startHit.now;
    return this.#db.writeTransaction((): CodeIssueOutcome => {
      const live = liveHits(this.#db, startHit.key, now);
      if (live.count >= startLimit)
        return { outcome: 'address_limited', retryAt: live.firstExpiry! };
      const claim = claimCodeSlot(this.#db, code.email, now, budget);
      if (!claim.claimed) return { outcome: 'email_limited', retryAt: claim.retryAt };
      countHit(this.#db, startHit);
      const maxAttempts = Math.min(code.maxAttempts, claim.guesses);
      if (claim.blocked) return { outcome: 'blocked', maxAttempts };
      this.#retireMailOf(code.clientId, code.email, now);
      upsertCode(this.#db, { ...code, maxAttempts });
      return { outcome: 'issued', mailId: insertMail(this.#db, mail, code.id), maxAttempts };
    });
  }

  /** The mail of the code about to be replaced: see {@link StartStore.issueCode}, step 4. */
  #retireMailOf(clientId: string, email: string, now: number): void {
    const replaced = this.#db
      .statement('SELECT id FROM pending_codes WHERE client_id = ? AND email = ?')
      .get(clientId, email) as { id: string } | undefined;
    if (!replaced) return;
    const params = { codeId: replaced.id, now };
    this.#db
      .statement('DELETE FROM mail_outbox WHERE code_id = @codeId AND next_attempt_at <= @now')
      .run(params);
    this.#db
      .statement(
        `UPDATE mail_outbox SET expires_at = MIN(expires_at, @now)
         WHERE code_id = @codeId AND next_attempt_at > @now`,
      )
      .run(params);
  }
}
