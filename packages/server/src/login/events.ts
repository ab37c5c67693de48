import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import type { LoginFailure } from '../metrics/metrics.js';
import { RateLimitedError } from '../rate-limits.js';

// The login's events, each one log line (carrying the request's id, as `log` is the request's
// logger) and one metric. Email addresses appear in these lines only, never the code, the link
// or a token. README "Logs" lists the events and "Metrics" the counters.

/** Who a login event is about: the email only once it is a valid address. */
export interface LoginSubject {
  clientId: string;
  email: string | undefined;
}

/**
 * /passwordless/start issued a code or a link and queued its mail; SMTP's answer comes later
 * (`passwordless_mail_delivered_total`, or a `mail_failed` line).
 */
export function reportSent(
  ctx: AppContext,
  log: FastifyBaseLogger,
  sent: { clientId: string; send: 'code' | 'link' },
): void {
  ctx.metrics.sent.inc({ send: sent.send });
  log.info(
    { event: 'verification_sent', client_id: sent.clientId, send: sent.send, delivery: 'queued' },
    sent.send === 'code' ? 'code queued for mailing' : 'magic link queued for mailing',
  );
}

/** /passwordless/start was refused with 503: the outbox holds `outbox.max_queued` mails. */
export function reportOutboxFull(ctx: AppContext, log: FastifyBaseLogger, clientId: string): void {
  ctx.metrics.outboxFull.inc();
  log.warn({ event: 'outbox_full', client_id: clientId }, 'outbox full; start refused');
}

export function reportLoginSucceeded(
  ctx: AppContext,
  log: FastifyBaseLogger,
  subject: LoginSubject,
  sub: string,
): void {
  ctx.metrics.loginsSucceeded.inc();
  log.info(
    { event: 'login_succeeded', sub, client_id: subject.clientId, email: subject.email },
    'login succeeded',
  );
}

export function reportLoginFailed(
  ctx: AppContext,
  log: FastifyBaseLogger,
  subject: LoginSubject,
  reason: LoginFailure,
): void {
  ctx.metrics.loginsFailed.inc({ reason });
  log.info(
    { event: 'login_failed', reason, client_id: subject.clientId, email: subject.email },
    'login failed',
  );
}

/**
 * A `.catch` for the limits' checks: a 429 from one of them is counted and logged by the limit's
 * name (and, during a login, as a failed login); any error goes on.
 */
export function reportIfRateLimited(
  ctx: AppContext,
  log: FastifyBaseLogger,
  subject: LoginSubject & { login: boolean },
): (error: unknown) => never {
  return (error) => {
    if (error instanceof RateLimitedError) {
      ctx.metrics.rateLimited.inc({ limit: error.limit });
      log.warn(
        { event: 'rate_limited', limit: error.limit, client_id: subject.clientId },
        'rate limited',
      );
      if (subject.login) reportLoginFailed(ctx, log, subject, 'rate_limited');
    }
    throw error;
  };
}
