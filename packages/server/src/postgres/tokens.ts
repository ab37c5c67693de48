import {
  ACCESS_TOKENS,
  AUTHORIZATION_CODES,
  LOGIN_TICKETS,
  withoutNulls,
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
  readonly #properties: ReadonlyArray<keyof R & string>;
  readonly #insert: string;
  readonly #find: string;
  readonly #take: string;

  constructor(db: PostgresDatabase, { table, key, columns }: RecordTable<R>) {
    this.#db = db;
    const pairs = Object.entries(columns) as Array<[keyof R & string, string]>;
    this.#properties = pairs.map(([property]) => property);
    const names = pairs.map(([, column]) => column).join(', ');
    const values = pairs.map(([property]) => `@${property}`).join(', ');
    const selected = pairs.map(([property, column]) => `${column} AS "${property}"`).join(', ');
    this.#insert = `INSERT INTO ${table} (${names}) VALUES (${values})`;
    this.#find = `SELECT ${selected} FROM ${table} WHERE ${columns[key]} = @hash`;
    // DELETE … RETURNING: of racing redemptions, only the one whose DELETE removed the row gets it.
    this.#take = `DELETE FROM ${table} WHERE ${columns[key]} = @hash RETURNING ${selected}`;
  }

  async insert(record: R): Promise<void> {
    const values = Object.fromEntries(
      this.#properties.map((property) => [property, record[property] ?? null]),
    );
    await this.#db.run(this.#insert, values);
  }

  async find(hash: string): Promise<R | undefined> {
    const [row] = await this.#db.query<R>(this.#find, { hash });
    return row && withoutNulls(row);
  }

  async take(hash: string): Promise<R | undefined> {
    const [row] = await this.#db.query<R>(this.#take, { hash });
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
