/**
 * Records found by the hash (SHA-256, hex) of a secret the client holds, which is itself never
 * stored: login tickets and authorization codes (redeemed once) and opaque access tokens. Each
 * lives until `expiresAt` (epoch milliseconds); expiry is the caller's to check, since an expired
 * record may be found until it is pruned.
 */
export interface LoginTicketStore {
  /** Keeps a login ticket (from /co/authenticate) until /authorize redeems it. */
  saveLoginTicket(ticket: LoginTicket): Promise<void>;
  /** Removes and returns the ticket: only the first caller gets it (single use). */
  consumeLoginTicket(ticketHash: string): Promise<LoginTicket | undefined>;
}

export interface AuthorizationCodeStore {
  saveAuthorizationCode(code: AuthorizationCodeRecord): Promise<void>;
  /** Removes and returns the code: only the first caller gets it (single use). */
  consumeAuthorizationCode(codeHash: string): Promise<AuthorizationCodeRecord | undefined>;
}

export interface AccessTokenStore {
  saveAccessToken(token: AccessTokenRecord): Promise<void>;
  /** Every /userinfo call with the token finds it again (not single use). */
  findAccessToken(tokenHash: string): Promise<AccessTokenRecord | undefined>;
}

/** A proof, minted by /co/authenticate, that a user just verified a code from `origin`. */
export interface LoginTicket {
  /** SHA-256 (hex) of the ticket. */
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

export interface AccessTokenRecord {
  /** SHA-256 (hex) of the token. */
  tokenHash: string;
  sub: string;
  clientId: string;
  scope: string;
  /** The API (`audience`) it was issued for, if any. */
  audience?: string;
  expiresAt: number;
}
