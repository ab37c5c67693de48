import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { CENSOR, censorNested, SECRET_LOG_KEYS } from './log-censor.js';
import type { MetricsRecorder } from './metrics/recorder.js';
import { PROBE_ROUTES } from './routes/health.js';

/** Carried in and echoed back, so a client's or proxy's id finds the server's log lines. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An incoming id is kept only when it is short and made of characters no log reader, header or
 * terminal can trip on (ids of common tracers and proxies are: UUIDs, hex, base64); any other
 * gets a fresh one rather than put someone's text into every line of the request.
 */
const SANE_REQUEST_ID = /^[\w.~:/+=-]{1,128}$/;

/** Fastify's `genReqId`: the request's `X-Request-Id` when sane, else a random UUID. */
export function requestId(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** The route label of a request no route matched (404s): never the raw URL, which is anyone's. */
const UNMATCHED_ROUTE = '(unmatched)';

/** Anything shaped like an email address (an SMTP refusal names its recipient). */
const EMAIL_LIKE = /[\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}/gi;

/**
 * An error as a log line shows it: what went wrong, never the objects it may carry, and no
 * email address, which belongs only in login events.
 */
function serializeError(error: Error & { code?: unknown; responseCode?: unknown }) {
  const masked = (text: string) => text.replace(EMAIL_LIKE, '[email]');
  return {
    type: error.name,
    message: masked(error.message),
    ...(error.code === undefined ? {} : { code: error.code }),
    // nodemailer: the SMTP reply's status (535 bad credentials, 550 refused recipient…).
    ...(error.responseCode === undefined ? {} : { responseCode: error.responseCode }),
    stack: masked(error.stack ?? ''),
  };
}

/**
 * Fastify's logger options with the server's rules on top (whatever the caller set): JSON lines
 * at the caller's level, secrets censored (log-censor.ts), requests and errors reduced to safe fields.
 */
export function loggerOptions(
  logger: FastifyServerOptions['logger'],
): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const serializers = {
    req: (request: { method: string; routeOptions?: { url?: string } }) => ({
      method: request.method,
      route: request.routeOptions?.url ?? UNMATCHED_ROUTE,
    }),
    res: (reply: { statusCode: number }) => ({ status: reply.statusCode }),
    err: serializeError,
  };
  const serialized = new Set(Object.keys(serializers));
  return {
    ...(logger === true ? {} : logger),
    redact: { paths: [...SECRET_LOG_KEYS], censor: CENSOR },
    formatters: { log: (fields) => censorNested(fields, serialized) },
    serializers,
  };
}

/**
 * One line (debug for a passing health probe) and one histogram sample per answered request: method, route pattern, status and
 * duration, under the request's id (echoed in `X-Request-Id`). No URL, query, header or body:
 * the magic link's query holds its code, headers hold bearer tokens.
 */
export function installRequestLog(app: FastifyInstance, metrics: MetricsRecorder): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const status = reply.statusCode;
    const durationMs = reply.elapsedTime;
    metrics.requestDuration.observe(
      { route, method: request.method, status_class: `${Math.floor(status / 100)}xx` },
      durationMs / 1000,
    );
    // A balancer's probe every second would bury every other line; a failing one still shows.
    const level = PROBE_ROUTES.has(route) && status < 400 ? 'debug' : 'info';
    request.log[level](
      {
        event: 'request',
        method: request.method,
        route,
        status,
        duration_ms: Math.round(durationMs * 10) / 10,
      },
      'request completed',
    );
  });
}
