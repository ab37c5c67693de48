import type { PendingCode } from './codes.js';
import type { GuessBudget, Hit } from './limits.js';
import type { NewOutboxMail } from './outbox.js';

/**
 * What /passwordless/start writes (login/start.ts), as one transaction: its limits, the code and
 * the code's mail are taken and stored together or not at all, with one commit.
 */
export interface StartStore {
  /**
   * All in one transaction, at `issue.startHit.now` (in whatever order the database needs):
   * 1. checks the address's limit: the live counters of `startHit.key` must add up to less than
   *    `startLimit` (as `takeHit` checks; an address refused by this and 2 is told this);
   * 2. claims the email's next code (any client): not within `budget.resendMs` of the last one,
   *    and only while the email's guess budget holds a whole guess;
   * 3. counts `startHit`;
   * 4. unless a user with this email is blocked: saves `code`, its `maxAttempts` capped by the
   *    budget's whole guesses, replacing the client's earlier code for the email; drops that
   *    earlier code's mail where no sender holds it (due, unclaimed), and makes the rest of its
   *    mail (leased to a sender, or waiting for a retry) expire now, so a try in progress goes
   *    on but nothing sends it later; and queues `mail`, linked to `code`.
   *
   * A refusal (1 or 2) stores nothing. A blocked email's start is counted and claimed like any
   * other, so it is limited and timed alike, but gets no code and no mail.
   */
  issueCode(issue: CodeIssue): Promise<CodeIssueOutcome>;
}

/** The /passwordless/start (`startHit`, counted against `startLimit`) that mails `code`. */
export interface CodeIssue {
  startHit: Hit;
  startLimit: number;
  budget: GuessBudget;
  code: PendingCode;
  /** Sealed as the outbox stores it. */
  mail: NewOutboxMail;
}

export type CodeIssueOutcome =
  /** Saved and queued: `mailId` as `enqueueMail` returns it. */
  | { outcome: 'issued'; mailId: number; maxAttempts: number }
  /** Counted and claimed, nothing saved or queued: the email's user is blocked. */
  | { outcome: 'blocked'; maxAttempts: number }
  /** Refused by the address's limit until `retryAt`; nothing stored. */
  | { outcome: 'address_limited'; retryAt: number }
  /** Refused by the email's resend cooldown or empty guess budget until `retryAt`; nothing stored. */
  | { outcome: 'email_limited'; retryAt: number };
