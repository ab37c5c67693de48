import { toOrigin } from './domain.js';
import { ServerError, TransactionError } from './errors.js';
import { invalidResponse, requestJson, type RequestOptions } from './http.js';
import {
  validateIdToken,
  type IdTokenClaims,
  type IdTokenExpectations,
  type IdTokenOptions,
} from './id-token.js';
import { decodeJwtPayload } from './encoding.js';
import type { Transaction, TransactionOptions } from './transaction.js';

/**
 * The grant type Auth0 defines for exchanging a passwordless one-time code. (Here, beside what
 * both transports of `passwordlessLogin` share, so the lazily loaded one needs nothing else.)
 */
export const PASSWORDLESS_OTP_GRANT = 'http://auth0.com/oauth/grant-type/passwordless/otp';

/** Options of the functions that log in: requests, id_token checks and transaction storage. */
export interface LoginOptions extends RequestOptions, IdTokenOptions, TransactionOptions {
  /**
   * Validate the id_token (signature through the JWKS and every claim). Default `true`. Only the
   * `otp` transport, whose tokens come straight from the token endpoint over TLS, lets you turn it
   * off with `false` (OpenID Connect Core §3.1.3.7 allows that): the payload is then only decoded,
   * unless a `nonce` or `maxAge` needs checking. Tokens that come back through the browser
   * (`cross-origin`, {@link parseCallback}) are always validated.
   */
  verifyIdToken?: boolean;
}

/** The tokens a login resolves with. */
export interface PasswordlessLoginResult {
  accessToken: string;
  idToken: string;
  /** The id_token's claims: validated, unless `verifyIdToken: false` for the `otp` transport. */
  idTokenPayload: IdTokenClaims;
  tokenType: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** The scopes granted, when the server says. */
  scope?: string;
  /** The `state` of the round trip, for logins that went through `/authorize`. */
  state?: string;
  /**
   * The refresh token, when the login asked for `offline_access` and the client may use the
   * `refresh_token` grant (see {@link refreshTokens}).
   */
  refreshToken?: string;
}

/**
 * Maps a token answer (JSON from `/oauth/token`, or the parameters of an implicit answer) to a
 * {@link PasswordlessLoginResult}, validating the id_token against `expected` when given.
 */
export async function toLoginResult(
  domain: string,
  body: Record<string, unknown>,
  expected: IdTokenExpectations | undefined,
  options: LoginOptions,
): Promise<PasswordlessLoginResult> {
  const { access_token, id_token, token_type, expires_in, scope, refresh_token } = body;
  if (typeof access_token !== 'string' || typeof id_token !== 'string') {
    throw invalidResponse('an access_token and an id_token');
  }
  let idTokenPayload: IdTokenClaims;
  if (expected) {
    idTokenPayload = await validateIdToken(
      domain,
      id_token,
      { ...expected, accessToken: access_token },
      options,
    );
  } else {
    try {
      // Unchecked by request (`verifyIdToken: false`): the token endpoint's answer over TLS is
      // trusted to carry an id_token's claims.
      idTokenPayload = decodeJwtPayload(id_token) as IdTokenClaims;
    } catch (cause) {
      throw Object.assign(invalidResponse('a readable id_token'), { cause });
    }
  }
  return {
    accessToken: access_token,
    idToken: id_token,
    idTokenPayload,
    tokenType: typeof token_type === 'string' ? token_type : 'Bearer',
    expiresIn: Number(expires_in) || 0,
    ...(typeof scope === 'string' ? { scope } : {}),
    ...(typeof refresh_token === 'string' ? { refreshToken: refresh_token } : {}),
  };
}

/**
 * Finishes a round trip through `/authorize`: checks the answer's `state` against the
 * transaction, turns an `error` into a `ServerError`, exchanges a `code` with the PKCE verifier,
 * and validates the id_token with the transaction's `nonce`.
 */
export async function finishAuthorization(
  domain: string,
  transaction: Transaction,
  answer: Record<string, unknown>,
  options: LoginOptions,
): Promise<PasswordlessLoginResult> {
  const { state, clientId, nonce, maxAge } = transaction;
  if (answer.state !== state) throw new TransactionError('The answer is for another login.');
  if (typeof answer.error === 'string') {
    throw new ServerError({
      status: 0,
      error: answer.error,
      error_description: String(answer.error_description ?? '') || undefined,
    });
  }
  const body =
    typeof answer.code === 'string'
      ? await requestJson(
          {
            method: 'POST',
            url: `${toOrigin(domain)}/oauth/token`,
            body: {
              grant_type: 'authorization_code',
              client_id: clientId,
              code: answer.code,
              code_verifier: transaction.codeVerifier,
              redirect_uri: transaction.redirectUri,
            },
          },
          options,
        )
      : answer;
  return { ...(await toLoginResult(domain, body, { clientId, nonce, maxAge }, options)), state };
}
