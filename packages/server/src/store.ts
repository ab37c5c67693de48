/**
 * Everything the server keeps. Routes talk only to this interface, so another database (for
 * example PostgreSQL) can replace SQLite without touching them. Times are epoch milliseconds.
 */
export interface Store {
  /** Saves the code for `(clientId, email)`, replacing any earlier one: only the newest is valid. */
  saveCode(code: PendingCode): Promise<void>;
  findCode(clientId: string, email: string): Promise<PendingCode | undefined>;
  /** Counts one wrong try and returns the new total. */
  addFailedAttempt(codeId: string): Promise<number>;
  /** Removes the code; `true` only for the one caller that removed it (single use). */
  consumeCode(codeId: string): Promise<boolean>;

  /** Returns the user with this email, creating it with `newSub` on first login. */
  upsertUserOnLogin(email: string, newSub: string, at: number): Promise<User>;
  findUser(sub: string): Promise<User | undefined>;

  saveAccessToken(token: AccessTokenRecord): Promise<void>;
  findAccessToken(tokenHash: string): Promise<AccessTokenRecord | undefined>;

  /**
   * Adds one to the counter `(key, slot)` unless the live counters of `key` (those whose
   * `expiresAt` is after `now`) already add up to `limit`: one atomic check-and-count. A counter
   * found expired starts again from one.
   */
  takeHit(hit: Hit, limit: number): Promise<HitResult>;
  /** Takes back one hit counted by {@link takeHit} (a start refused after it was counted). */
  returnHit(key: string, slot: number): Promise<void>;
  /** The live counters of `key` at `now`: their sum and the earliest expiry among them. */
  countHits(key: string, now: number): Promise<HitCount>;
  /** Drops every counter of `key`. */
  clearHits(key: string): Promise<void>;

  /**
   * Claims the right to mail a new code to `email` (any client): granted only when the last
   * code was sent at least `resendMs` ago and the email's guess budget holds one wrong guess.
   * Atomic. Returns how many whole guesses the budget holds, or when to ask again.
   */
  claimCodeSlot(email: string, now: number, budget: GuessBudget): Promise<SlotClaim>;
  /** Takes one guess from the email's budget before a code is compared; atomic. */
  takeGuess(email: string, now: number, budget: GuessBudget): Promise<GuessClaim>;
  /** A successful login fills the email's guess budget again. */
  refillGuesses(email: string, now: number, budget: GuessBudget): Promise<void>;

  /**
   * Deletes at most `batch` records that expired before `now` (rate counters, guess budgets,
   * codes, tokens, tickets, mail) and returns how many it deleted; callers repeat it, yielding
   * in between, so pruning never holds the event loop for long.
   */
  pruneExpired(now: number, batch: number): Promise<number>;

  /** Keeps a login ticket (from /co/authenticate) until /authorize redeems it. */
  saveLoginTicket(ticket: LoginTicket): Promise<void>;
  /** Removes and returns the ticket: only the first caller gets it (single use). */
  consumeLoginTicket(ticketHash: string): Promise<LoginTicket | undefined>;

  saveAuthorizationCode(code: AuthorizationCodeRecord): Promise<void>;
  /** Removes and returns the code: only the first caller gets it (single use). */
  consumeAuthorizationCode(codeHash: string): Promise<AuthorizationCodeRecord | undefined>;

  /** Puts a mail in the durable outbox; returns its id. */
  enqueueMail(mail: NewOutboxMail): Promise<number>;
  /** Mail whose next try is due at `now` (all pending mail with `now` = Infinity), oldest first. */
  listDueMail(now: number, limit: number): Promise<OutboxMail[]>;
  /** Removes a mail from the outbox (sent, or no longer worth sending). */
  removeMail(id: number): Promise<void>;
  /** Records a failed try and when to try again. */
  rescheduleMail(id: number, nextAttemptAt: number, lastError: string): Promise<void>;

  addInboxMessage(message: InboxMessage): Promise<void>;
  /** Newest first; only messages to `to` when given (case-insensitive). */
  listInboxMessages(to?: string): Promise<InboxMessage[]>;

  close(): Promise<void>;
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

export interface User {
  /** `email|` followed by 24 hex characters. */
  sub: string;
  email: string;
  createdAt: number;
  updatedAt: number;
}

export interface AccessTokenRecord {
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  tokenHash: string;
  sub: string;
  clientId: string;
  scope: string;
  /** The API (`audience`) it was issued for, if any. */
  audience?: string;
  expiresAt: number;
}

/** A proof, minted by /co/authenticate, that a user just verified a code from `origin`. */
export interface LoginTicket {
  /** SHA-256 (hex) of the ticket; the ticket itself is never stored. */
  ticketHash: string;
  clientId: string;
  sub: string;
  /** The web origin that asked for it; /authorize only answers to this origin. */
  origin: string;
  expiresAt: number;
}

/** An OAuth authorization code (RFC 6749 §4.1) bound to its PKCE challenge (RFC 7636). */
export interface AuthorizationCodeRecord {
  /** SHA-256 (hex) of the code. */
  codeHash: string;
  clientId: string;
  sub: string;
  redirectUri: string;
  scope: string;
  audience?: string;
  nonce?: string;
  /** S256 challenge: base64url(SHA-256(code_verifier)). */
  codeChallenge: string;
  expiresAt: number;
}

export interface NewOutboxMail {
  to: string;
  fromName: string;
  fromAddress: string;
  /** Subject and bodies arrive encrypted by the outbox (they carry the code); kept as given. */
  subject: string;
  text: string;
  html: string;
  /** The mail is useless after this (its code or link has expired) and is dropped. */
  expiresAt: number;
  nextAttemptAt: number;
}

export interface OutboxMail extends NewOutboxMail {
  id: number;
  attempts: number;
  lastError?: string;
}

/** One counted event: counter `slot` of `key`, alive until `expiresAt`. */
export interface Hit {
  key: string;
  slot: number;
  expiresAt: number;
  now: number;
}

export interface HitResult {
  taken: boolean;
  /** The live sum after this hit (before it, when it was not taken). */
  count: number;
  /** When the earliest live counter of the key expires. */
  firstExpiry?: number;
}

export interface HitCount {
  count: number;
  firstExpiry?: number;
}

/**
 * A per-email token bucket of wrong guesses: `capacity` at most, one more every `refillMs`.
 * `resendMs` is the minimum time between two codes mailed to the email.
 */
export interface GuessBudget {
  capacity: number;
  refillMs: number;
  resendMs: number;
  /** When an untouched record may be pruned, counted from its last change. */
  keepMs: number;
}

export type SlotClaim = { claimed: true; guesses: number } | { claimed: false; retryAt: number };
export type GuessClaim = { taken: true } | { taken: false; retryAt: number };

export interface InboxMessage {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** ISO 8601 */
  date: string;
}

/**
 * The dev inbox keeps only this many messages, the newest: a `--dev` server left running (or
 * flooded with starts) must not fill the disk.
 */
export const DEV_INBOX_MAX_MESSAGES = 1_000;
