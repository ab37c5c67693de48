import type { RandomSource } from './codes.js';
import type { ClientConfig, ServerConfig } from './config.js';
import type { SigningKeySet } from './keys.js';
import type { MailOutbox } from './mail/outbox.js';
import type { EmailTemplates } from './mail/templates.js';
import type { MetricsRecorder } from './metrics/recorder.js';
import type { ServerSecret } from './server-secret.js';
import type { Store } from './store.js';

/** What route plugins share: configuration, storage, keys, mail, and the injectable clock/RNG. */
export interface AppContext {
  config: ServerConfig;
  clients: ReadonlyMap<string, ClientConfig>;
  store: Store;
  /** Reloaded periodically: read `keys.current()` at each use, never keep its value. */
  keys: SigningKeySet;
  /** Keys derived from the secret kept outside the database (codes' HMAC, queued mail). */
  serverSecret: ServerSecret;
  /** Durable mail delivery: stored first, retried until sent or expired. */
  outbox: MailOutbox;
  templates: EmailTemplates;
  /** Counters the routes and login modules increment; scraped on the metrics listener. */
  metrics: MetricsRecorder;
  /** Epoch milliseconds. */
  now: () => number;
  random: RandomSource;
}
