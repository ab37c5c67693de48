import type { User, UserStore } from '../store/users.js';
import type { PostgresDatabase } from './database.js';

const USER_COLUMNS = 'sub, email, created_at AS "createdAt", updated_at AS "updatedAt"';

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
    const [user] = await this.#db.query<User>(
      `INSERT INTO users (sub, email, created_at, updated_at) VALUES (@newSub, @email, @at, @at)
       ON CONFLICT (email) DO UPDATE SET updated_at = excluded.updated_at
       RETURNING ${USER_COLUMNS}`,
      { newSub, email, at },
    );
    return user!;
  }

  async findUser(sub: string): Promise<User | undefined> {
    const [user] = await this.#db.query<User>(
      `SELECT ${USER_COLUMNS} FROM users WHERE sub = @sub`,
      { sub },
    );
    return user;
  }
}
