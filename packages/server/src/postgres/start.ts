import type pg from 'pg';
import type { CodeIssue, CodeIssueOutcome, StartStore } from '../store/start.js';
import { SAVE_CODE } from '../store/code-table.js';
import type { PostgresDatabase } from './database.js';
import { claimCodeSlot, countHit, liveHits, lockedLiveHits } from './limits.js';

/**
 * Saves the code (`SAVE_CODE`'s parameters) and queues its mail (`@to` … `@mailExpiresAt`,
 * `@nextAttemptAt`), linked to it, as one statement. First, by the statement's snapshot, it
 * retires the mail of the code it replaces (see {@link StartStore.issueCode}, step 4): a mail a
 * sender claims at this moment holds its row lock first, so the DELETE then finds it leased and
 * leaves it, and the UPDATE's snapshot saw it due.
 */
const SAVE_CODE_AND_QUEUE_MAIL = `WITH replaced AS (
    SELECT id FROM pending_codes WHERE client_id = @clientId AND email = @email
  ), dropped AS (
    DELETE FROM mail_outbox
    WHERE code_id IN (SELECT id FROM replaced) AND next_attempt_at <= @now::bigint
  ), retired AS (
    UPDATE mail_outbox SET expires_at = LEAST(expires_at, @now::bigint)
    WHERE code_id IN (SELECT id FROM replaced) AND next_attempt_at > @now::bigint
  ), saved AS (${SAVE_CODE})
  INSERT INTO mail_outbox
    (recipient, from_name, from_address, subject, text, html, expires_at, next_attempt_at, code_id)
  VALUES (@to, @fromName, @fromAddress, @subject, @text, @html, @mailExpiresAt, @nextAttemptAt, @id)
  RETURNING id`;

/** The locked count found the address at its limit: the start's transaction is rolled back. */
class AddressLimited extends Error {
  constructor(readonly retryAt: number) {
    super('address limited');
  }
}

/**
 * Start's writes over the tables of the other PostgreSQL parts, in one transaction. Every start
 * of an address takes its advisory lock (behind a proxy or a NAT, that may be every start), so
 * the lock is taken last and held only for the check, the count and the commit, as `takeHit`
 * holds it; the email's claim comes first.
 */
export class PostgresStartStore implements StartStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async issueCode(issue: CodeIssue): Promise<CodeIssueOutcome> {
    // A first look without the lock: an address already at its limit is refused at the cost of
    // one read (and, as SQLite does, before the email's cooldown is looked at).
    const seen = await liveHits(this.#db, issue.startHit);
    if (seen.count >= issue.startLimit) return addressLimited(seen.firstExpiry!);
    try {
      return await this.#db.transaction((client) => this.#issue(client, issue));
    } catch (error) {
      if (error instanceof AddressLimited) return addressLimited(error.retryAt);
      throw error;
    }
  }

  async #issue(client: pg.PoolClient, issue: CodeIssue): Promise<CodeIssueOutcome> {
    const db = this.#db;
    const { startHit, startLimit, budget, code, mail } = issue;
    const now = startHit.now;
    // The upsert locks the email's guard row until the commit: racing starts of one email take
    // turns.
    const claim = await claimCodeSlot(db, client, code.email, now, budget);
    if (!claim.claimed) return { outcome: 'email_limited', retryAt: claim.retryAt };
    const maxAttempts = Math.min(code.maxAttempts, claim.guesses);
    let outcome: CodeIssueOutcome = { outcome: 'blocked', maxAttempts };
    if (!claim.blocked) {
      const [queued] = await db.query<{ id: number }>(
        SAVE_CODE_AND_QUEUE_MAIL,
        { ...mail, mailExpiresAt: mail.expiresAt, ...code, maxAttempts, now },
        client,
      );
      const mailId = queued!.id;
      outcome = { outcome: 'issued', mailId, maxAttempts };
    }
    const live = await lockedLiveHits(db, client, startHit);
    if (live.count >= startLimit) throw new AddressLimited(live.firstExpiry!);
    await countHit(db, client, startHit);
    return outcome;
  }
}

function addressLimited(retryAt: number): CodeIssueOutcome {
  return { outcome: 'address_limited', retryAt };
}
