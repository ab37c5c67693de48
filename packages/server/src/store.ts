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

  /** Rate-limit bookkeeping: one row per counted event under a key such as `start:<ip>`. */
  recordEvent(key: string, at: number): Promise<void>;
  /** Events under `key` strictly after `since`: how many, and when the oldest and newest happened. */
  countEvents(key: string, since: number): Promise<EventCount>;
  /** Drops every event under `key`. */
  clearEvents(key: string): Promise<void>;
  /** Drops events older than `eventsBefore`, and codes, tokens, tickets and mail expired at `now`. */
  prune(eventsBefore: number, now: number): Promise<void>;

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
  /** HMAC-SHA256 of the code keyed with `salt`; the code itself is never stored. */
  codeHash: Buffer;
  salt: Buffer;
  createdAt: number;
  expiresAt: number;
  attempts: number;
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

export interface EventCount {
  count: number;
  oldest?: number;
  newest?: number;
}

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
