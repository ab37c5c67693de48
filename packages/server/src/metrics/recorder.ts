import type { RateLimitName } from '../rate-limits.js';
import type { LoginFailure, Send } from './metrics.js';

interface Count {
  inc(): void;
}

interface CountBy<Labels extends object> {
  inc(labels: Labels): void;
}

/**
 * What the app counts as it works: the routes, the login modules and the request log write here.
 * {@link ServerMetrics} with a metrics listener; {@link NO_METRICS} without one, so a server that
 * serves no metrics never loads prom-client (about 10 MiB).
 */
export interface MetricsRecorder {
  sent: CountBy<{ send: Send }>;
  mailDelivered: Count;
  mailFailed: Count;
  loginsSucceeded: Count;
  loginsFailed: CountBy<{ reason: LoginFailure }>;
  refreshes: Count;
  refreshReuseDetected: Count;
  rateLimited: CountBy<{ limit: RateLimitName }>;
  outboxFull: Count;
  requestDuration: {
    observe(labels: { route: string; method: string; status_class: string }, seconds: number): void;
  };
}

const ignored = { inc() {}, observe() {} };

/** Counts nothing: `metrics.port` is off. */
export const NO_METRICS: MetricsRecorder = {
  sent: ignored,
  mailDelivered: ignored,
  mailFailed: ignored,
  loginsSucceeded: ignored,
  loginsFailed: ignored,
  refreshes: ignored,
  refreshReuseDetected: ignored,
  rateLimited: ignored,
  outboxFull: ignored,
  requestDuration: ignored,
};
