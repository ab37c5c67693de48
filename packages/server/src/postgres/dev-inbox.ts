import {
  DEV_INBOX_LIST_LIMIT,
  DEV_INBOX_MAX_MESSAGES,
  type DevInboxStore,
  type InboxMessage,
} from '../store/dev-inbox.js';
import type { PostgresDatabase } from './database.js';

const COLUMNS = 'recipient AS "to", sender AS "from", subject, text, html, date';

/** The `--dev` inbox in `dev_inbox`; recipients are indexed case-insensitively. */
export class PostgresDevInboxStore implements DevInboxStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async addInboxMessage(message: InboxMessage): Promise<void> {
    await this.#db.transaction(async (client) => {
      await this.#db.query(
        `INSERT INTO dev_inbox (recipient, sender, subject, text, html, date)
         VALUES (@to, @from, @subject, @text, @html, @date)`,
        { ...message },
        client,
      );
      await this.#db.query(
        `DELETE FROM dev_inbox
         WHERE id <= (SELECT id FROM dev_inbox ORDER BY id DESC LIMIT 1 OFFSET @keep)`,
        { keep: DEV_INBOX_MAX_MESSAGES },
        client,
      );
    });
  }

  async listInboxMessages(to?: string): Promise<InboxMessage[]> {
    return to === undefined
      ? this.#db.query<InboxMessage>(
          `SELECT ${COLUMNS} FROM dev_inbox ORDER BY id DESC LIMIT @limit`,
          { limit: DEV_INBOX_LIST_LIMIT },
        )
      : this.#db.query<InboxMessage>(
          `SELECT ${COLUMNS} FROM dev_inbox WHERE lower(recipient) = lower(@to)
           ORDER BY id DESC LIMIT @limit`,
          { to, limit: DEV_INBOX_LIST_LIMIT },
        );
  }
}
