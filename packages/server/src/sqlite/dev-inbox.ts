import {
  DEV_INBOX_LIST_LIMIT,
  DEV_INBOX_MAX_MESSAGES,
  type DevInboxStore,
  type InboxMessage,
} from '../store/dev-inbox.js';
import type { SqliteDatabase } from './database.js';

const COLUMNS = 'recipient AS "to", sender AS "from", subject, text, html, date';

/** The `--dev` inbox in `dev_inbox`; recipients are indexed case-insensitively. */
export class SqliteDevInboxStore implements DevInboxStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async addInboxMessage(message: InboxMessage): Promise<void> {
    this.#db.transaction(() => {
      this.#db
        .statement(
          `INSERT INTO dev_inbox (recipient, sender, subject, text, html, date)
           VALUES (@to, @from, @subject, @text, @html, @date)`,
        )
        .run(message);
      this.#db
        .statement(
          `DELETE FROM dev_inbox
           WHERE id <= (SELECT id FROM dev_inbox ORDER BY id DESC LIMIT 1 OFFSET ?)`,
        )
        .run(DEV_INBOX_MAX_MESSAGES);
    });
  }

  async listInboxMessages(to?: string): Promise<InboxMessage[]> {
    const rows =
      to === undefined
        ? this.#db
            .statement(`SELECT ${COLUMNS} FROM dev_inbox ORDER BY id DESC LIMIT ?`)
            .all(DEV_INBOX_LIST_LIMIT)
        : this.#db
            .statement(
              `SELECT ${COLUMNS} FROM dev_inbox WHERE recipient = ? COLLATE NOCASE
               ORDER BY id DESC LIMIT ?`,
            )
            .all(to, DEV_INBOX_LIST_LIMIT);
    return rows as InboxMessage[];
  }
}
