import { withoutNulls } from './record-tables.js';
import type { User, UserRecords } from './users.js';

/**
 * Where users and the records kept about them live in SQL: one schema shape and the same
 * statements for SQLite and PostgreSQL (named parameters; SQLite reads TRUE/FALSE as 1/0 and
 * PostgreSQL as booleans, so each store reads `blocked` back with {@link rowToUser}).
 */
export const USER_COLUMNS =
  'sub, email, created_at AS "createdAt", updated_at AS "updatedAt", blocked';

/** A table holding records about a user, the column that says whose, and what may be shown. */
interface UserRecordTable {
  name: keyof UserRecords;
  table: string;
  /** Records are found by the user's `sub` or by its `email`. */
  owner: 'sub' | 'email';
  ownerColumn: string;
  /** The exported columns: never a code, a hash or a salt. */
  exported: string;
}

/**
 * Every table with records about a user, read by export and emptied by block and delete: block
 * revokes the user's refresh-token families (DESIGN §7) and delete removes them with the rest.
 */
const USER_RECORD_TABLES: readonly UserRecordTable[] = [
  {
    name: 'pendingCodes',
    table: 'pending_codes',
    owner: 'email',
    ownerColumn: 'email',
    exported: `client_id AS "clientId",
      CASE WHEN link_params IS NULL THEN 'code' ELSE 'link' END AS send,
      created_at AS "createdAt", expires_at AS "expiresAt", attempts,
      max_attempts AS "maxAttempts"`,
  },
  {
    name: 'loginTickets',
    table: 'login_tickets',
    owner: 'sub',
    ownerColumn: 'sub',
    exported: 'client_id AS "clientId", origin, expires_at AS "expiresAt"',
  },
  {
    name: 'authorizationCodes',
    table: 'authorization_codes',
    owner: 'sub',
    ownerColumn: 'sub',
    exported: `client_id AS "clientId", redirect_uri AS "redirectUri", scope, audience,
      expires_at AS "expiresAt"`,
  },
  {
    name: 'accessTokens',
    table: 'access_tokens',
    owner: 'sub',
    ownerColumn: 'sub',
    exported: 'client_id AS "clientId", scope, audience, expires_at AS "expiresAt"',
  },
  {
    name: 'refreshTokens',
    table: 'refresh_tokens',
    owner: 'sub',
    ownerColumn: 'sub',
    exported: `client_id AS "clientId", scope, audience, auth_time AS "authAt",
      issued_at AS "issuedAt", used_at AS "usedAt", expires_at AS "expiresAt",
      family_expires_at AS "familyExpiresAt"`,
  },
  {
    name: 'queuedMail',
    table: 'mail_outbox',
    owner: 'email',
    ownerColumn: 'recipient',
    exported: 'attempts, next_attempt_at AS "nextAttemptAt", expires_at AS "expiresAt"',
  },
];

export const USER_STATEMENTS = {
  find: `SELECT ${USER_COLUMNS} FROM users WHERE sub = @sub`,
  findByEmail: `SELECT ${USER_COLUMNS} FROM users WHERE email = @email`,
  list: `SELECT ${USER_COLUMNS} FROM users WHERE email > @afterEmail ORDER BY email LIMIT @limit`,
  /** A login on a blocked user leaves it as it is: it is not a login. */
  upsertOnLogin: `INSERT INTO users (sub, email, created_at, updated_at)
    VALUES (@newSub, @email, @at, @at)
    ON CONFLICT (email) DO UPDATE SET updated_at =
      CASE WHEN users.blocked THEN users.updated_at ELSE excluded.updated_at END
    RETURNING ${USER_COLUMNS}`,
  block: `INSERT INTO users (sub, email, created_at, updated_at, blocked)
    VALUES (@newSub, @email, @at, @at, TRUE)
    ON CONFLICT (email) DO UPDATE SET blocked = TRUE
    RETURNING ${USER_COLUMNS}`,
  unblock: `UPDATE users SET blocked = FALSE WHERE email = @email RETURNING ${USER_COLUMNS}`,
  delete: `DELETE FROM users WHERE email = @email RETURNING ${USER_COLUMNS}`,
  /** Each takes `@sub` and `@email`: the records block and delete remove. */
  removeRecords: USER_RECORD_TABLES.map(
    ({ table, owner, ownerColumn }) => `DELETE FROM ${table} WHERE ${ownerColumn} = @${owner}`,
  ),
  /** Each takes `@sub` and `@email`: the records export reads, by {@link UserRecords} name. */
  readRecords: USER_RECORD_TABLES.map(({ name, table, owner, ownerColumn, exported }) => ({
    name,
    sql: `SELECT ${exported} FROM ${table} WHERE ${ownerColumn} = @${owner} ORDER BY expires_at`,
  })),
};

/** A row of {@link USER_COLUMNS} as a {@link User}: SQLite answers `blocked` as 0 or 1. */
export function rowToUser(row: unknown): User {
  const user = row as Omit<User, 'blocked'> & { blocked: boolean | number };
  return { ...user, blocked: Boolean(user.blocked) };
}

/** The rows of each of {@link USER_STATEMENTS.readRecords}, in order, as named records. */
export function toUserRecords(rows: readonly object[][]): UserRecords {
  return Object.fromEntries(
    USER_STATEMENTS.readRecords.map(({ name }, i) => [name, rows[i]!.map(withoutNulls)]),
  ) as unknown as UserRecords;
}
