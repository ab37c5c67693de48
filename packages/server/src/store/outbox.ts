/** The durable mail queue behind mail/outbox.ts: mail waits here until SMTP accepts it. */
export interface OutboxStore {
  /** Puts a mail in the outbox; returns its id, larger than every earlier mail's. */
  enqueueMail(mail: NewOutboxMail): Promise<number>;
  /** Mail whose next try is due at `now` (all pending mail with `now` = Infinity), oldest first. */
  listDueMail(now: number, limit: number): Promise<OutboxMail[]>;
  /** Removes a mail from the outbox (sent, or no longer worth sending). */
  removeMail(id: number): Promise<void>;
  /**
   * Records a failed try and when to try again; `lastError` keeps the first
   * {@link OUTBOX_ERROR_MAX_LENGTH} characters of the error.
   */
  rescheduleMail(id: number, nextAttemptAt: number, lastError: string): Promise<void>;
}

/** An SMTP error can quote a whole server reply; this much is enough to tell what went wrong. */
export const OUTBOX_ERROR_MAX_LENGTH = 1_000;

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
