import type pg from 'pg';
import { rowToUser, toUserRecords, USER_STATEMENTS } from '../store/user-tables.js';
import type { DeletedUser, User, UserRecords, UserStore } from '../store/users.js';
import type { PostgresDatabase } from './database.js';

/** Users in `users`, unique by email. */
export class PostgresUserStore implements UserStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async upsertUserOnLogin(email: string, newSub: string, at: number): Promise<User> {
    // One upsert: of racing first logins, the loser's INSERT waits on the winner's row and
    // takes the UPDATE path, returning the kept `sub`. PostgreSQL's commit is durable
    // (synchronous_commit), which a new user's `sub` needs.
    return (await this.#one(USER_STATEMENTS.upsertOnLogin, { newSub, email, at }))!;
  }

  async findUser(sub: string): Promise<User | undefined> {
    return this.#one(USER_STATEMENTS.find, { sub });
  }

  async findUserByEmail(email: string): Promise<User | undefined> {
    return this.#one(USER_STATEMENTS.findByEmail, { email });
  }

  async listUsers(afterEmail: string, limit: number): Promise<User[]> {
    return (await this.#db.query(USER_STATEMENTS.list, { afterEmail, limit })).map(rowToUser);
  }

  async blockUser(email: string, newSub: string, at: number): Promise<User> {
    // The upsert locks the user's row, so a racing login's upsert waits and then sees the block.
    return this.#db.transaction(async (client) => {
      const user = (await this.#one(USER_STATEMENTS.block, { newSub, email, at }, client))!;
      await this.#removeRecords(user, client);
      return user;
    });
  }

  async unblockUser(email: string): Promise<User | undefined> {
    return this.#one(USER_STATEMENTS.unblock, { email });
  }

  async deleteUser(email: string): Promise<DeletedUser | undefined> {
    return this.#db.transaction(async (client) => {
      const user = await this.#one(USER_STATEMENTS.delete, { email }, client);
      return user && { user, records: await this.#removeRecords(user, client) };
    });
  }

  async userRecords({ sub, email }: User): Promise<UserRecords> {
    return toUserRecords(
      await Promise.all(
        USER_STATEMENTS.readRecords.map(({ sql }) => this.#db.query<object>(sql, { sub, email })),
      ),
    );
  }

  async #one(sql: string, params: object, client?: pg.PoolClient): Promise<User | undefined> {
    const [row] = await this.#db.query(sql, params, client);
    return row === undefined ? undefined : rowToUser(row);
  }

  /** Removes what {@link UserStore.blockUser} and `deleteUser` remove; returns how many rows. */
  async #removeRecords({ sub, email }: User, client: pg.PoolClient): Promise<number> {
    let removed = 0;
    for (const sql of USER_STATEMENTS.removeRecords) {
      removed += await this.#db.run(sql, { sub, email }, client);
    }
    return removed;
  }
}
