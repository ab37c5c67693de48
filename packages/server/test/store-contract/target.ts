import { afterEach } from 'vitest';
import type { HitCount, RateCounterStore } from '../../src/store/limits.js';

/** An implementation under test, as each contract suite opens it. */
export interface StoreTarget<T> {
  /** A fresh, empty store of the implementation. */
  open(): Promise<OpenStore<T>>;
}

export interface OpenStore<T> {
  store: T;
  /**
   * A second handle on the same data: another connection, as another process or node would hold
   * (`store` itself when the implementation has only one). Racing calls go through both, so
   * atomicity is pinned across connections too.
   */
  peer: T;
  /** Releases both handles. */
  close(): Promise<void>;
}

/** A fixed instant: every time in the suites is passed in, never read from a clock. */
export const NOW = Date.parse('2030-01-01T00:00:00Z');

/** Call inside a `describe`: opens stores of `target` and closes them after each test. */
export function useStores<T>(target: StoreTarget<T>): () => Promise<OpenStore<T>> {
  const opened: Array<OpenStore<T>> = [];
  afterEach(async () => {
    while (opened.length > 0) await opened.pop()!.close();
  });
  return async () => {
    const open = await target.open();
    opened.push(open);
    return open;
  };
}

/** Splits `count` racing calls between the two handles. */
export function race<T, R>(
  count: number,
  handles: OpenStore<T>,
  call: (handle: T) => Promise<R>,
): Promise<R[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => call(i % 2 === 0 ? handles.store : handles.peer)),
  );
}

/** The live counters of `key` at `now`: a hit refused for want of room counts without adding. */
export async function liveHits(
  store: RateCounterStore,
  key: string,
  now: number,
): Promise<HitCount> {
  const { count, firstExpiry } = await store.takeHit({ key, slot: 0, now, expiresAt: now + 1 }, 0);
  return firstExpiry === undefined ? { count } : { count, firstExpiry };
}
