import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.js';
import { AuthError } from '../errors.js';
import { assertNotBlocked } from '../login/blocked.js';
import { normalizeUrl } from '../origins.js';
import { requiredParam } from '../required-param.js';
import { findApi, grantedScope, issueTokens, sha256Hex, type TokenResponse } from '../tokens.js';
import type { TokenRequest } from './index.js';

/** RFC 6749 §4.1.3 with PKCE (RFC 7636, S256 only): the code is single use and short-lived. */
export async function authorizationCodeGrant(
  ctx: AppContext,
  { client, params }: TokenRequest,
): Promise<TokenResponse> {
  const code = requiredParam(params.code, 'code');
  const verifier = requiredParam(params.code_verifier, 'code_verifier');
  const invalidGrant = (description: string) => new AuthError(403, 'invalid_grant', description);

  const record = await ctx.store.consumeAuthorizationCode(sha256Hex(code));
  if (!record || record.clientId !== client.clientId || record.expiresAt <= ctx.now()) {
    throw invalidGrant('Invalid authorization code');
  }
  // RFC 6749 §4.1.3: the same redirect_uri as the authorization request.
  if (normalizeUrl(params.redirect_uri) !== record.redirectUri) {
    throw invalidGrant('The redirect_uri does not match the one of the authorization request.');
  }
  if (!pkceMatches(verifier, record.codeChallenge)) {
    throw invalidGrant('Failed to verify code verifier');
  }
  const user = await ctx.store.findUser(record.sub);
  if (!user) throw invalidGrant('Invalid authorization code');
  assertNotBlocked(user);
  const api = record.audience === undefined ? undefined : findApi(ctx, record.audience)!;
  return issueTokens(ctx, {
    client,
    user,
    // Granted when the code was issued; granted again in case the API's scopes changed since.
    scope: grantedScope(record.scope, client, api),
    ...(record.nonce === undefined ? {} : { nonce: record.nonce }),
    ...(api ? { api } : {}),
  });
}

/** RFC 7636 §4.6: base64url(SHA-256(verifier)) equals the challenge; compared in constant time. */
function pkceMatches(verifier: string, challenge: string): boolean {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
