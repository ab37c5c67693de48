import type { User, UserStore } from '../store/users.js';
import type { SqliteDatabase } from './database.js';

const USER_COLUMNS = 'sub, email, created_at AS createdAt, updated_at AS updatedAt';

/** Users in `users`, unique by email. */
export class SqliteUserStore implements UserStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async upsertUserOnLogin(email: string, newSub: string, at: number): Promise<User> {
    const upsert = () =>
      this.#db
        .statement(
          `INSERT INTO users (sub, email, created_at, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (email) DO UPDATE SET updated_at = excluded.updated_at
           RETURNING ${USER_COLUMNS}`,
        )
        .get(newSub, email, at, at) as User;
    // A first login's id_token carries the new `sub`; losing that row to a power cut would give
    // the same person another `sub` next time, so creating a user is synced to disk.
    const isNew =
      this.#db.statement('SELECT 1 FROM users WHERE email = ?').get(email) === undefined;
    return isNew ? this.#db.fullySynced(upsert) : upsert();
  }

  async findUser(sub: string): Promise<User | undefined> {
    return this.#db.statement(`SELECT ${USER_COLUMNS} FROM users WHERE sub = ?`).get(sub) as
      User | undefined;
  }
}
