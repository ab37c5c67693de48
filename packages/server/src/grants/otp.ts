import { assertEmailRealm, verifyEmailCode } from '../login/verify.js';
import { requiredParam } from '../required-param.js';
import {
  findApi,
  grantedScope,
  issueTokens,
  mintOpaqueAccessToken,
  type TokenResponse,
} from '../tokens.js';
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
  const scope = grantedScope(params.scope, client, api);
  // Without an API the access token is opaque: the login saves it in its own transaction.
  const opaque = api ? undefined : mintOpaqueAccessToken(ctx, client, scope);
  const login = await verifyEmailCode(ctx, {
    client,
    ip,
    username,
    otp,
    wrongCodeError: 'invalid_grant',
    log,
    ...(opaque ? { accessToken: opaque.record } : {}),
  });
  const nonce = params.nonce ?? login.nonce;
  const grant = {
    client,
    user: login.user,
    scope,
    ...(nonce === undefined ? {} : { nonce }),
    ...(api ? { api } : {}),
  };
  return issueTokens(ctx, grant, opaque ? { accessToken: opaque.issued } : {});
}
