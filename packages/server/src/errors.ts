import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StoreUnavailableError } from './store/unavailable.js';

/** An answer in Auth0's error shape: `{"error","error_description"}` with an HTTP status. */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly statusCode: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${error}: ${description}`);
  }

  toJSON(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

/** Seconds a client is told to wait (`Retry-After`) while the store cannot be reached. */
export const STORE_UNAVAILABLE_RETRY_AFTER_S = 5;

/**
 * The answer while the store cannot be reached: 503, so clients and load balancers retry,
 * never a 500 that reads like a bug.
 * @see https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1 (`temporarily_unavailable`)
 */
function storeUnavailable(): AuthError {
  return new AuthError(
    503,
    'temporarily_unavailable',
    'The service is temporarily unavailable. Try again shortly.',
    { 'Retry-After': String(STORE_UNAVAILABLE_RETRY_AFTER_S) },
  );
}

/** How many characters of a request value an error description repeats at most. */
const QUOTE_MAX_CHARS = 64;

/**
 * Control characters (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width
 * characters), line and paragraph separators, and lone surrogates.
 */
const UNSAFE_CHARS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/**
 * A piece of request input fit to repeat in an error description: without the characters that
 * could break a log line or reorder what a reader sees, and cut to {@link QUOTE_MAX_CHARS}
 * characters (marked "…"), so an answer never echoes kilobytes of someone's input. A value that
 * was not sent reads "(none)".
 */
export function quoteInput(value: string | undefined): string {
  if (value === undefined) return '(none)';
  const chars = Array.from(value.replace(UNSAFE_CHARS, ''));
  if (chars.length <= QUOTE_MAX_CHARS) return chars.join('');
  return `${chars.slice(0, QUOTE_MAX_CHARS).join('')}…`;
}

/** A schema validation failure, as Ajv reports it to Fastify. */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Per-route settings read by the shared error handler (Fastify route `config`). */
export interface ErrorStyle {
  /** The `error` for malformed bodies: `bad.request` (Auth0 /passwordless) or `invalid_request`. */
  invalidRequest: string;
  /** Turns schema failures into the route's own Auth0 error codes. */
  mapValidation?: (issues: ValidationIssue[]) => AuthError;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    errorStyle?: ErrorStyle;
  }
}

/**
 * Every failure leaves in the Auth0 shape. Client mistakes (bad JSON, wrong content type, too
 * large, wrong types) keep their 4xx status; a store that cannot be reached is a 503 (logged at
 * warn, with the reason only); only real faults become 500, and those are logged.
 * Also Fastify's `frameworkErrors`, for URLs it cannot route (broken percent-encoding), which it
 * would otherwise answer in its own shape, repeating the whole URL.
 */
export function answerError(
  err: FastifyError | AuthError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (err instanceof AuthError) return sendAuthError(reply, err);
  if (err instanceof StoreUnavailableError) {
    request.log.warn({ reason: err.reason }, 'store unavailable; answered 503');
    return sendAuthError(reply, storeUnavailable());
  }
  const style = request.routeOptions.config?.errorStyle;
  const invalidRequest = style?.invalidRequest ?? 'invalid_request';

  if (err.validation) {
    const issues = err.validation as ValidationIssue[];
    const mapped =
      style?.mapValidation?.(issues) ??
      new AuthError(400, invalidRequest, describeIssue(issues[0], err.validationContext));
    return sendAuthError(reply, mapped);
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendAuthError(reply, new AuthError(status, invalidRequest, clientErrorText(err)));
  }
  request.log.error({ err }, 'request failed');
  return sendAuthError(reply, new AuthError(500, 'server_error', 'Internal server error.'));
}

/** The error and not-found handlers; `answerError` also goes to Fastify as `frameworkErrors`. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(answerError);
  app.setNotFoundHandler((request, reply) =>
    sendAuthError(
      reply,
      new AuthError(
        404,
        'not_found',
        `No endpoint ${request.method} ${quoteInput(request.url.split('?')[0]!)}.`,
      ),
    ),
  );
}

function sendAuthError(reply: FastifyReply, err: AuthError): FastifyReply {
  return reply.code(err.statusCode).headers(err.headers).send(err.toJSON());
}

export function describeIssue(issue: ValidationIssue | undefined, context?: string): string {
  if (!issue) return 'The request is not valid.';
  if (issue.keyword === 'required') {
    return `Missing required property: ${String(issue.params.missingProperty)}`;
  }
  if (!issue.instancePath && issue.keyword === 'type') return 'The body must be a JSON object.';
  // The path names the body's own keys, which may be anything.
  const where = issue.instancePath
    ? quoteInput(issue.instancePath.slice(1).replace(/\//g, '.'))
    : context;
  if (issue.keyword === 'enum' && Array.isArray(issue.params.allowedValues)) {
    return `${where} must be one of: ${issue.params.allowedValues.join(', ')}`;
  }
  return `${where ?? 'body'} ${issue.message ?? 'is not valid'}`.trim();
}

function clientErrorText(err: FastifyError): string {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type: send application/json or application/x-www-form-urlencoded.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The JSON body is empty.';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The body is not valid JSON.';
    case 'FST_ERR_BAD_URL':
      return 'The URL is not valid: it has a broken percent-encoding.';
    default:
      // JSON.parse errors arrive as a plain 400 SyntaxError.
      return err instanceof SyntaxError
        ? 'The body is not valid JSON.'
        : 'The request is not valid.';
  }
}
