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
import type { SqliteDatabase } from './database.js';

/** Refresh-token families in `refresh_tokens`. */
export class SqliteRefreshTokenStore implements RefreshTokenStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async saveRefreshToken(token: RefreshTokenRecord): Promise<void> {
    this.#db.statement(SQL.insert).run(SQL.values(token));
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    return this.#find(tokenHash);
  }

  async rotateRefreshToken(rotation: RefreshTokenRotation): Promise<RotationOutcome> {
    const { tokenHash: hash, clientId, now } = rotation;
    return this.#db.transaction(() => {
      const row = this.#db.statement(SQL.spend).get({ hash, clientId, now });
      const spent = row === undefined ? undefined : withoutNulls(row as RefreshTokenRecord);
      const found = spent ?? this.#find(hash);
      switch (spent ? 'live' : judgeUnspendable(found, rotation)) {
        case 'live':
        case 'grace': {
          const successor = successorOf(found!, rotation);
          this.#db.statement(SQL.insert).run(SQL.values(successor));
          return { outcome: 'rotated', token: found!, successor };
        }
        case 'reused':
          this.#db.statement(SQL.deleteFamily).run({ familyId: found!.familyId });
          return { outcome: 'reused', token: found! };
        default:
          return { outcome: 'unknown' };
      }
    });
  }

  async revokeRefreshTokenFamily(tokenHash: string, clientId: string): Promise<boolean> {
    return this.#db.statement(SQL.revokeFamily).run({ hash: tokenHash, clientId }).changes > 0;
  }

  #find(hash: string): RefreshTokenRecord | undefined {
    const row = this.#db.statement(SQL.find).get({ hash });
    return row === undefined ? undefined : withoutNulls(row as RefreshTokenRecord);
  }
}
