/** The durable mail queue behind mail/outbox.ts: mail waits here until SMTP accepts it. */
export interface OutboxStore {
  /** Puts a mail in the outbox; returns its id, larger than every earlier mail's. */
  enqueueMail(mail: NewOutboxMail): Promise<number>;
  /**
   * Claims up to `limit` mails whose next try is due by `dueBy`, oldest first, as one atomic
   * step: each claimed mail's next try moves to `leaseUntil`, so no other caller (another node)
   * claims it before that lease ends, and it is due again then if its claimer died without
   * removing, rescheduling or releasing it.
   * @returns the claimed mail, oldest first, with `nextAttemptAt` = `leaseUntil`.
   */
  claimDueMail(dueBy: number, leaseUntil: number, limit: number): Promise<OutboxMail[]>;
  /**
   * Removes mails from the outbox (sent, or no longer worth sending) as one step; ids already
   * gone are ignored.
   */
  removeMail(ids: readonly number[]): Promise<void>;
  /**
   * Records a failed try and when to try again; `lastError` keeps the first
   * {@link OUTBOX_ERROR_MAX_LENGTH} characters of the error.
   */
  rescheduleMail(id: number, nextAttemptAt: number, lastError: string): Promise<void>;
  /**
   * Makes claimed mail that its claimer will not try (it is shutting down, or out of lease
   * time) due at `dueAt`, so any claimer may take it at once instead of after the lease. Only
   * mail of `ids` still under the lease `leaseUntil` of that claim changes: mail whose lease
   * ended and that another claim took since, or that was rescheduled or removed, is left alone.
   */
  releaseClaimedMail(ids: readonly number[], leaseUntil: number, dueAt: number): Promise<void>;
  /** How many mails are in the outbox, due or not (the metrics' `mail_queued`, read at a scrape). */
  countMail(): Promise<number>;
}

/** An SMTP error can quote a whole server reply; this much is enough to tell what went wrong. */
export const OUTBOX_ERROR_MAX_LENGTH = 1_000;

/** `UPDATE … RETURNING` gives rows in no defined order; claims hand them out oldest first. */
export function oldestFirst(mail: OutboxMail[]): OutboxMail[] {
  return mail.sort((a, b) => a.id - b.id);
}

export interface NewOutboxMail {
  to: string;
  fromName: string;
  fromAddress: string;
  /** Subject and bodies arrive encrypted by the outbox (they carry the code); kept as given. */
  subject: string;
  text: string;
  html: string;
  /** The mail is useless after this (its code or link has expired) and is dropped. */
  expiresAt: number;
  nextAttemptAt: number;
}

export interface OutboxMail extends NewOutboxMail {
  id: number;
  attempts: number;
  lastError?: string;
}
