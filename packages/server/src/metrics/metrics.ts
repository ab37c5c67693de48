import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { RATE_LIMITS } from '../rate-limits.js';
import type { OutboxStore } from '../store/outbox.js';
import type { MetricsRecorder } from './recorder.js';

/** Why a code was not accepted; README "Metrics" and "Logs" explain each. */
export const LOGIN_FAILURES = [
  'wrong_code',
  'expired',
  'too_many_attempts',
  'rate_limited',
  'blocked',
] as const;
export type LoginFailure = (typeof LOGIN_FAILURES)[number];

/** What /passwordless/start mails. */
export const SENDS = ['code', 'link'] as const;
export type Send = (typeof SENDS)[number];

/** Every metric name starts with this (prom-client's process metrics keep their own names). */
const PREFIX = 'passwordless_';

/**
 * The server's Prometheus metrics, in a registry of its own per app (never prom-client's global
 * one), so several apps in one process (tests) do not share or clash. Counters are incremented
 * where the events happen (login/events.ts, metrics/counting-mailer.ts, request-log.ts); the
 * outbox size is read from the store when scraped.
 */
export class ServerMetrics implements MetricsRecorder {
  readonly registry = new Registry();

  readonly sent = new Counter({
    name: `${PREFIX}verifications_sent_total`,
    help: 'Codes and magic links issued by /passwordless/start (queued for SMTP).',
    labelNames: ['send'],
    registers: [this.registry],
  });

  readonly mailDelivered = new Counter({
    name: `${PREFIX}mail_delivered_total`,
    help: 'Mails the SMTP server accepted.',
    registers: [this.registry],
  });

  readonly mailFailed = new Counter({
    name: `${PREFIX}mail_failed_total`,
    help: 'SMTP tries that failed (each is retried from the outbox until its code expires).',
    registers: [this.registry],
  });

  readonly outboxFull = new Counter({
    name: `${PREFIX}outbox_full_total`,
    help: 'Starts refused with 503 while the outbox held outbox.max_queued unsent mails.',
    registers: [this.registry],
  });

  readonly loginsSucceeded = new Counter({
    name: `${PREFIX}logins_succeeded_total`,
    help: 'Emailed codes and magic links accepted.',
    registers: [this.registry],
  });

  readonly loginsFailed = new Counter({
    name: `${PREFIX}logins_failed_total`,
    help: 'Emailed codes and magic links refused, by reason.',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  readonly refreshes = new Counter({
    name: `${PREFIX}token_refreshes_total`,
    help: 'Refresh tokens exchanged (rotated) at /oauth/token.',
    registers: [this.registry],
  });

  readonly refreshReuseDetected = new Counter({
    name: `${PREFIX}refresh_token_reuse_detected_total`,
    help: 'Spent refresh tokens presented again: each revoked its whole family.',
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: `${PREFIX}rate_limited_total`,
    help: 'Requests refused with 429, by the limit that refused them.',
    labelNames: ['limit'],
    registers: [this.registry],
  });

  readonly requestDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time to answer a request on the public port, by route pattern, method and status class.',
    labelNames: ['route', 'method', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    // Every label value is known in advance: zeros are scraped before the first event, so a
    // rate() over them is defined from the start.
    for (const send of SENDS) this.sent.inc({ send }, 0);
    for (const reason of LOGIN_FAILURES) this.loginsFailed.inc({ reason }, 0);
    for (const limit of RATE_LIMITS) this.rateLimited.inc({ limit }, 0);
  }

  /**
   * `passwordless_mail_queued`: mail in the outbox (not yet accepted by SMTP), counted by the
   * store at each scrape. A store that cannot answer leaves the previous value.
   */
  trackOutbox(outbox: Pick<OutboxStore, 'countMail'>, onError: (error: unknown) => void): void {
    new Gauge({
      name: `${PREFIX}mail_queued`,
      help: 'Mails in the outbox: waiting for their first try or for a retry.',
      registers: [this.registry],
      async collect() {
        try {
          this.set(await outbox.countMail());
        } catch (error) {
          onError(error);
        }
      },
    });
  }

  /** `passwordless_mail_sending`: SMTP tries in flight on this node, read at each scrape. */
  trackSending(outbox: { readonly sending: number }): void {
    new Gauge({
      name: `${PREFIX}mail_sending`,
      help: 'SMTP tries in flight on this node (at most outbox.concurrent_sends).',
      registers: [this.registry],
      collect() {
        this.set(outbox.sending);
      },
    });
  }

  /**
   * prom-client's process and Node.js metrics (CPU, memory, event loop lag, GC, handles). Only
   * for an app that serves them: each call starts an event-loop monitor and a GC observer that
   * live as long as the process.
   */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry });
  }
}
