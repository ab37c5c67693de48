/**
 * The keys a UI looks up to show a localized message for a failed call. They are stable: the
 * widget's dictionaries use them as-is.
 *
 * - `wrong_code`: the code is wrong or already used (`invalid_grant`; `access_denied` about the
 *   code, from a magic link).
 * - `code_expired`: the code, magic link or login ticket has expired.
 * - `too_many_attempts`: too many failed verifications for this email; wait for the lockout.
 * - `rate_limited`: too many requests (`too_many_requests`, any 429); see `retryAfter`.
 * - `bad_email`: the server refused the email address (`bad.email`).
 * - `origin_not_allowed`: this page's origin is not allowed for the client.
 * - `network`: the server could not be reached.
 * - `timeout`: the server did not answer in time.
 * - `invalid_token`: the id_token failed validation ({@link TokenValidationError}).
 * - `invalid_state`: the login round trip could not be matched to a transaction
 *   ({@link TransactionError}), e.g. a link opened in another browser.
 * - `server`: anything else.
 */
export type MessageKey =
  | 'wrong_code'
  | 'code_expired'
  | 'too_many_attempts'
  | 'rate_limited'
  | 'bad_email'
  | 'origin_not_allowed'
  | 'network'
  | 'timeout'
  | 'invalid_token'
  | 'invalid_state'
  | 'server';

/** What the server said, as an Auth0-shaped error body plus the HTTP status. */
export interface ServerErrorInit {
  /** The HTTP status code; `0` when the error came back through a redirect or a web message. */
  status: number;
  /** The `error` field of the body, e.g. `invalid_grant`, `bad.email`, `too_many_requests`. */
  error: string;
  /** The `error_description` field of the body, when there is one. */
  error_description?: string | undefined;
  /** Seconds to wait before retrying, from the `Retry-After` header, when there is one. */
  retryAfter?: number | undefined;
}

/**
 * The server answered with an error (an error status, an `error` in the callback, or a body this
 * client cannot use).
 *
 * @example
 * ```ts
 * try {
 *   await passwordlessLogin(domain, { clientId, email, code });
 * } catch (err) {
 *   if (err instanceof ServerError && err.messageKey === 'wrong_code') askAgain();
 * }
 * ```
 * @see https://auth0.com/docs/api/authentication#standard-error-responses
 */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  readonly code = 'server_error';
  readonly messageKey: MessageKey;
  // Set by Object.assign in the constructor.
  readonly status!: number;
  readonly error!: string;
  readonly error_description: string | undefined;
  readonly retryAfter: number | undefined;

  /**
   * @param init - The status and error body.
   * @param options - `cause`, when there is an underlying error.
   */
  constructor(init: ServerErrorInit, options?: { cause?: unknown }) {
    super(init.error_description || init.error, options);
    // The fields above exist (as `undefined`) before this, so an omitted one is still own.
    Object.assign(this, init);
    this.messageKey = messageKeyFor(init);
  }
}

/**
 * The request never got an HTTP answer: the server is down, the network is off, or the browser
 * refused the response (for example CORS, when this page's origin is not allowed). Its `cause` is
 * the error `fetch` threw.
 *
 * @example
 * ```ts
 * if (err instanceof NetworkError) console.warn('offline?', err.cause);
 * ```
 */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly code = 'network_error';
  readonly messageKey: MessageKey = 'network';
}

/**
 * The server did not answer within the timeout (15 s unless `options.timeout` says otherwise).
 *
 * @example
 * ```ts
 * await passwordlessStart(domain, params, { timeout: 5000 }).catch((err) => {
 *   if (err instanceof TimeoutError) retryLater();
 * });
 * ```
 */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'timeout_error';
  readonly messageKey: MessageKey = 'timeout';
  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;

  /**
   * @param timeout - The timeout that ran out, in milliseconds.
   * @param options - `cause`, when there is an underlying error.
   */
  constructor(timeout: number, options?: { cause?: unknown }) {
    super(`No answer from the server within ${timeout} ms`, options);
    this.timeout = timeout;
  }
}

/**
 * The check of an id_token that failed: its shape, algorithm, key, signature or one claim.
 */
