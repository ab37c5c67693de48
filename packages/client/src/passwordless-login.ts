import {
  PASSWORDLESS_OTP_GRANT,
  toLoginResult,
  type LoginOptions,
  type PasswordlessLoginResult,
} from './login-result.js';
import { toOrigin } from './domain.js';
import { invalidArgument } from './errors.js';
import {
  AUTH0_CLIENT,
  assertOptionalString,
  assertString,
  invalidResponse,
  isObject,
  requestJson,
} from './http.js';
import { beginTransaction, takeTransaction } from './transaction.js';

export { PASSWORDLESS_OTP_GRANT };

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
  /**
   * How the code becomes tokens. `otp` (default): the passwordless OTP grant at `/oauth/token`,
   * tokens come back to the page. `cross-origin`: `/co/authenticate`, then `/authorize` with the
   * login ticket in a hidden iframe (`response_mode=web_message`), falling back to a full redirect
   * to `redirectUri` when the browser blocks the iframe; browsers only.
   */
  transport?: 'otp' | 'cross-origin';
  /** `cross-origin`: the registered callback `/authorize` answers to. Default `location.origin`. */
  redirectUri?: string;
  /** `cross-origin`: `code` (default, with PKCE) or `token id_token` (implicit). */
  responseType?: 'code' | 'token id_token';
  /** A `nonce` the id_token must carry (`otp`: sent with the grant; `cross-origin`: default random). */
  nonce?: string;
  /** Seconds since the user's last authentication the id_token's `auth_time` may be. */
  maxAge?: number;
}

export type { PasswordlessLoginResult };

/** Options of {@link passwordlessLogin}. */
export interface PasswordlessLoginOptions extends LoginOptions {
  /**
   * `cross-origin`: how to leave the page when the iframe is blocked. Default
   * `location.assign(url)`; the promise then stays pending, and {@link parseCallback} on the
   * callback page finishes the login.
   */
  redirect?: (url: string) => void;
}

/**
 * Exchanges the one-time code from {@link passwordlessStart} for tokens.
 *
 * With the `otp` transport (default) the passwordless OTP grant goes to `/oauth/token`; with
 * `cross-origin` (what Auth0 allows single-page apps) the code goes to `/co/authenticate` and the
 * login ticket to `/authorize`, whose answer comes back through a hidden iframe, or through a
 * redirect to `redirectUri` when the browser blocks the iframe. The id_token is validated
 * (signature and claims) before the promise resolves; the `otp` transport skips that with
 * `verifyIdToken: false`. A code verification is never retried: each try counts against the
 * code's attempts.
 *
 * @param domain - The tenant: a bare host (https) or an origin (`http:` only for localhost).
 * @param params - The client id, the email, the code, and optionally `scope`, `audience`,
 *   `transport`, `redirectUri`, `responseType`, `nonce`, `maxAge`.
 * @param options - `signal`, `timeout` (ms, default 15000), `fetch`, `verifyIdToken` (default
 *   `true`), `leeway`, `issuer`, `storage`, `redirect`.
 * @returns The access token, id token and its payload, token type, lifetime and scope.
 * @throws TypeError for bad arguments; `ServerError` (`wrong_code`, `code_expired`,
 *   `too_many_attempts`, `origin_not_allowed`), `TokenValidationError`, `TransactionError`,
 *   `NetworkError` or `TimeoutError`.
 * @example
 * ```ts
 * const { accessToken, idTokenPayload } = await passwordlessLogin('auth.example.com', {
 *   clientId: 'abc123',
 *   email: 'ada@example.com',
 *   code: '123456',
 * });
 * ```
 * @see https://auth0.com/docs/api/authentication#authenticate-user
 * @see https://auth0.com/docs/authenticate/login/cross-origin-authentication
 */
export async function passwordlessLogin(
  domain: string,
  params: PasswordlessLoginParams,
  options: PasswordlessLoginOptions = {},
): Promise<PasswordlessLoginResult> {
  const origin = toOrigin(domain);
  if (!isObject(params)) throw invalidArgument('params must be an object');
  const {
    clientId,
    email,
    code,
    scope = 'openid profile email',
    audience,
    transport = 'otp',
    responseType = 'code',
    nonce,
    maxAge,
  } = params;
  assertString(clientId, 'params.clientId');
  assertString(email, 'params.email');
  assertString(code, 'params.code');
  assertString(scope, 'params.scope');
  assertOptionalString(audience, 'params.audience');
  assertOptionalString(nonce, 'params.nonce');
  if (maxAge !== undefined && !(maxAge >= 0)) throw invalidArgument('params.maxAge must be ≥ 0');

  if (transport === 'otp') {
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
          // Left out of the JSON when not given.
          audience,
          nonce,
        },
      },
      options,
    );
    const verify = options.verifyIdToken !== false || nonce !== undefined || maxAge !== undefined;
    return toLoginResult(domain, body, verify ? { clientId, nonce, maxAge } : undefined, options);
  }
  if (transport !== 'cross-origin') {
    throw invalidArgument('params.transport must be "otp" or "cross-origin"');
  }
  if (responseType !== 'code' && responseType !== 'token id_token') {
    throw invalidArgument('params.responseType must be "code" or "token id_token"');
  }
  if (typeof document === 'undefined') {
    throw invalidArgument('the cross-origin transport needs a browser page');
  }
  assertOptionalString(params.redirectUri, 'params.redirectUri');
  // The iframe and redirect round trip is loaded when asked for: a page that logs in with the
  // `otp` transport (like the widget) does not download it.
  const { crossOriginLogin } = await import('./cross-origin.js');
  return crossOriginLogin(domain, { ...params, scope, responseType }, options, [
    requestJson,
    invalidResponse,
    AUTH0_CLIENT,
    beginTransaction,
    takeTransaction,
  ]);
}
