import type pg from 'pg';
import { withoutNulls } from '../store/record-tables.js';
import { REFRESH_TOKEN_STATEMENTS as SQL } from '../store/refresh-token-table.js';
import {
  judgeUnspendable,
  successorOf,
  type RefreshTokenRecord,
  type RefreshTokenRotation,
  type RefreshTokenStore,
  type RotationOutcome,
} from '../store/refresh-tokens.js';
import type { PostgresDatabase } from './database.js';

/** Refresh-token families in `refresh_tokens`. */
export class PostgresRefreshTokenStore implements RefreshTokenStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async saveRefreshToken(token: RefreshTokenRecord): Promise<void> {
    await this.#db.run(SQL.insert, SQL.values(token));
  }

  findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    return this.#find(tokenHash);
  }

  async rotateRefreshToken(rotation: RefreshTokenRotation): Promise<RotationOutcome> {
    const { tokenHash: hash, clientId, now } = rotation;
    // The spend locks the row: a racing use's spend waits for this commit, then matches nothing
    // and reads the row as spent (READ COMMITTED reads each statement's own snapshot).
    return this.#db.transaction(async (client): Promise<RotationOutcome> => {
      const [row] = await this.#db.query<RefreshTokenRecord>(
        SQL.spend,
        { hash, clientId, now },
        client,
      );
      const spent = row && withoutNulls(row);
      const found = spent ?? (await this.#find(hash, client));
      switch (spent ? 'live' : judgeUnspendable(found, rotation)) {
        case 'live':
        case 'grace': {
          const successor = successorOf(found!, rotation);
          await this.#db.run(SQL.insert, SQL.values(successor), client);
          return { outcome: 'rotated', token: found!, successor };
        }
        case 'reused':
          await this.#db.run(SQL.deleteFamily, { familyId: found!.familyId }, client);
          return { outcome: 'reused', token: found! };
        default:
          return { outcome: 'unknown' };
      }
    });
  }

  async revokeRefreshTokenFamily(tokenHash: string, clientId: string): Promise<boolean> {
    return (await this.#db.run(SQL.revokeFamily, { hash: tokenHash, clientId })) > 0;
  }

  async #find(hash: string, client?: pg.PoolClient): Promise<RefreshTokenRecord | undefined> {
    const [row] = await this.#db.query<RefreshTokenRecord>(SQL.find, { hash }, client);
    return row && withoutNulls(row);
  }
}