export type TokenCheck =
  | 'malformed'
  | 'alg'
  | 'kid'
  | 'signature'
  | 'iss'
  | 'sub'
  | 'aud'
  | 'azp'
  | 'exp'
  | 'iat'
  | 'nbf'
  | 'nonce'
  | 'auth_time'
  | 'at_hash';

/**
 * An id_token was rejected: tampered with, signed by a key the issuer does not publish, issued by
 * or for someone else, expired, or not the answer to this login (`nonce`). `check` says which.
 *
 * @example
 * ```ts
 * if (err instanceof TokenValidationError) console.error('rejected id_token:', err.check);
 * ```
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export class TokenValidationError extends Error {
  override readonly name = 'TokenValidationError';
  readonly code = 'token_validation_error';
  readonly messageKey: MessageKey = 'invalid_token';
  /** The check that failed. */
  readonly check: TokenCheck;

  /**
   * @param check - The check that failed.
   * @param message - What was wrong.
   * @param options - `cause`, when there is an underlying error.
   */
  constructor(check: TokenCheck, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.check = check;
  }
}

/**
 * A login round trip (redirect, magic link, web message) could not be matched to the transaction
 * that started it: no `state`, an unknown or already used `state`, or an answer for another state.
 *
 * @example
 * ```ts
 * if (err instanceof TransactionError) showLoginAgain();
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export class TransactionError extends Error {
  override readonly name = 'TransactionError';
  readonly code = 'transaction_error';
  readonly messageKey: MessageKey = 'invalid_state';
}

/**
 * Any error this client rejects with after the request was made. `switch (err.code)` narrows it.
 * (Bad arguments are rejected earlier with a `TypeError` whose `code` is `ERR_INVALID_ARG_VALUE`.)
 *
 * @example
 * ```ts
 * function describe(err: ClientError): string {
 *   switch (err.code) {
 *     case 'server_error': return `${err.status} ${err.error}`;
 *     case 'network_error': return 'offline';
 *     case 'timeout_error': return `no answer in ${err.timeout} ms`;
 *     case 'token_validation_error': return `bad id_token (${err.check})`;
 *     case 'transaction_error': return 'start again';
 *   }
 * }
 * ```
 */
export type ClientError =
  ServerError | NetworkError | TimeoutError | TokenValidationError | TransactionError;

/**
 * Tells whether `value` is one of this client's errors.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link ClientError}.
 * @example
 * ```ts
 * catch (err) { if (isClientError(err)) show(t(`errors.${err.messageKey}`)); else throw err; }
 * ```
 */
export function isClientError(value: unknown): value is ClientError {
  return [ServerError, NetworkError, TimeoutError, TokenValidationError, TransactionError].some(
    (type) => value instanceof type,
  );
}

/**
 * The message key for any caught value: the error's own key for a {@link ClientError},
 * `server` for anything else.
 *
 * @param value - Anything caught.
 * @returns The {@link MessageKey} to localize.
 * @example
 * ```ts
 * errorText = t(`errors.${messageKeyOf(err)}`);
 * ```
 */
export function messageKeyOf(value: unknown): MessageKey {
  return isClientError(value) ? value.messageKey : 'server';
}

function messageKeyFor({ status, error, error_description = '' }: ServerErrorInit): MessageKey {
  switch (error) {
    // A magic link with a wrong or used code comes back as access_denied. Auth0 also uses
    // access_denied for rules that deny a login: those keep the server key.
    case 'invalid_grant':
    case 'access_denied':
      if (/origin/i.test(error_description)) return 'origin_not_allowed';
      if (/expired/i.test(error_description)) return 'code_expired';
      if (error === 'invalid_grant' || /code/i.test(error_description)) return 'wrong_code';
      break;
    case 'too_many_attempts':
      return 'too_many_attempts';
    case 'bad.email':
      return 'bad_email';
  }
  return status === 429 || error === 'too_many_requests' ? 'rate_limited' : 'server';
}

/** A `TypeError` for a bad argument, coded like Node's own. */
export function invalidArgument(message: string): TypeError & { code: 'ERR_INVALID_ARG_VALUE' } {
  return Object.assign(new TypeError(message), { code: 'ERR_INVALID_ARG_VALUE' as const });
}
