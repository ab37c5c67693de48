import { toOrigin } from './domain.js';
import { ServerError } from './errors.js';
import { assertString, requestJson, type RequestOptions } from './http.js';

/** The profile claims `/userinfo` answers with. Other claims may be present. */
export interface UserInfo {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  nickname?: string;
  picture?: string;
  updated_at?: string;
  [claim: string]: unknown;
}

/**
 * Reads the user's profile with an access token.
 *
 * @param domain - The tenant: a bare host (https) or an origin (`http:` only for localhost).
 * @param accessToken - The access token from {@link passwordlessLogin}.
 * @param options - `signal`, `timeout` (ms, default 15000) and a custom `fetch`.
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
    },
    options,
  );
  if (typeof body.sub !== 'string') {
    throw new ServerError({
      status: 200,
      error: 'invalid_response',
      error_description: 'The userinfo response has no sub.',
    });
  }
  return body as UserInfo;
}
