/**
 * The codes mailed by /passwordless/start, waiting to be typed or clicked. Times are epoch
 * milliseconds. Expiry is the caller's to check: an expired code may be found until it is pruned.
 */
export interface CodeStore {
  /** Saves the code for `(clientId, email)`, replacing any earlier one: only the newest is valid. */
  saveCode(code: PendingCode): Promise<void>;
  findCode(clientId: string, email: string): Promise<PendingCode | undefined>;
}

export interface PendingCode {
  /** Returned to the caller of /passwordless/start as `_id`. */
  id: string;
  clientId: string;
  email: string;
  /** HMAC-SHA256 of `salt` + code, keyed with the server secret; the code is never stored. */
  codeHash: Buffer;
  salt: Buffer;
  createdAt: number;
  expiresAt: number;
  attempts: number;
  /** Wrong tries this code allows (fewer when the email's guess budget is low). */
  maxAttempts: number;
  /** The magic link's authorize parameters, canonical JSON; absent for a code sent as a code. */
  linkParams?: string;
  /** `authParams.nonce` from start, put in the id_token unless /oauth/token names another. */
  nonce?: string;
}
