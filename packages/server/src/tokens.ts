import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ApiConfig, ClientConfig } from './config.js';
import type { AppContext } from './context.js';
import { AuthError, quoteInput } from './errors.js';
import { SIGNING_ALG } from './keys.js';
import { profileClaims } from './profile.js';
import type { User } from './store.js';

/** The body of a successful `/oauth/token` answer. */
export interface TokenResponse {
  access_token: string;
  id_token?: string;
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
const OIDC_SCOPES: readonly string[] = [
  'openid',
  'profile',
  'email',
  'address',
  'phone',
  'offline_access',
];

/** The words of a space-separated scope string (RFC 6749 §3.3). */
export function parseScope(scope: string): Set<string> {
  return new Set(scope.split(/\s+/).filter(Boolean));
}

/**
 * What a token is granted of the `requested` scope: the OIDC scopes, plus those the `api`
 * (the `audience`) lists in `apis[].scopes`. The rest is dropped silently, as Auth0 does, so a
 * caller cannot give itself an API permission just by asking for it.
 */
export function grantedScope(requested: string | undefined, api?: ApiConfig): Set<string> {
  const grantable = (scope: string) =>
    OIDC_SCOPES.includes(scope) || (api?.scopes.includes(scope) ?? false);
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

/** An access token and, when `openid` is in scope, an id_token bound to it by `at_hash`. */
export async function issueTokens(ctx: AppContext, grant: Grant): Promise<TokenResponse> {
  const access = await issueAccessToken(ctx, grant);
  const response: TokenResponse = {
    access_token: access.token,
    token_type: 'Bearer',
    expires_in: access.expiresIn,
    scope: [...grant.scope].join(' '),
  };
  if (grant.scope.has('openid')) {
    response.id_token = await signIdToken(ctx, grant, { accessToken: access.token });
  }
  return response;
}

/**
 * Without an API: an opaque token of which only the SHA-256 is stored. With one: an RFC 9068
 * JWT whose `aud` is the API (plus our /userinfo when `openid` is granted, as Auth0 does).
 */
export async function issueAccessToken(ctx: AppContext, grant: Grant): Promise<IssuedAccessToken> {
  const now = ctx.now();
  const scope = [...grant.scope].join(' ');
  if (grant.api) {
    const iat = Math.floor(now / 1000);
    const expiresIn = grant.api.accessTokenLifetimeS;
    const audience = [grant.api.identifier];
    if (grant.scope.has('openid')) audience.push(`${ctx.config.issuer}userinfo`);
    // Read once: `kid` must name the key that signs, even if a reload lands in between.
    const keys = ctx.keys.current();
    const token = await new SignJWT({ scope, client_id: grant.client.clientId })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: keys.kid, typ: 'at+jwt' })
      .setIssuer(ctx.config.issuer)
      .setSubject(grant.user.sub)
      .setAudience(audience.length === 1 ? audience[0]! : audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + expiresIn)
      .setJti(ctx.random(16).toString('hex'))
      .sign(keys.privateKey);
    return { token, expiresIn };
  }
  const expiresIn = ctx.config.lifetimes.accessTokenS;
  const token = ctx.random(32).toString('base64url');
  await ctx.store.saveAccessToken({
    tokenHash: sha256Hex(token),
    sub: grant.user.sub,
    clientId: grant.client.clientId,
    scope,
    expiresAt: now + expiresIn * 1000,
  });
  return { token, expiresIn };
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
  const claims: Record<string, unknown> = profileClaims(grant.user, grant.scope);
  if (issuedWith.accessToken !== undefined) claims.at_hash = leftHalfHash(issuedWith.accessToken);
  if (issuedWith.code !== undefined) claims.c_hash = leftHalfHash(issuedWith.code);
  if (grant.nonce !== undefined) claims.nonce = grant.nonce;
  // Read once: `kid` must name the key that signs, even if a reload lands in between.
  const keys = ctx.keys.current();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALG, kid: keys.kid, typ: 'JWT' })
    .setIssuer(ctx.config.issuer)
    .setAudience(grant.client.clientId)
    .setSubject(grant.user.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ctx.config.lifetimes.idTokenS)
    .sign(keys.privateKey);
}

export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** OIDC Core §3.1.3.6: base64url of the left half of the SHA-256 of the value. */
function leftHalfHash(value: string): string {
  return createHash('sha256').update(value, 'ascii').digest().subarray(0, 16).toString('base64url');
}
