import type { FastifyBaseLogger } from 'fastify';
import type { ClientConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { AuthError, quoteInput } from '../errors.js';
import type { TokenParams } from '../routes/token.js';
import type { TokenResponse } from '../tokens.js';
import { authorizationCodeGrant } from './authorization-code.js';
import { OTP_GRANT, otpGrant } from './otp.js';
import { refreshTokenGrant } from './refresh-token.js';
import { REFRESH_TOKEN_GRANT } from '../tokens.js';

/** A token request whose client is known and allowed the grant. */
export interface TokenRequest {
  client: ClientConfig;
  params: TokenParams;
  /** Where the request comes from; the OTP grant counts failures by it. */
  ip: string;
  /** The request's logger (login events carry the request's id). */
  log: FastifyBaseLogger;
}

export type GrantHandler = (ctx: AppContext, request: TokenRequest) => Promise<TokenResponse>;

/**
 * What each `grant_type` does at /oauth/token, as node-oidc-provider's `lib/actions/grants`. The
 * token endpoint, the config's `grant_types` and discovery's `grant_types_supported` all read it.
 */
const TOKEN_GRANTS: ReadonlyMap<string, GrantHandler> = new Map([
  [OTP_GRANT, otpGrant],
  ['authorization_code', authorizationCodeGrant],
  [REFRESH_TOKEN_GRANT, refreshTokenGrant],
]);

/**
 * Every grant a client may be configured for (and is, when its config lists none): those of
 * the token endpoint, and `implicit`, tokens answered straight from /authorize.
 */
export const SUPPORTED_GRANTS: readonly string[] = [...TOKEN_GRANTS.keys(), 'implicit'];

/** The handler of a token endpoint grant; 400 `unsupported_grant_type` for any other. */
export function tokenGrant(grantType: string): GrantHandler {
  const grant = TOKEN_GRANTS.get(grantType);
  if (!grant) {
    throw new AuthError(
      400,
      'unsupported_grant_type',
      `Unsupported grant type: ${quoteInput(grantType)}`,
    );
  }
  return grant;
}
