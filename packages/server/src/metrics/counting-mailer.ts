import type { Mailer } from '../mail/mailer.js';
import type { MetricsRecorder } from './recorder.js';

/**
 * `mailer` with every SMTP try counted: accepted mail as delivered, a refusal or broken
 * connection as failed. Wrapping the transport counts every try, the first and the outbox's
 * retries alike, without the outbox knowing about metrics. Closing closes nothing: the wrapped
 * mailer is closed by whoever owns it.
 */
export function countingMailer(mailer: Mailer, metrics: MetricsRecorder): Mailer {
  return {
    async send(email) {
      try {
        await mailer.send(email);
      } catch (error) {
        metrics.mailFailed.inc();
        throw error;
      }
      metrics.mailDelivered.inc();
    },
    async close() {},
  };
}
