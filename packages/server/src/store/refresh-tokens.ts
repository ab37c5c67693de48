/**
 * Refresh tokens (DESIGN §7), kept by the SHA-256 (hex) of the token, which itself is never
 * stored. Every token belongs to a family: the tokens rotated from one login. A family is
 * revoked by deleting its rows, so a revoked token is simply unknown. Times are epoch
 * milliseconds.
 */
export interface RefreshTokenStore {
  /** Keeps the first token of a new family (issued at login). */
  saveRefreshToken(token: RefreshTokenRecord): Promise<void>;
  /** The token as it is now (spent or not, expired until pruned): for checks before a use. */
  findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | undefined>;
  /**
   * Spends the token with `tokenHash` (of client `clientId`) and keeps `successor` in its family,
   * atomically, so of racing uses of one token only one spends it. A token already spent less
   * than `reuseIntervalMs` ago also gets its successor (the grace of `reuse_interval_s`); one
   * spent earlier is a reuse, and the whole family (its newest token too) is deleted in the
   * same transaction. An unknown, expired or other client's token changes nothing.
   */
  rotateRefreshToken(rotation: RefreshTokenRotation): Promise<RotationOutcome>;
  /**
   * Deletes the family of the token with `tokenHash` when it belongs to `clientId`; resolves
   * whether there was one (RFC 7009: the caller answers the same either way).
   */
  revokeRefreshTokenFamily(tokenHash: string, clientId: string): Promise<boolean>;
}

export interface RefreshTokenRecord {
  /** SHA-256 (hex) of the token. */
  tokenHash: string;
  /** Shared by every token rotated from the same login. */
  familyId: string;
  sub: string;
  clientId: string;
  /** The scope granted at login: a refresh may ask for less, never more. */
  scope: string;
  /** The API (`audience`) the family's access tokens are for, if any. */
  audience?: string;
  /** When the user logged in: the `auth_time` of every id_token the family issues. */
  authTime: number;
  /** The family's absolute end: no token of it outlives this. */
  familyExpiresAt: number;
  issuedAt: number;
  /**
   * When this token dies unused: `issuedAt` + the idle lifetime, at most `familyExpiresAt`.
   * Once spent, `familyExpiresAt`: it is kept (to recognize a reuse) until the family ends.
   */
  expiresAt: number;
  /** When it was spent; absent while it is the family's live token. */
  usedAt?: number;
}

export interface RefreshTokenRotation {
  tokenHash: string;
  clientId: string;
  now: number;
  /** 0: a spent token is always a reuse. */
  reuseIntervalMs: number;
  /** Hash of the token that replaces it, and how long that one may sit unused. */
  successorHash: string;
  idleLifetimeMs: number;
}

/**
 * `rotated`: the token was live (or spent within the reuse interval); its record (as it was when
 * presented) is returned and the successor is kept. `reused`: the family is gone. `unknown`: no
 * live token of this client has the hash.
 */
export type RotationOutcome =
  | { outcome: 'rotated'; token: RefreshTokenRecord; successor: RefreshTokenRecord }
  | { outcome: 'reused'; token: RefreshTokenRecord }
  | { outcome: 'unknown' };

/** The successor of `spent` issued at `now`: same family, a fresh idle lifetime within it. */
export function successorOf(
  spent: RefreshTokenRecord,
  { successorHash, now, idleLifetimeMs }: RefreshTokenRotation,
): RefreshTokenRecord {
  const family: RefreshTokenRecord = { ...spent };
  delete family.usedAt;
  return {
    ...family,
    tokenHash: successorHash,
    issuedAt: now,
    expiresAt: Math.min(now + idleLifetimeMs, spent.familyExpiresAt),
  };
}

/**
 * What presenting a token the spend did not take is, given its record as found: spent within
 * the reuse interval (a retry or a racing tab), a reuse, or dead (unknown, another client's, or
 * expired unused).
 */
export function judgeUnspendable(
  token: RefreshTokenRecord | undefined,
  { clientId, now, reuseIntervalMs }: RefreshTokenRotation,
): 'grace' | 'reused' | 'unknown' {
  if (!token || token.clientId !== clientId || token.usedAt === undefined) return 'unknown';
  if (now - token.usedAt < reuseIntervalMs && token.familyExpiresAt > now) return 'grace';
  return 'reused';
}
