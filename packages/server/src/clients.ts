import type { ClientConfig } from './config.js';
import type { AppContext } from './context.js';
import { AuthError } from './errors.js';

/**
 * How an endpoint refuses a `client_id` no client has: Auth0 answers 400 `bad.client_id` at
 * /passwordless/start, 401 `invalid_client` at /oauth/token, … always "Unknown client.".
 * A function builds another refusal (`/userinfo` answers for the token, not the client).
 */
export type UnknownClientRefusal = { status: number; error: string } | (() => Error);

/** The configured client with this `client_id`, or the endpoint's refusal. */
export function findClient(
  ctx: AppContext,
  clientId: string,
  refusal: UnknownClientRefusal,
): ClientConfig {
  const client = ctx.clients.get(clientId);
  if (client) return client;
  throw typeof refusal === 'function'
    ? refusal()
    : new AuthError(refusal.status, refusal.error, 'Unknown client.');
}
