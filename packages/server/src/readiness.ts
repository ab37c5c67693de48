import type { SigningKeySet } from './keys.js';
import type { HealthStore } from './store/health.js';
import { StoreUnavailableError } from './store/unavailable.js';

/**
 * How long `/readyz` waits for the store. A load balancer polls every second or so: a store
 * that hangs must make the node unready within that rhythm, not after the 12 s query timeout.
 */
export const READINESS_STORE_TIMEOUT_MS = 2_000;

/** What `/readyz` answers: each check by name, `ok` or what is wrong with it. */
export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: {
    /** `unreachable` (connection refused or lost), `timeout` (no answer in 2 s), `error` (any other failure). */
    store: 'ok' | 'unreachable' | 'timeout' | 'error';
    /** `pending`: the schema lacks a migration this server needs; `unknown` when the store did not answer. */
    migrations: 'ok' | 'pending' | 'unknown';
    signing_keys: 'ok' | 'missing';
    /** `draining`: the process is shutting down and finishing the requests it has. */
    serving: 'ok' | 'draining';
  };
}

type StoreCheck = Pick<ReadinessReport['checks'], 'store' | 'migrations'>;

/**
 * Decides whether this node should get traffic. Cheap enough to poll every second: one read of
 * the store and no write, and polls that arrive while the store is slow share the read in
 * flight instead of piling up connections.
 */
export class Readiness {
  readonly #store: HealthStore;
  readonly #keys: SigningKeySet;
  readonly #draining: () => boolean;
  readonly #timeoutMs: number;
  #storeCheck: Promise<StoreCheck> | undefined;

  constructor(options: {
    store: HealthStore;
    keys: SigningKeySet;
    draining: () => boolean;
    timeoutMs?: number;
  }) {
    this.#store = options.store;
    this.#keys = options.keys;
    this.#draining = options.draining;
    this.#timeoutMs = options.timeoutMs ?? READINESS_STORE_TIMEOUT_MS;
  }

  async check(): Promise<ReadinessReport> {
    const keys = this.#keys.current();
    const checks: ReadinessReport['checks'] = {
      ...(await this.#checkStore()),
      signing_keys: keys.kid && keys.jwks.keys.length > 0 ? 'ok' : 'missing',
      serving: this.#draining() ? 'draining' : 'ok',
    };
    const ready = Object.values(checks).every((state) => state === 'ok');
    return { status: ready ? 'ok' : 'unavailable', checks };
  }

  async #checkStore(): Promise<StoreCheck> {
    this.#storeCheck ??= this.#store.isMigrated().then(
      (migrated): StoreCheck => ({ store: 'ok', migrations: migrated ? 'ok' : 'pending' }),
      (error: unknown): StoreCheck => ({
        store: error instanceof StoreUnavailableError ? 'unreachable' : 'error',
        migrations: 'unknown',
      }),
    );
    const inFlight = this.#storeCheck;
    void inFlight.finally(() => {
      if (this.#storeCheck === inFlight) this.#storeCheck = undefined;
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<StoreCheck>((resolve) => {
      timer = setTimeout(
        () => resolve({ store: 'timeout', migrations: 'unknown' }),
        this.#timeoutMs,
      );
    });
    try {
      return await Promise.race([inFlight, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
