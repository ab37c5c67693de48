import { toOrigin } from './domain.js';
import { assertString, invalidResponse, requestJson, type RequestOptions } from './http.js';

/**
 * The standard profile claims (OpenID Connect Core §5.1) that `/userinfo` answers with and an
 * id_token carries ({@link IdTokenClaims} adds the token's own). Other claims may be present.
 */
export interface UserInfo {
  /** The user's id, e.g. `email|5f0c…`. */
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  nickname?: string;
  /** URL of the user's picture. */
  picture?: string;
  /** When the profile last changed: an ISO 8601 date, as Auth0 sends it. */
  updated_at?: string;
  [claim: string]: unknown;
}

/**
 * Reads the user's profile with an access token.
 *
 * @param domain - The tenant: a bare host (https) or an origin (`http:` only for localhost).
 * @param accessToken - The access token from {@link passwordlessLogin}.
 * @param options - `signal`, `timeout` (ms, default 15000) and a custom `fetch`. A network failure
 *   or a 502/503/504 is retried once (reading a profile is safe to repeat).
 * @returns The profile: `sub` always, and `email`, `name`, `nickname`, `picture` when known.
 * @throws TypeError for bad arguments; `ServerError` (401 for a bad or expired token),
 *   `NetworkError` or `TimeoutError` when the request fails.
 * @example
 * ```ts
 * const { email, picture } = await userInfo('auth.example.com', accessToken);
 * ```
 * @see https://auth0.com/docs/api/authentication#get-user-info
 */
export async function userInfo(
  domain: string,
  accessToken: string,
  options?: RequestOptions,
): Promise<UserInfo> {
  const origin = toOrigin(domain);
  assertString(accessToken, 'accessToken');
  const body = await requestJson(
    {
      method: 'GET',
      url: `${origin}/userinfo`,
      headers: { Authorization: `Bearer ${accessToken}` },
      retry: true,
    },
    options,
  );
  if (typeof body.sub !== 'string') throw invalidResponse('a profile with a sub');
  return body as UserInfo;
}
