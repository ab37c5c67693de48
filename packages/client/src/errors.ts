/**
 * The keys a UI looks up to show a localized message for a failed request. They are stable: the
 * widget's dictionaries use them as-is.
 *
 * - `wrong_code`: the code is wrong, expired or already used (`invalid_grant`).
 * - `too_many_attempts`: too many failed verifications for this email; wait for the lockout.
 * - `rate_limited`: too many requests (`too_many_requests`); see `retryAfter`.
 * - `bad_email`: the server refused the email address (`bad.email`).
 * - `origin_not_allowed`: this page's origin is not allowed for the client.
 * - `network`: the server could not be reached.
 * - `timeout`: the server did not answer in time.
 * - `server`: anything else.
 */
export type MessageKey =
  | 'wrong_code'
  | 'too_many_attempts'
  | 'rate_limited'
  | 'bad_email'
  | 'origin_not_allowed'
  | 'network'
  | 'timeout'
  | 'server';

/** What the server said, as an Auth0-shaped error body plus the HTTP status. */
export interface ServerErrorInit {
  /** The HTTP status code. */
  status: number;
  /** The `error` field of the body, e.g. `invalid_grant`, `bad.email`, `too_many_requests`. */
  error: string;
  /** The `error_description` field of the body, when there is one. */
  error_description?: string;
  /** Seconds to wait before retrying, from the `Retry-After` header, when there is one. */
  retryAfter?: number;
}

/**
 * The server answered with an error status (or with a body this client cannot use).
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
  readonly status: number;
  readonly error: string;
  readonly error_description: string | undefined;
  readonly retryAfter: number | undefined;

  /**
   * @param init - The status and error body.
   * @param options - `cause`, when there is an underlying error.
   */
  constructor(init: ServerErrorInit, options?: { cause?: unknown }) {
    super(init.error_description || init.error, options);
    this.status = init.status;
    this.error = init.error;
    this.error_description = init.error_description;
    this.retryAfter = init.retryAfter;
    this.messageKey = messageKeyFor(init);
  }
}

/**
 * The request never got an HTTP answer: the server is down, the network is off, or the browser
 * refused the response (for example CORS, when this page's origin is not allowed).
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

  /**
   * @param message - What failed.
   * @param options - `cause`: the error `fetch` threw.
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
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
 *   }
 * }
 * ```
 */
export type ClientError = ServerError | NetworkError | TimeoutError;

/**
 * Tells whether `value` is one of this client's errors.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link ServerError}, {@link NetworkError} or {@link TimeoutError}.
 * @example
 * ```ts
 * catch (err) { if (isClientError(err)) show(t(`errors.${err.messageKey}`)); else throw err; }
 * ```
 */
export function isClientError(value: unknown): value is ClientError {
  return (
    value instanceof ServerError || value instanceof NetworkError || value instanceof TimeoutError
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

function messageKeyFor({ status, error, error_description }: ServerErrorInit): MessageKey {
  switch (error) {
    case 'invalid_grant':
      return 'wrong_code';
    case 'too_many_attempts':
      return 'too_many_attempts';
    case 'too_many_requests':
      return 'rate_limited';
    case 'bad.email':
      return 'bad_email';
    case 'access_denied':
      // Auth0 also uses access_denied for rules that deny a login; only an origin refusal gets the
      // specific message.
      return /origin/i.test(error_description ?? '') ? 'origin_not_allowed' : 'server';
  }
  return status === 429 ? 'rate_limited' : 'server';
}

/** A `TypeError` for a bad argument, coded like Node's own. */
export function invalidArgument(message: string): TypeError & { code: 'ERR_INVALID_ARG_VALUE' } {
  return Object.assign(new TypeError(message), { code: 'ERR_INVALID_ARG_VALUE' as const });
}
