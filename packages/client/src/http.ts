import { NetworkError, ServerError, TimeoutError, invalidArgument } from './errors.js';
import { VERSION } from './version.js';

/** Options every request function takes, last. */
export interface RequestOptions {
  /** Aborts the request; the promise then rejects with the signal's `reason`. */
  signal?: AbortSignal;
  /** Milliseconds to wait for the whole answer before rejecting with a `TimeoutError`. Default 15000. */
  timeout?: number;
  /** The `fetch` to use instead of `globalThis.fetch` (tests, proxies, instrumented clients). */
  fetch?: typeof fetch;
}

/** The default for {@link RequestOptions.timeout}. */
export const DEFAULT_TIMEOUT = 15_000;

export const AUTH0_CLIENT = btoa(JSON.stringify({ name: 'passwordless-lock', version: VERSION }));

interface JsonRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Send cookies cross-origin (`/co/authenticate`, so the server can set its session). */
  credentials?: RequestCredentials;
  /** Leave out `Auth0-Client`, so a cross-origin GET needs no preflight (JWKS). */
  bare?: boolean;
  /**
   * Try once more after a network failure or a 502/503/504. Only for requests that are safe to
   * repeat: never for a code verification, which would burn an attempt.
   */
  retry?: boolean;
  /** A 2xx answer may have no body (RFC 7009's revocation answer): then what it resolves with is not used. */
  empty?: boolean;
}

/**
 * Sends a request (twice at most, with `retry`) and resolves with the JSON body of a 2xx answer.
 * Error answers become a `ServerError`, a failed `fetch` a `NetworkError`, a timeout a
 * `TimeoutError`; an abort through `options.signal` rejects with the signal's reason, as `fetch` does.
 */
export async function requestJson(
  request: JsonRequest,
  options: RequestOptions = {},
): Promise<Record<string, unknown>> {
  const { signal, timeout = DEFAULT_TIMEOUT } = options;
  if (typeof timeout !== 'number' || !(timeout > 0)) {
    throw invalidArgument('options.timeout must be > 0 ms');
  }
  signal?.throwIfAborted();

  // One controller aborts the request for either reason, and we remember which one it was.
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = Number.isFinite(timeout)
    ? setTimeout(() => {
        timedOut = true;
        controller.abort(new TimeoutError(timeout));
      }, timeout)
    : undefined;

  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...(request.bare ? {} : { 'Auth0-Client': AUTH0_CLIENT }),
    ...request.headers,
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  // An `undefined` member is an absent one to `fetch`, and JSON.stringify(undefined) is undefined.
  const init: RequestInit = {
    method: request.method,
    headers,
    signal: controller.signal,
    credentials: request.credentials,
    body: JSON.stringify(request.body),
  };

  try {
    for (let attempt = request.retry ? 1 : 0; ; attempt--) {
      let response: Response;
      let text: string;
      try {
        response = await (options.fetch ?? fetch)(request.url, init);
        // The body is read under the same signal, so the timeout covers a server that stalls mid-answer.
        text = await response.text();
      } catch (cause) {
        if (timedOut) throw new TimeoutError(timeout, { cause });
        if (signal?.aborted) throw signal.reason;
        if (attempt > 0) continue;
        throw new NetworkError(`Could not reach ${new URL(request.url).origin}`, { cause });
      }
      if (attempt > 0 && [502, 503, 504].includes(response.status)) continue;
      const body = parseJson(text);
      if (!response.ok) throw serverError(response, body);
      if (!isObject(body) && !request.empty) {
        throw invalidResponse('a JSON object', response.status);
      }
      return body as Record<string, unknown>;
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A `ServerError` for a 2xx answer this client cannot use. */
export function invalidResponse(expected: string, status = 200): ServerError {
  return new ServerError({
    status,
    error: 'invalid_response',
    error_description: `The server did not answer with ${expected}.`,
  });
}

function serverError(response: Response, body: unknown): ServerError {
  const fields = isObject(body) ? body : {};
  const error = typeof fields.error === 'string' ? fields.error : undefined;
  const description = fields.error_description;
  return new ServerError({
    status: response.status,
    error: error ?? `http_${response.status}`,
    error_description:
      typeof description === 'string'
        ? description
        : (error ? undefined : response.statusText) || undefined,
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws a coded `TypeError` unless `value` is a non-empty string. */
export function assertString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value === '') {
    throw invalidArgument(`${name} must be a non-empty string`);
  }
}

/** Throws a coded `TypeError` unless `value` is omitted or a non-empty string. */
export function assertOptionalString(
  value: unknown,
  name: string,
): asserts value is string | undefined {
  if (value !== undefined) assertString(value, name);
}
