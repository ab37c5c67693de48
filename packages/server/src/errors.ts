import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

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
 * large, wrong types) keep their 4xx status; only real faults become 500, and those are logged.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AuthError, request, reply) => {
    if (err instanceof AuthError) return sendAuthError(reply, err);
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
  });

  app.setNotFoundHandler((request, reply) =>
    sendAuthError(
      reply,
      new AuthError(
        404,
        'not_found',
        `No endpoint ${request.method} ${request.url.split('?')[0]}.`,
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
  const where = issue.instancePath ? issue.instancePath.slice(1).replace(/\//g, '.') : context;
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
    default:
      // JSON.parse errors arrive as a plain 400 SyntaxError.
      return err instanceof SyntaxError
        ? 'The body is not valid JSON.'
        : 'The request is not valid.';
  }
}
