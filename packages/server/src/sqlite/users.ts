import { rowToUser, toUserRecords, USER_STATEMENTS } from '../store/user-tables.js';
import type { DeletedUser, User, UserRecords, UserStore } from '../store/users.js';
import type { SqliteDatabase } from './database.js';

/**
 * A login that finds a user this young waits for it to be on disk too: another request (or
 * process) may have created it a moment ago and not yet seen its sync complete.
 */
const RECENTLY_CREATED_MS = 1_000;

/**
 * Whether a login that upserted `user` must wait for it to be on disk before its id_token
 * leaves: a first login's id_token carries the new `sub`, and losing that row to a power cut
 * would give the same person another `sub` next time. A returning login's write
 * (`updated_at`) heals itself and does not wait.
 */
export function mustBeOnDisk(user: User, newSub: string, at: number): boolean {
  return user.sub === newSub || at - user.createdAt < RECENTLY_CREATED_MS;
}

/** Users in `users`, unique by email. */
export class SqliteUserStore implements UserStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async upsertUserOnLogin(email: string, newSub: string, at: number): Promise<User> {
    const user = rowToUser(
      this.#db.statement(USER_STATEMENTS.upsertOnLogin).get({ newSub, email, at }),
    );
    if (mustBeOnDisk(user, newSub, at)) await this.#db.durable();
    return user;
  }

  async findUser(sub: string): Promise<User | undefined> {
    return this.#one(USER_STATEMENTS.find, { sub });
  }

  async findUserByEmail(email: string): Promise<User | undefined> {
    return this.#one(USER_STATEMENTS.findByEmail, { email });
  }

  async listUsers(afterEmail: string, limit: number): Promise<User[]> {
    return this.#db.statement(USER_STATEMENTS.list).all({ afterEmail, limit }).map(rowToUser);
  }

  // An operator's block or delete must not be undone by a power cut: on disk before it returns.
  async blockUser(email: string, newSub: string, at: number): Promise<User> {
    const user = this.#db.transaction(() => {
      const blocked = rowToUser(
        this.#db.statement(USER_STATEMENTS.block).get({ newSub, email, at }),
      );
      this.#removeRecords(blocked);
      return blocked;
    });
    await this.#db.durable();
    return user;
  }

  async unblockUser(email: string): Promise<User | undefined> {
    return this.#one(USER_STATEMENTS.unblock, { email });
  }

  async deleteUser(email: string): Promise<DeletedUser | undefined> {
    const deleted = this.#db.transaction(() => {
      const user = this.#one(USER_STATEMENTS.delete, { email });
      return user && { user, records: this.#removeRecords(user) };
    });
    await this.#db.durable();
    return deleted;
  }

  async userRecords({ sub, email }: User): Promise<UserRecords> {
    return toUserRecords(
      USER_STATEMENTS.readRecords.map(
        ({ sql }) => this.#db.statement(sql).all({ sub, email }) as object[],
      ),
    );
  }

  #one(sql: string, params: object): User | undefined {
    const row = this.#db.statement(sql).get(params);
    return row === undefined ? undefined : rowToUser(row);
  }

  /** Removes what {@link UserStore.blockUser} and `deleteUser` remove; returns how many rows. */
  #removeRecords({ sub, email }: User): number {
    let removed = 0;
    for (const sql of USER_STATEMENTS.removeRecords) {
      removed += this.#db.statement(sql).run({ sub, email }).changes;
    }
    return removed;
  }
}
