import { toOrigin } from './domain.js';
import { assertOptionalString } from './http.js';

/** What {@link buildLogoutUrl} puts in the address. */
export interface LogoutParams {
  /** The application's `client_id`; needed with `returnTo`. */
  clientId?: string;
  /** Where the server sends the browser back to; must be a registered logout URL of the client. */
  returnTo?: string;
}

/**
 * Builds the `/v2/logout` address that ends the user's session on the server. Navigate to it
 * (`location.assign`) after dropping the tokens the page holds.
 *
 * @param domain - The tenant: a bare host (https) or an origin (`http:` only for localhost).
 * @param params - `clientId` and `returnTo`.
 * @returns The logout URL.
 * @throws TypeError for bad arguments.
 * @example
 * ```ts
 * location.assign(
 *   buildLogoutUrl('auth.example.com', { clientId: 'abc123', returnTo: 'https://app.example.com/' }),
 * );
 * ```
 * @see https://auth0.com/docs/api/authentication#logout
 */
export function buildLogoutUrl(domain: string, params: LogoutParams = {}): string {
  const { clientId, returnTo } = params;
  assertOptionalString(clientId, 'params.clientId');
  assertOptionalString(returnTo, 'params.returnTo');
  const query = String(
    new URLSearchParams({
      ...(clientId ? { client_id: clientId } : {}),
      ...(returnTo ? { returnTo } : {}),
    }),
  );
  return `${toOrigin(domain)}/v2/logout${query && `?${query}`}`;
}
