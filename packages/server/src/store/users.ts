/** The users, created by their first successful login. Times are epoch milliseconds. */
export interface UserStore {
  /**
   * Returns the user with this email, creating it with `newSub` on first login. Atomic: of two
   * first logins racing, both get the one `sub` that was kept. A new user must survive a power
   * cut (its `sub` is already in an id_token), so creating one is durable when this resolves.
   */
  upsertUserOnLogin(email: string, newSub: string, at: number): Promise<User>;
  findUser(sub: string): Promise<User | undefined>;
}

export interface User {
  /** `email|` followed by 24 hex characters. */
  sub: string;
  email: string;
  createdAt: number;
  updatedAt: number;
}
