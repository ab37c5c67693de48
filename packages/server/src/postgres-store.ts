import { PostgresCodeStore } from './postgres/codes.js';
import { PostgresDatabase } from './postgres/database.js';
import { PostgresDevInboxStore } from './postgres/dev-inbox.js';
import { PostgresExpiryStore } from './postgres/expiry.js';
import { PostgresHealthStore } from './postgres/health.js';
import { PostgresSigningKeyStore } from './postgres/keys.js';
import { PostgresRateCounterStore } from './postgres/limits.js';
import { PostgresLoginStore } from './postgres/logins.js';
import { PostgresOutboxStore } from './postgres/outbox.js';
import { PostgresRefreshTokenStore } from './postgres/refresh-tokens.js';
import { PostgresServerSecretCheck } from './postgres/server-secret.js';
import { PostgresStartStore } from './postgres/start.js';
import {
  PostgresAccessTokenStore,
  PostgresAuthorizationCodeStore,
  PostgresLoginTicketStore,
} from './postgres/tokens.js';
import { PostgresUserStore } from './postgres/users.js';
import { ComposedStore } from './store/composed-store.js';
import type { DevInboxStore, InboxMessage } from './store/dev-inbox.js';
import type { SigningKeyStore } from './store/keys.js';

/**
 * Every contract implemented over one PostgreSQL connection pool (postgres/), for any number
 * of server processes sharing one database. Unlike SQLite's data dir, the signing keys live in
 * the database too ({@link PostgresStore.signingKeys}), so every node signs with one set.
 */
export class PostgresStore extends ComposedStore implements DevInboxStore {
  readonly signingKeys: SigningKeyStore;
  readonly #devInbox: PostgresDevInboxStore;

  private constructor(db: PostgresDatabase) {
    super({
      codes: new PostgresCodeStore(db),
      users: new PostgresUserStore(db),
      loginTickets: new PostgresLoginTicketStore(db),
      authorizationCodes: new PostgresAuthorizationCodeStore(db),
      accessTokens: new PostgresAccessTokenStore(db),
      refreshTokens: new PostgresRefreshTokenStore(db),
      rateCounters: new PostgresRateCounterStore(db),
      logins: new PostgresLoginStore(db),
      outbox: new PostgresOutboxStore(db),
      start: new PostgresStartStore(db),
      expiry: new PostgresExpiryStore(db),
      serverSecretCheck: new PostgresServerSecretCheck(db),
      health: new PostgresHealthStore(db),
      close: () => db.close(),
    });
    this.signingKeys = new PostgresSigningKeyStore(db);
    this.#devInbox = new PostgresDevInboxStore(db);
  }

  /**
   * Connects to `url` (`postgres://…`) and applies any migration the database lacks.
   * @throws when the database cannot be reached, or SchemaTooNewError.
   */
  static async open(url: string): Promise<PostgresStore> {
    return new PostgresStore(await PostgresDatabase.open(url));
  }

  addInboxMessage(message: InboxMessage) {
    return this.#devInbox.addInboxMessage(message);
  }
  listInboxMessages(to?: string) {
    return this.#devInbox.listInboxMessages(to);
  }
}
