import type pg from 'pg';
import type { CodeIssue, CodeIssueOutcome, StartStore } from '../store/start.js';
import { upsertCode } from './codes.js';
import type { PostgresDatabase } from './database.js';
import { claimCodeSlot, countHit, lockedLiveHits } from './limits.js';
import { insertMail } from './outbox.js';

/**
 * The mail of the code about to be replaced (see {@link StartStore.issueCode}, step 4), read
 * before the code's upsert. A mail a sender claims at this moment holds its row lock first: the
 * DELETE then finds it leased and leaves it, and the UPDATE's snapshot saw it due.
 */
const RETIRE_REPLACED_MAIL = `WITH replaced AS (
    SELECT id FROM pending_codes WHERE client_id = @clientId AND email = @email
  ), dropped AS (
    DELETE FROM mail_outbox
    WHERE code_id IN (SELECT id FROM replaced) AND next_attempt_at <= @now::bigint
  )
  UPDATE mail_outbox SET expires_at = LEAST(expires_at, @now::bigint)
  WHERE code_id IN (SELECT id FROM replaced) AND next_attempt_at > @now::bigint`;

/** Start's writes over the tables of the other PostgreSQL parts, in one transaction. */
export class PostgresStartStore implements StartStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async issueCode(issue: CodeIssue): Promise<CodeIssueOutcome> {
    return this.#db.transaction((client) => this.#issue(client, issue));
  }

  async #issue(client: pg.PoolClient, issue: CodeIssue): Promise<CodeIssueOutcome> {
    const db = this.#db;
    const { startHit, startLimit, budget, code, mail } = issue;
    const now = startHit.now;
    // The address's advisory lock and then the email's row (the claim's upsert) are held until
    // the commit, so racing starts of one address or one email take their turns.
    const live = await lockedLiveHits(db, client, startHit);
    if (live.count >= startLimit) return { outcome: 'address_limited', retryAt: live.firstExpiry! };
    const claim = await claimCodeSlot(db, client, code.email, now, budget);
    if (!claim.claimed) return { outcome: 'email_limited', retryAt: claim.retryAt };
    await countHit(db, client, startHit);
    const maxAttempts = Math.min(code.maxAttempts, claim.guesses);
    if (claim.blocked) return { outcome: 'blocked', maxAttempts };
    await db.run(RETIRE_REPLACED_MAIL, { clientId: code.clientId, email: code.email, now }, client);
    await upsertCode(db, { ...code, maxAttempts }, client);
    const mailId = await insertMail(db, mail, code.id, client);
    return { outcome: 'issued', mailId, maxAttempts };
  }
}
