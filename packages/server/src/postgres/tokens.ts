import {
  ACCESS_TOKENS,
  AUTHORIZATION_CODES,
  hashedRecordStatements,
  LOGIN_TICKETS,
  withoutNulls,
  type HashedRecordStatements,
  type RecordTable,
} from '../store/record-tables.js';
import type {
  AccessTokenRecord,
  AccessTokenStore,
  AuthorizationCodeRecord,
  AuthorizationCodeStore,
  LoginTicket,
  LoginTicketStore,
} from '../store/tokens.js';
import type { PostgresDatabase } from './database.js';

/** A table of records found by the hash of a client's secret (record-tables.ts names them). */
class HashedRecordTable<R extends object> {
  readonly #db: PostgresDatabase;
  readonly #sql: HashedRecordStatements<R>;

  constructor(db: PostgresDatabase, table: RecordTable<R>) {
    this.#db = db;
    this.#sql = hashedRecordStatements(table);
  }

  async insert(record: R): Promise<void> {
    await this.#db.run(this.#sql.insert, this.#sql.values(record));
  }

  async find(hash: string): Promise<R | undefined> {
    const [row] = await this.#db.query<R>(this.#sql.find, { hash });
    return row && withoutNulls(row);
  }

  async take(hash: string): Promise<R | undefined> {
    const [row] = await this.#db.query<R>(this.#sql.take, { hash });
    return row && withoutNulls(row);
  }
}

/** Login tickets in `login_tickets`. */
export class PostgresLoginTicketStore implements LoginTicketStore {
  readonly #table: HashedRecordTable<LoginTicket>;

  constructor(db: PostgresDatabase) {
    this.#table = new HashedRecordTable(db, LOGIN_TICKETS);
  }

  saveLoginTicket(ticket: LoginTicket): Promise<void> {
    return this.#table.insert(ticket);
  }

  consumeLoginTicket(ticketHash: string): Promise<LoginTicket | undefined> {
    return this.#table.take(ticketHash);
  }
}

/** Authorization codes in `authorization_codes`. */
export class PostgresAuthorizationCodeStore implements AuthorizationCodeStore {
  readonly #table: HashedRecordTable<AuthorizationCodeRecord>;

  constructor(db: PostgresDatabase) {
    this.#table = new HashedRecordTable(db, AUTHORIZATION_CODES);
  }

  saveAuthorizationCode(code: AuthorizationCodeRecord): Promise<void> {
    return this.#table.insert(code);
  }

  consumeAuthorizationCode(codeHash: string): Promise<AuthorizationCodeRecord | undefined> {
    return this.#table.take(codeHash);
  }
}

/** Opaque access tokens in `access_tokens`. */
export class PostgresAccessTokenStore implements AccessTokenStore {
  readonly #table: HashedRecordTable<AccessTokenRecord>;

  constructor(db: PostgresDatabase) {
    this.#table = new HashedRecordTable(db, ACCESS_TOKENS);
  }

  saveAccessToken(token: AccessTokenRecord): Promise<void> {
    return this.#table.insert(token);
  }

  findAccessToken(tokenHash: string): Promise<AccessTokenRecord | undefined> {
    return this.#table.find(tokenHash);
  }
}
