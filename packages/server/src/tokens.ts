import { createHash } from 'node:crypto';
import type { ApiConfig, ClientConfig } from './config.js';
import type { AppContext } from './context.js';
import { AuthError, quoteInput } from './errors.js';
import { signJwt } from './jwt-sign.js';
import { profileClaims } from './profile.js';
import type { AccessTokenRecord, User } from './store.js';

/** The body of a successful `/oauth/token` answer. */
export interface TokenResponse {
  access_token: string;
  id_token?: string;
  /** With `offline_access` granted (DESIGN §7): opaque, rotated at each use. */
  refresh_token?: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** Who logged in, to which client, for what: everything a token is minted from. */
export interface Grant {
  client: ClientConfig;
  user: User;
  scope: ReadonlySet<string>;
  nonce?: string;
  /** When the user logged in (epoch ms): the id_token's `auth_time`, kept across refreshes. */
  authTime?: number;
  /** The API named by `audience`; its access tokens are JWTs. */
  api?: ApiConfig;
}

export interface IssuedAccessToken {
  token: string;
  expiresIn: number;
}

/** The scope a request gets when it names none. */
const DEFAULT_SCOPE = 'openid profile email';

/** The scopes OpenID Connect defines; any token may carry those that were requested. */
const OIDC_SCOPES: readonly string[] = ['openid', 'profile', 'email', 'address', 'phone'];

/** The scope that asks for a refresh token (OIDC Core §11), and the grant that uses one. */
export const OFFLINE_ACCESS = 'offline_access';
export const REFRESH_TOKEN_GRANT = 'refresh_token';

/** The words of a space-separated scope string (RFC 6749 §3.3). */
export function parseScope(scope: string): Set<string> {
  return new Set(scope.split(/\s+/).filter(Boolean));
}

/**
 * What `client` is granted of the `requested` scope: the OIDC scopes, plus those the `api`
 * (the `audience`) lists in `apis[].scopes`. The rest is dropped silently, as Auth0 does, so a
 * caller cannot give itself an API permission just by asking for it; so is `offline_access`
 * for a client whose `grant_types` lack `refresh_token`.
 */
export function grantedScope(
  requested: string | undefined,
  client: ClientConfig,
  api?: ApiConfig,
): Set<string> {
  const grantable = (scope: string) =>
    scope === OFFLINE_ACCESS
      ? client.grantTypes.includes(REFRESH_TOKEN_GRANT)
      : OIDC_SCOPES.includes(scope) || (api?.scopes.includes(scope) ?? false);
  return new Set([...parseScope(requested ?? DEFAULT_SCOPE)].filter(grantable));
}

/** Refuses a grant type the client is not configured for (`grant_types`). */
export function assertGrantAllowed(client: ClientConfig, grantType: string): void {
  if (!client.grantTypes.includes(grantType)) {
    throw new AuthError(
      403,
      'unauthorized_client',
      `Grant type '${grantType}' not allowed for the client.`,
    );
  }
}

/** The configured API for `audience`; Auth0 answers an unknown one with 403 "Service not found". */
export function findApi(ctx: AppContext, audience: string | undefined): ApiConfig | undefined {
  if (audience === undefined || audience === '') return undefined;
  const api = ctx.config.apis.find((candidate) => candidate.identifier === audience);
  if (!api) throw new AuthError(403, 'access_denied', `Service not found: ${quoteInput(audience)}`);
  return api;
}

/** Tokens a grant already holds when it asks for the response. */
export interface AlreadyIssued {
  /** Rotated in by the refresh grant. */
  refreshToken?: string;
  /** Saved by the login itself, in its transaction ({@link mintOpaqueAccessToken}). */
  accessToken?: IssuedAccessToken;
}

/**
 * An access token and, when `openid` is in scope, an id_token bound to it by `at_hash`. With
 * `offline_access` granted, a refresh token too: `issued.refreshToken` when the refresh grant
 * already rotated one in, else the first of a new family.
 */
export async function issueTokens(
  ctx: AppContext,
  grant: Grant,
  issued: AlreadyIssued = {},
): Promise<TokenResponse> {
  const access = issued.accessToken ?? (await issueAccessToken(ctx, grant));
  const response: TokenResponse = {
    access_token: access.token,
    token_type: 'Bearer',
    expires_in: access.expiresIn,
    scope: [...grant.scope].join(' '),
  };
  if (grant.scope.has('openid')) {
    response.id_token = await signIdToken(ctx, grant, { accessToken: access.token });
  }
  const refresh =
    issued.refreshToken ??
    (grant.scope.has(OFFLINE_ACCESS) ? await startFamily(ctx, grant) : undefined);
  if (refresh !== undefined) response.refresh_token = refresh;
  return response;
}

/**
 * Without an API: an opaque token of which only the SHA-256 is stored. With one: an RFC 9068
 * JWT whose `aud` is the API (plus our /userinfo when `openid` is granted, as Auth0 does).
 */
export async function issueAccessToken(ctx: AppContext, grant: Grant): Promise<IssuedAccessToken> {
  if (grant.api) {
    const iat = Math.floor(ctx.now() / 1000);
    const expiresIn = grant.api.accessTokenLifetimeS;
    const audience = [grant.api.identifier];
    if (grant.scope.has('openid')) audience.push(`${ctx.config.issuer}userinfo`);
    const token = await signJwt(ctx.keys.current(), 'at+jwt', {
      iss: ctx.config.issuer,
      sub: grant.user.sub,
      aud: audience.length === 1 ? audience[0] : audience,
      iat,
      exp: iat + expiresIn,
      jti: ctx.random(16).toString('hex'),
      scope: [...grant.scope].join(' '),
      client_id: grant.client.clientId,
    });
    return { token, expiresIn };
  }
  const { issued, record } = mintOpaqueAccessToken(ctx, grant.client, grant.scope);
  await ctx.store.saveAccessToken({ ...record, sub: grant.user.sub });
  return issued;
}

/**
 * An opaque access token (no API), and the record of it to store: only its SHA-256 is kept. The
 * code login mints it before it knows the user, so the login's own transaction can save it.
 */
export function mintOpaqueAccessToken(
  ctx: AppContext,
  client: ClientConfig,
  scope: ReadonlySet<string>,
): { issued: IssuedAccessToken; record: Omit<AccessTokenRecord, 'sub' | 'audience'> } {
  const expiresIn = ctx.config.lifetimes.accessTokenS;
  const token = ctx.random(32).toString('base64url');
  const record = {
    tokenHash: sha256Hex(token),
    clientId: client.clientId,
    scope: [...scope].join(' '),
    expiresAt: ctx.now() + expiresIn * 1000,
  };
  return { issued: { token, expiresIn }, record };
}

/** A refresh token: 256 bits from the CSPRNG, base64url; only its SHA-256 is stored. */
export function newRefreshToken(ctx: AppContext): string {
  return ctx.random(32).toString('base64url');
}

/** The first refresh token of a new family: the login is its start and `auth_time`. */
async function startFamily(ctx: AppContext, grant: Grant): Promise<string> {
  const now = ctx.now();
  const lifetimes = ctx.config.lifetimes.refreshToken;
  const familyExpiresAt = now + lifetimes.absoluteS * 1000;
  const token = newRefreshToken(ctx);
  await ctx.store.saveRefreshToken({
    tokenHash: sha256Hex(token),
    familyId: ctx.random(16).toString('hex'),
    sub: grant.user.sub,
    clientId: grant.client.clientId,
    scope: [...grant.scope].join(' '),
    ...(grant.api ? { audience: grant.api.identifier } : {}),
    authTime: grant.authTime ?? now,
    familyExpiresAt,
    issuedAt: now,
    expiresAt: Math.min(now + lifetimes.idleS * 1000, familyExpiresAt),
  });
  return token;
}

/**
 * The RS256 id_token. `at_hash` / `c_hash` bind it to the access token / authorization code
 * issued in the same response (OIDC Core §3.1.3.6, §3.3.2.11).
 */
export async function signIdToken(
  ctx: AppContext,
  grant: Grant,
  issuedWith: { accessToken?: string; code?: string } = {},
): Promise<string> {
  const iat = Math.floor(ctx.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: ctx.config.issuer,
    aud: grant.client.clientId,
    iat,
    exp: iat + ctx.config.lifetimes.idTokenS,
    ...profileClaims(grant.user, grant.scope),
  };
  if (issuedWith.accessToken !== undefined) claims.at_hash = leftHalfHash(issuedWith.accessToken);
  if (issuedWith.code !== undefined) claims.c_hash = leftHalfHash(issuedWith.code);
  if (grant.nonce !== undefined) claims.nonce = grant.nonce;
  if (grant.authTime !== undefined) claims.auth_time = Math.floor(grant.authTime / 1000);
  return signJwt(ctx.keys.current(), 'JWT', claims);
}

export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** OIDC Core §3.1.3.6: base64url of the left half of the SHA-256 of the value. */
function leftHalfHash(value: string): string {
  return createHash('sha256').update(value, 'ascii').digest().subarray(0, 16).toString('base64url');
}
