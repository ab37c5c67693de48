import { toOrigin } from './domain.js';
import { assertOptionalString, assertString, requestJson, type RequestOptions } from './http.js';
import { toLoginResult, type LoginOptions, type PasswordlessLoginResult } from './login-result.js';

/** What {@link refreshTokens} sends. */
export interface RefreshTokensParams {
  clientId: string;
  /** The refresh token of the last answer: each use spends it and answers with the next one. */
  refreshToken: string;
  /** A narrower scope than the login's, for this answer only. */
  scope?: string;
}

/** What {@link revokeToken} sends. */
export interface RevokeTokenParams {
  clientId: string;
  /** The refresh token whose whole family ends. */
  token: string;
}

/**
 * Trades a refresh token for new tokens (`grant_type=refresh_token`). The server rotates: the
 * answer carries the next `refreshToken`, and presenting a spent one again revokes the family.
 * Never retried, since a retry would present a token that may already be spent.
 *
 * @param domain - The tenant: a bare host (https) or an origin (`http:` only for localhost).
 * @param params - `clientId`, `refreshToken`, `scope?`.
 * @param options - `signal`, `timeout`, `fetch`, and the id_token checks' `leeway` and `issuer`.
 *   The new id_token is always validated (signature and claims).
 * @returns The same result as a login, with the next `refreshToken`.
 * @throws TypeError for bad arguments; `ServerError` 403 `invalid_grant` for a spent, revoked or
 *   expired token (log in again), `NetworkError`, `TimeoutError`.
 * @example
 * ```ts
 * const tokens = await refreshTokens('auth.example.com', { clientId, refreshToken });
 * save(tokens.refreshToken); // the old one is spent
 * ```
 * @see https://auth0.com/docs/api/authentication#refresh-token
 */
export async function refreshTokens(
  domain: string,
  params: RefreshTokensParams,
  options: LoginOptions = {},
): Promise<PasswordlessLoginResult> {
  const { clientId, refreshToken, scope } = params;
  assertString(clientId, 'params.clientId');
  assertString(refreshToken, 'params.refreshToken');
  assertOptionalString(scope, 'params.scope');
  const body = await requestJson(
    {
      method: 'POST',
      url: `${toOrigin(domain)}/oauth/token`,
      body: {
        grant_type: 'refresh_token',
        client_id: clientId,
        refresh_token: refreshToken,
        scope,
      },
    },
    options,
  );
  return toLoginResult(domain, body, { clientId }, options);
}

/**
 * Revokes a refresh token and every token rotated from the same login (RFC 7009). The server
 * answers 200 for unknown tokens too, so this resolves unless the request itself fails.
 *
 * @param domain - The tenant: a bare host (https) or an origin (`http:` only for localhost).
 * @param params - `clientId`, `token`.
 * @param options - `signal`, `timeout`, `fetch`. Retried once after a network failure or a
 *   502/503/504: revoking twice is harmless.
 * @throws TypeError for bad arguments; `ServerError`, `NetworkError`, `TimeoutError`.
 * @example
 * ```ts
 * await revokeToken('auth.example.com', { clientId, token: refreshToken });
 * ```
 * @see https://auth0.com/docs/api/authentication#revoke-refresh-token
 */
export async function revokeToken(
  domain: string,
  params: RevokeTokenParams,
  options?: RequestOptions,
): Promise<void> {
  const { clientId, token } = params;
  assertString(clientId, 'params.clientId');
  assertString(token, 'params.token');
  await requestJson(
    {
      method: 'POST',
      url: `${toOrigin(domain)}/oauth/revoke`,
      body: { client_id: clientId, token },
      retry: true,
      empty: true,
    },
    options,
  );
}
