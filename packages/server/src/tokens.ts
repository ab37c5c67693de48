import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ClientConfig } from './config.js';
import type { AppContext } from './context.js';
import { SIGNING_ALG } from './keys.js';
import { profileClaims } from './profile.js';
import type { User } from './store.js';

export const ACCESS_TOKEN_LIFETIME_S = 86_400;
export const ID_TOKEN_LIFETIME_S = 36_000;

/** The body of a successful `/oauth/token` answer. */
export interface TokenResponse {
  access_token: string;
  id_token?: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export interface TokenRequest {
  client: ClientConfig;
  user: User;
  scope: ReadonlySet<string>;
  nonce?: string;
}

/**
 * An opaque access token (only its SHA-256 is stored) and, when `openid` is in scope, an RS256
 * id_token bound to it by `at_hash`.
 */
export async function issueTokens(ctx: AppContext, request: TokenRequest): Promise<TokenResponse> {
  const now = ctx.now();
  const accessToken = ctx.random(32).toString('base64url');
  const scope = [...request.scope].join(' ');
  await ctx.store.saveAccessToken({
    tokenHash: hashAccessToken(accessToken),
    sub: request.user.sub,
    clientId: request.client.clientId,
    scope,
    expiresAt: now + ACCESS_TOKEN_LIFETIME_S * 1000,
  });
  const response: TokenResponse = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    scope,
  };
  if (request.scope.has('openid')) {
    response.id_token = await signIdToken(ctx, request, accessToken, now);
  }
  return response;
}

async function signIdToken(
  ctx: AppContext,
  request: TokenRequest,
  accessToken: string,
  now: number,
): Promise<string> {
  const iat = Math.floor(now / 1000);
  const claims: Record<string, unknown> = {
    ...profileClaims(request.user, request.scope),
    at_hash: atHash(accessToken),
  };
  if (request.nonce !== undefined) claims.nonce = request.nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALG, kid: ctx.keys.kid, typ: 'JWT' })
    .setIssuer(ctx.config.issuer)
    .setAudience(request.client.clientId)
    .setSubject(request.user.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ID_TOKEN_LIFETIME_S)
    .sign(ctx.keys.privateKey);
}

export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** OIDC Core §3.1.3.6: base64url of the left half of the SHA-256 of the access token. */
export function atHash(accessToken: string): string {
  return createHash('sha256')
    .update(accessToken, 'ascii')
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}
