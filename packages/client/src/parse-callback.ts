import {
  finishAuthorization,
  type LoginOptions,
  type PasswordlessLoginResult,
} from './login-result.js';
import { toOrigin } from './domain.js';
import { invalidArgument } from './errors.js';
import { takeTransaction } from './transaction.js';

const ANSWER = ['state', 'code', 'error', 'access_token', 'id_token'];

/**
 * Finishes a login that came back to the page by redirect: a magic link (through
 * `/passwordless/verify_redirect`) or the `cross-origin` transport's redirect fallback.
 *
 * Reads the answer from the fragment or the query, matches its `state` to the stored transaction
 * (then removes it), exchanges a `code` with the PKCE verifier or takes implicit tokens, and
 * validates the id_token (signature, claims, `nonce`, `at_hash`). Remove the answer from the
 * address bar afterwards (`history.replaceState`).
 *
 * @param domain - The tenant: a bare host (https) or an origin (`http:` only for localhost).
 * @param url - The address the login came back to, usually `location.href`; or the answer's
 *   parameters themselves (e.g. from a `web_message` or `form_post` response).
 * @param options - `signal`, `timeout`, `fetch`, `leeway`, `issuer`, `storage`.
 * @returns The tokens and `state`, or `null` when `url` carries no login answer.
 * @throws TransactionError for a missing, unknown, expired or used `state`; `ServerError` for an
 *   `error` answer (e.g. `access_denied`, `code_expired`) or a failed exchange;
 *   `TokenValidationError`, `NetworkError`, `TimeoutError`.
 * @example
 * ```ts
 * const result = await parseCallback('auth.example.com', location.href);
 * if (result) {
 *   history.replaceState(null, '', location.pathname);
 *   console.log('logged in as', result.idTokenPayload.email);
 * }
 * ```
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthResponse
 */
export async function parseCallback(
  domain: string,
  url: string | URL | URLSearchParams,
  options: LoginOptions = {},
): Promise<PasswordlessLoginResult | null> {
  toOrigin(domain);
  let parsed: URL | undefined;
  try {
    if (!(url instanceof URLSearchParams)) parsed = new URL(url);
  } catch {
    throw invalidArgument('url must be an absolute URL');
  }
  const answer = (parsed ? [parsed.hash.slice(1), parsed.search] : [url as URLSearchParams])
    .map((part) => new URLSearchParams(part))
    .find((params) => ANSWER.some((name) => params.has(name)));
  if (!answer) return null;
  const transaction = takeTransaction(answer.get('state'), options);
  return finishAuthorization(domain, transaction, Object.fromEntries(answer), options);
}
