import { toOrigin } from './domain.js';
import { beginTransaction, type TransactionOptions } from './transaction.js';
import { invalidArgument } from './errors.js';
import {
  assertOptionalString,
  assertString,
  isObject,
  requestJson,
  type RequestOptions,
} from './http.js';

/** What {@link passwordlessStart} needs. */
export interface PasswordlessStartParams {
  /** The application's `client_id`. */
  clientId: string;
  /** Where to send the code or link. */
  email: string;
  /** `code` (default) mails a one-time code; `link` mails a magic link. */
  send?: 'code' | 'link';
  /**
   * Authorization parameters for the magic link (`scope`, `state`, `redirect_uri`, …). With
   * `redirectUri`, a `state` or `nonce` given here is the transaction's (checked on return, and the
   * `state` that {@link parseCallback} resolves with) instead of a random one.
   */
  authParams?: Record<string, string>;
  /**
   * `send: "link"`: the registered callback the magic link lands on. When given, a transaction
   * (`state`, `nonce`, PKCE) is created and stored, its parameters are added to `authParams`, and
   * {@link parseCallback} on that page finishes the login.
   */
  redirectUri?: string;
  /** With `redirectUri`: `code` (default, with PKCE) or `token id_token` (implicit). */
  responseType?: 'code' | 'token id_token';
  /** With `redirectUri`: the scopes to ask for. Default `openid profile email`. */
  scope?: string;
  /** The language the mail should be in; sent as `X-Request-Language`. */
  language?: string;
}

/** What the server answered to {@link passwordlessStart}. */
export interface PasswordlessStartResult {
  /** The server's id for this request (`_id`). */
  id: string;
  /** The email the code was sent to, as the server normalised it. */
  email: string;
  /** Seconds until the code expires, when the server says (an extension of Auth0's answer). */
  expiresIn?: number;
  /** Seconds until another code may be requested for this email, when the server says. */
  resendAfter?: number;
  /** How many wrong codes the server accepts before the code dies, when the server says. */
  maxAttempts?: number;
  /** How many digits the code has (`code_length`), when the server says; Auth0 does not. */
  codeLength?: number;
  /** The `state` of the magic link's transaction, when one was created (see `redirectUri`). */
  state?: string;
}

/**
 * Asks the server to mail a one-time code (or a magic link) to `email`.
 *
 * The server answers the same for known and unknown addresses, so a success says nothing about
 * whether the user exists.
 *
 * @param domain - The tenant: a bare host (https) or an origin (`http:` only for localhost).
 * @param params - The client id, email, and optionally `send`, `authParams` and `language`.
 * @param options - `signal`, `timeout` (ms, default 15000), a custom `fetch`, and the `storage`
 *   for a magic link's transaction.
 * @returns The request id and, when the server sends them, the code's lifetime, resend cooldown,
 *   attempt limit and length.
 * @throws TypeError for bad arguments; `ServerError` (e.g. `bad_email`, `rate_limited` with
 *   `retryAfter`), `NetworkError` or `TimeoutError` when the request fails.
 * @example
 * ```ts
 * // A magic link: parseCallback(domain, location.href) on https://app.example.com/callback ends it.
 * await passwordlessStart('auth.example.com', {
 *   clientId: 'abc123',
 *   email: 'ada@example.com',
 *   send: 'link',
 *   redirectUri: 'https://app.example.com/callback',
 * });
 * ```
 * @example
 * ```ts
 * const { resendAfter } = await passwordlessStart('auth.example.com', {
 *   clientId: 'abc123',
 *   email: 'ada@example.com',
 *   language: 'en',
 * });
 * ```
 * @see https://auth0.com/docs/api/authentication#get-code-or-link
 */
export async function passwordlessStart(
  domain: string,
  params: PasswordlessStartParams,
  options: RequestOptions & TransactionOptions = {},
): Promise<PasswordlessStartResult> {
  const origin = toOrigin(domain);
  if (!isObject(params)) throw invalidArgument('params must be an object');
  const { clientId, email, send = 'code', language } = params;
  let { authParams = {} } = params;
  assertString(clientId, 'params.clientId');
  assertString(email, 'params.email');
  if (send !== 'code' && send !== 'link') {
    throw invalidArgument('params.send must be "code" or "link"');
  }
  if (!isObject(authParams) || !Object.values(authParams).every((v) => typeof v === 'string')) {
    throw invalidArgument('params.authParams must be an object of strings');
  }
  assertOptionalString(language, 'params.language');
  const { redirectUri, responseType = 'code', scope = 'openid profile email' } = params;
  let state: string | undefined;
  if (redirectUri !== undefined && send === 'link') {
    assertString(redirectUri, 'params.redirectUri');
    const [transaction, query] = await beginTransaction(
      { clientId, redirectUri, responseType, state: authParams.state, nonce: authParams.nonce },
      options,
    );
    state = transaction.state;
    authParams = { scope, ...authParams, ...query };
  }

  const body = await requestJson(
    {
      method: 'POST',
      url: `${origin}/passwordless/start`,
      headers: language ? { 'X-Request-Language': language } : {},
      body: { client_id: clientId, connection: 'email', email, send, authParams },
    },
    options,
  );

  return {
    id: String(body._id ?? ''),
    email: typeof body.email === 'string' ? body.email : email,
    ...numberField('expiresIn', body.expires_in),
    ...numberField('resendAfter', body.resend_after),
    ...numberField('maxAttempts', body.max_attempts),
    ...numberField('codeLength', body.code_length),
    ...(state ? { state } : {}),
  };
}

function numberField<K extends string>(key: K, value: unknown): { [P in K]?: number } {
  // Number.isFinite is false for anything but a finite number: no coercion.
  return (Number.isFinite(value) ? { [key]: value } : {}) as {
    [P in K]?: number;
  };
}
