/**
 * `--dev` only: where the in-process SMTP server files every mail it receives, for
 * `/dev/inbox`. Not part of the production `Store`: a production database need not keep it.
 */
export interface DevInboxStore {
  /** Files a message, dropping the oldest beyond {@link DEV_INBOX_MAX_MESSAGES}. */
  addInboxMessage(message: InboxMessage): Promise<void>;
  /**
   * The newest {@link DEV_INBOX_LIST_LIMIT} messages, newest first; only those to `to` when
   * given (compared case-insensitively).
   */
  listInboxMessages(to?: string): Promise<InboxMessage[]>;
}

export interface InboxMessage {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** ISO 8601 */
  date: string;
}

/**
 * The dev inbox keeps only this many messages, the newest: a `--dev` server left running (or
 * flooded with starts) must not fill the disk.
 */
export const DEV_INBOX_MAX_MESSAGES = 1_000;
/** One page is plenty for a developer reading their own test mail. */
export const DEV_INBOX_LIST_LIMIT = 200;
