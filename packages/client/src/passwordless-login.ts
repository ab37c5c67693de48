import { toOrigin } from './domain.js';
import { ServerError, invalidArgument } from './errors.js';
import {
  assertOptionalString,
  assertString,
  isObject,
  requestJson,
  type RequestOptions,
} from './http.js';
import { decodeJwtPayload } from './jwt.js';

/** The grant type Auth0 defines for exchanging a passwordless one-time code. */
export const PASSWORDLESS_OTP_GRANT = 'http://auth0.com/oauth/grant-type/passwordless/otp';

/** What {@link passwordlessLogin} needs. */
export interface PasswordlessLoginParams {
  /** The application's `client_id`. */
  clientId: string;
  /** The email the code was sent to. */
  email: string;
  /** The one-time code from the mail. */
  code: string;
  /** The scopes to ask for. Default `openid profile email`. */
  scope?: string;
  /** The API to get an access token for (a JWT access token is issued when given). */
  audience?: string;
}

/** The tokens {@link passwordlessLogin} resolves with. */
export interface PasswordlessLoginResult {
  accessToken: string;
  idToken: string;
  /** The id_token's claims, decoded but **not verified** (see {@link decodeJwtPayload}). */
  idTokenPayload: Record<string, unknown>;
  tokenType: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** The scopes granted, when the server says. */
  scope?: string;
}

/**
 * Exchanges the one-time code for tokens with the passwordless `otp` grant.
 *
 * The id_token's payload is decoded for convenience; its signature is **not** validated yet
 * (that comes in a later release), so do not trust its claims for authorization decisions.
 *
 * @param domain - The tenant: a bare host (https) or an origin (`http:` only for localhost).
 * @param params - The client id, the email, the code, and optionally `scope` and `audience`.
 * @param options - `signal`, `timeout` (ms, default 15000) and a custom `fetch`.
 * @returns The access token, id token and its decoded payload, token type, lifetime and scope.
 * @throws TypeError for bad arguments; `ServerError` (`wrong_code` for a wrong, expired or used
 *   code, `too_many_attempts`), `NetworkError` or `TimeoutError` when the request fails.
 * @example
 * ```ts
 * const { accessToken, idTokenPayload } = await passwordlessLogin('auth.example.com', {
 *   clientId: 'abc123',
 *   email: 'ada@example.com',
 *   code: '123456',
 * });
 * ```
 * @see https://auth0.com/docs/api/authentication#authenticate-user
 */
export async function passwordlessLogin(
  domain: string,
  params: PasswordlessLoginParams,
  options?: RequestOptions,
): Promise<PasswordlessLoginResult> {
  const origin = toOrigin(domain);
  if (!isObject(params)) throw invalidArgument('params must be an object');
  const { clientId, email, code, scope = 'openid profile email', audience } = params;
  assertString(clientId, 'params.clientId');
  assertString(email, 'params.email');
  assertString(code, 'params.code');
  assertString(scope, 'params.scope');
  assertOptionalString(audience, 'params.audience');

  const body = await requestJson(
    {
      method: 'POST',
      url: `${origin}/oauth/token`,
      body: {
        grant_type: PASSWORDLESS_OTP_GRANT,
        client_id: clientId,
        username: email,
        otp: code,
        realm: 'email',
        scope,
        ...(audience === undefined ? {} : { audience }),
      },
    },
    options,
  );

  const { access_token, id_token, token_type, expires_in } = body;
  if (typeof access_token !== 'string' || typeof id_token !== 'string') {
    throw invalidResponse('The token response has no access_token or id_token.');
  }
  let idTokenPayload: Record<string, unknown>;
  try {
    idTokenPayload = decodeJwtPayload(id_token);
  } catch (cause) {
    throw invalidResponse('The id_token is not a readable JWT.', cause);
  }
  return {
    accessToken: access_token,
    idToken: id_token,
    idTokenPayload,
    tokenType: typeof token_type === 'string' ? token_type : 'Bearer',
    expiresIn: typeof expires_in === 'number' ? expires_in : 0,
    ...(typeof body.scope === 'string' ? { scope: body.scope } : {}),
  };
}

function invalidResponse(description: string, cause?: unknown): ServerError {
  return new ServerError(
    { status: 200, error: 'invalid_response', error_description: description },
    { cause },
  );
}
