import { assertEmailRealm, verifyEmailCode } from '../login/verify.js';
import { requiredParam } from '../required-param.js';
import { findApi, grantedScope, issueTokens, type TokenResponse } from '../tokens.js';
import type { AppContext } from '../context.js';
import type { TokenRequest } from './index.js';

/** The OAuth grant that exchanges an emailed one-time code for tokens (Auth0's name for it). */
export const OTP_GRANT = 'http://auth0.com/oauth/grant-type/passwordless/otp';

/** Auth0's passwordless OTP grant: the emailed code itself is the credential. */
export async function otpGrant(
  ctx: AppContext,
  { client, params, ip, log }: TokenRequest,
): Promise<TokenResponse> {
  const username = requiredParam(params.username, 'username');
  const otp = requiredParam(params.otp, 'otp');
  assertEmailRealm(ctx, requiredParam(params.realm, 'realm'));
  const api = findApi(ctx, params.audience);
  const login = await verifyEmailCode(ctx, {
    client,
    ip,
    username,
    otp,
    wrongCodeError: 'invalid_grant',
    log,
  });
  const nonce = params.nonce ?? login.nonce;
  return issueTokens(ctx, {
    client,
    user: login.user,
    scope: grantedScope(params.scope, client, api),
    ...(nonce === undefined ? {} : { nonce }),
    ...(api ? { api } : {}),
  });
}
