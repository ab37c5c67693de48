import { SqliteCodeStore } from './sqlite/codes.js';
import { SqliteDatabase } from './sqlite/database.js';
import { SqliteDevInboxStore } from './sqlite/dev-inbox.js';
import { SqliteExpiryStore } from './sqlite/expiry.js';
import { SqliteHealthStore } from './sqlite/health.js';
import { SqliteRateCounterStore } from './sqlite/limits.js';
import { SqliteLoginStore } from './sqlite/logins.js';
import { SqliteOutboxStore } from './sqlite/outbox.js';
import { SqliteRefreshTokenStore } from './sqlite/refresh-tokens.js';
import { SqliteServerSecretCheck } from './sqlite/server-secret.js';
import { SqliteStartStore } from './sqlite/start.js';
import {
  SqliteAccessTokenStore,
  SqliteAuthorizationCodeStore,
  SqliteLoginTicketStore,
} from './sqlite/tokens.js';
import { SqliteUserStore } from './sqlite/users.js';
import { ComposedStore } from './store/composed-store.js';
import type { DevInboxStore, InboxMessage } from './store/dev-inbox.js';

/**
 * The embedded store: every contract implemented over one SQLite connection (sqlite/). It also
 * keeps the `--dev` inbox, which the production `Store` does not include.
 */
export class SqliteStore extends ComposedStore implements DevInboxStore {
  readonly #devInbox: SqliteDevInboxStore;

  /** Opens (creating if needed) `<dataDir>/passwordless.sqlite`, or `:memory:`. */
  constructor(dataDirOrMemory: string) {
    const db = new SqliteDatabase(dataDirOrMemory);
    super({
      codes: new SqliteCodeStore(db),
      users: new SqliteUserStore(db),
      loginTickets: new SqliteLoginTicketStore(db),
      authorizationCodes: new SqliteAuthorizationCodeStore(db),
      accessTokens: new SqliteAccessTokenStore(db),
      refreshTokens: new SqliteRefreshTokenStore(db),
      rateCounters: new SqliteRateCounterStore(db),
      logins: new SqliteLoginStore(db),
      outbox: new SqliteOutboxStore(db),
      start: new SqliteStartStore(db),
      expiry: new SqliteExpiryStore(db),
      serverSecretCheck: new SqliteServerSecretCheck(db),
      health: new SqliteHealthStore(db),
      close: async () => db.close(),
    });
    this.#devInbox = new SqliteDevInboxStore(db);
  }

  addInboxMessage(message: InboxMessage) {
    return this.#devInbox.addInboxMessage(message);
  }
  listInboxMessages(to?: string) {
    return this.#devInbox.listInboxMessages(to);
  }
}
