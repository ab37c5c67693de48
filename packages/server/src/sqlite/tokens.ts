import type {
  AccessTokenRecord,
  AccessTokenStore,
  AuthorizationCodeRecord,
  AuthorizationCodeStore,
  LoginTicket,
  LoginTicketStore,
} from '../store/tokens.js';
import type { SqliteDatabase } from './database.js';
import { HashedRecordTable } from './hashed-record-table.js';

/** Login tickets in `login_tickets`. */
export class SqliteLoginTicketStore implements LoginTicketStore {
  readonly #table: HashedRecordTable<LoginTicket>;

  constructor(db: SqliteDatabase) {
    this.#table = new HashedRecordTable<LoginTicket>(db, 'login_tickets', 'ticketHash', {
      ticketHash: 'ticket_hash',
      clientId: 'client_id',
      sub: 'sub',
      origin: 'origin',
      expiresAt: 'expires_at',
    });
  }

  async saveLoginTicket(ticket: LoginTicket): Promise<void> {
    this.#table.insert(ticket);
  }

  async consumeLoginTicket(ticketHash: string): Promise<LoginTicket | undefined> {
    return this.#table.take(ticketHash);
  }
}

/** Authorization codes in `authorization_codes`. */
export class SqliteAuthorizationCodeStore implements AuthorizationCodeStore {
  readonly #table: HashedRecordTable<AuthorizationCodeRecord>;

  constructor(db: SqliteDatabase) {
    this.#table = new HashedRecordTable<AuthorizationCodeRecord>(
      db,
      'authorization_codes',
      'codeHash',
      {
        codeHash: 'code_hash',
        clientId: 'client_id',
        sub: 'sub',
        redirectUri: 'redirect_uri',
        scope: 'scope',
        audience: 'audience',
        nonce: 'nonce',
        codeChallenge: 'code_challenge',
        expiresAt: 'expires_at',
      },
    );
  }

  async saveAuthorizationCode(code: AuthorizationCodeRecord): Promise<void> {
    this.#table.insert(code);
  }

  async consumeAuthorizationCode(codeHash: string): Promise<AuthorizationCodeRecord | undefined> {
    return this.#table.take(codeHash);
  }
}

/** Opaque access tokens in `access_tokens`. */
export class SqliteAccessTokenStore implements AccessTokenStore {
  readonly #table: HashedRecordTable<AccessTokenRecord>;

  constructor(db: SqliteDatabase) {
    this.#table = new HashedRecordTable<AccessTokenRecord>(db, 'access_tokens', 'tokenHash', {
      tokenHash: 'token_hash',
      sub: 'sub',
      clientId: 'client_id',
      scope: 'scope',
      audience: 'audience',
      expiresAt: 'expires_at',
    });
  }

  async saveAccessToken(token: AccessTokenRecord): Promise<void> {
    this.#table.insert(token);
  }

  async findAccessToken(tokenHash: string): Promise<AccessTokenRecord | undefined> {
    return this.#table.find(tokenHash);
  }
}
