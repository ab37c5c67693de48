/**
 * The users, created by their first successful login (or blocked by an operator before it).
 * Times are epoch milliseconds.
 */
export interface UserStore {
  /**
   * Returns the user with this email, creating it with `newSub` on first login. Atomic: of two
   * first logins racing, both get the one `sub` that was kept. A new user must survive a power
   * cut (its `sub` is already in an id_token), so creating one is durable when this resolves.
   * A blocked user is returned as it is (`updatedAt` unmoved): refusing it is the caller's.
   */
  upsertUserOnLogin(email: string, newSub: string, at: number): Promise<User>;
  findUser(sub: string): Promise<User | undefined>;
  findUserByEmail(email: string): Promise<User | undefined>;
  /**
   * Up to `limit` users in email order, those after `afterEmail` (all for `''`): a page of a
   * listing that never holds more than one page.
   */
  listUsers(afterEmail: string, limit: number): Promise<User[]>;
  /**
   * Blocks the user with this email, creating it blocked (with `newSub`) when there is none, so
   * the email cannot sign up; and in the same transaction removes every record that would let it
   * in or that mail would carry: its codes, tickets, authorization codes, access tokens, refresh
   * token families and queued mail. Durable when it resolves.
   */
  blockUser(email: string, newSub: string, at: number): Promise<User>;
  /** Lifts a block; `undefined` when there is no such user. */
  unblockUser(email: string): Promise<User | undefined>;
  /**
   * Removes the user and every record kept about it ({@link UserRecords}) in one transaction;
   * `undefined` when there is no such user.
   */
  deleteUser(email: string): Promise<DeletedUser | undefined>;
  /** What is kept about the user besides its row, without any secret or hash of one. */
  userRecords(user: User): Promise<UserRecords>;
}

export interface User {
  /** `email|` followed by 24 hex characters. */
  sub: string;
  email: string;
  createdAt: number;
  /** Set at creation and at every login. */
  updatedAt: number;
  /** Refused at every login and by /userinfo (Auth0's `blocked`). */
  blocked: boolean;
}

export interface DeletedUser {
  user: User;
  /** How many records about the user were removed with it. */
  records: number;
}

/** The user's records in each table that keeps some, oldest expiry first. */
export interface UserRecords {
  /** Codes mailed and not yet used or expired. */
  pendingCodes: Array<{
    clientId: string;
    send: 'code' | 'link';
    createdAt: number;
    expiresAt: number;
    attempts: number;
    maxAttempts: number;
  }>;
  loginTickets: Array<{ clientId: string; origin: string; expiresAt: number }>;
  authorizationCodes: Array<{
    clientId: string;
    redirectUri: string;
    scope: string;
    audience?: string;
    expiresAt: number;
  }>;
  accessTokens: Array<{ clientId: string; scope: string; audience?: string; expiresAt: number }>;
  /** Refresh tokens, a row per token of each family (spent ones carry `usedAt`); no hash. */
  refreshTokens: Array<{
    clientId: string;
    scope: string;
    audience?: string;
    authAt: number;
    issuedAt: number;
    usedAt?: number;
    expiresAt: number;
    familyExpiresAt: number;
  }>;
  /** Mail waiting in the outbox for a retry: when, not what (it is sealed, and holds a code). */
  queuedMail: Array<{ attempts: number; nextAttemptAt: number; expiresAt: number }>;
}
