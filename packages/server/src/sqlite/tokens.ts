import { ACCESS_TOKENS, AUTHORIZATION_CODES, LOGIN_TICKETS } from '../store/record-tables.js';
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
    this.#table = new HashedRecordTable(db, LOGIN_TICKETS);
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
    this.#table = new HashedRecordTable(db, AUTHORIZATION_CODES);
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
    this.#table = new HashedRecordTable(db, ACCESS_TOKENS);
  }

  async saveAccessToken(token: AccessTokenRecord): Promise<void> {
    this.#table.insert(token);
  }

  async findAccessToken(tokenHash: string): Promise<AccessTokenRecord | undefined> {
    return this.#table.find(tokenHash);
  }
}
