import {
  LOGIN_STATEMENTS,
  loginReadParams,
  LOST_RACE,
  LostLoginRace,
  planLogin,
  toLoginState,
} from '../store/login-tables.js';
import type { LoginAttempt, LoginOutcome, LoginStore } from '../store/logins.js';
import { rowToUser } from '../store/user-tables.js';
import type { User } from '../store/users.js';
import type { SqliteDatabase } from './database.js';
import { mustBeOnDisk } from './users.js';

/**
 * A login as one `BEGIN IMMEDIATE` transaction: the write lock is taken before the read, so no
 * other request or process changes a counter, a code or a budget between what the attempt
 * reads and what it writes. The comparison runs inside it (it is synchronous, like the rest).
 */
export class SqliteLoginStore implements LoginStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async attemptLogin(attempt: LoginAttempt): Promise<LoginOutcome> {
    let result: LoginOutcome;
    try {
      result = this.#db.writeTransaction(() => this.#attempt(attempt));
    } catch (error) {
      if (error instanceof LostLoginRace) return LOST_RACE;
      throw error;
    }
    if (result.outcome === 'login' && mustBeOnDisk(result.user, attempt.newSub, attempt.now)) {
      await this.#db.durable();
    }
    return result;
  }

  #attempt(attempt: LoginAttempt): LoginOutcome {
    const row = this.#db.statement(LOGIN_STATEMENTS.read).get(loginReadParams(attempt));
    const { outcome, writes } = planLogin(attempt, toLoginState(row));
    let user: User | undefined;
    for (const { sql, params, expect } of writes) {
      const statement = this.#db.statement(sql);
      if (expect === 'user') user = rowToUser(statement.get(params));
      else if (statement.run(params).changes === 0 && expect === 'change')
        throw new LostLoginRace();
    }
    return outcome.outcome === 'login' ? { ...outcome, user: user! } : outcome;
  }
}
