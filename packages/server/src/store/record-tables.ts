import type { AccessTokenRecord, AuthorizationCodeRecord, LoginTicket } from './tokens.js';

/** The column each property of `R` is kept in: the type demands one for every property. */
export type Columns<R> = { readonly [K in keyof R]-?: string };

/** Where a kind of hashed record lives in SQL: one schema shape, whatever the database. */
export interface RecordTable<R> {
  table: string;
  /** The property the record is found by (the hash of the client's secret). */
  key: keyof R & string;
  columns: Columns<R>;
}

export const LOGIN_TICKETS: RecordTable<LoginTicket> = {
  table: 'login_tickets',
  key: 'ticketHash',
  columns: {
    ticketHash: 'ticket_hash',
    clientId: 'client_id',
    sub: 'sub',
    origin: 'origin',
    expiresAt: 'expires_at',
  },
};

export const AUTHORIZATION_CODES: RecordTable<AuthorizationCodeRecord> = {
  table: 'authorization_codes',
  key: 'codeHash',
  columns: {
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
};

export const ACCESS_TOKENS: RecordTable<AccessTokenRecord> = {
  table: 'access_tokens',
  key: 'tokenHash',
  columns: {
    tokenHash: 'token_hash',
    sub: 'sub',
    clientId: 'client_id',
    scope: 'scope',
    audience: 'audience',
    expiresAt: 'expires_at',
  },
};

/** Tables whose rows carry `expires_at` (indexed) and are deleted once it has passed. */
export const EXPIRING_TABLES = [
  'rate_counters',
  'email_guards',
  'pending_codes',
  'access_tokens',
  'login_tickets',
  'authorization_codes',
  'mail_outbox',
  'refresh_tokens',
] as const;

/** SQL NULL columns become absent optional properties. */
export function withoutNulls<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;
}

/**
 * The statements of a hashed-record table, the same SQL for SQLite and PostgreSQL: named
 * parameters (`@property`, `@hash`), `DELETE … RETURNING` so that of racing redemptions only the
 * one whose DELETE removed the row gets it.
 */
export interface HashedRecordStatements<R> {
  insert: string;
  find: string;
  take: string;
  /** The insert's parameters: every column's property, SQL NULL for an absent optional one. */
  values(record: R): Record<string, unknown>;
}

export function hashedRecordStatements<R extends object>({
  table,
  key,
  columns,
}: RecordTable<R>): HashedRecordStatements<R> {
  const pairs = Object.entries(columns) as Array<[keyof R & string, string]>;
  const names = pairs.map(([, column]) => column).join(', ');
  const placeholders = pairs.map(([property]) => `@${property}`).join(', ');
  const selected = pairs.map(([property, column]) => `${column} AS "${property}"`).join(', ');
  return {
    insert: `INSERT INTO ${table} (${names}) VALUES (${placeholders})`,
    find: `SELECT ${selected} FROM ${table} WHERE ${columns[key]} = @hash`,
    take: `DELETE FROM ${table} WHERE ${columns[key]} = @hash RETURNING ${selected}`,
    values: (record) =>
      Object.fromEntries(pairs.map(([property]) => [property, record[property] ?? null])),
  };
}
