import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ExpiryStore } from './store/expiry.js';

const PRUNE_EVERY_MS = 10 * 60 * 1000;
/** Rows deleted per step: a few milliseconds of work, so requests wait at most that long. */
export const PRUNE_BATCH = 500;

/**
 * Deletes everything expired at `now()`, one small batch per event-loop turn, so a large backlog
 * (a million rate-limit rows after an attack) never holds up the requests arriving meanwhile.
 * Resolves with the number of rows deleted.
 */
export async function pruneExpired(
  store: ExpiryStore,
  now: () => number,
  shouldStop: () => boolean = () => false,
): Promise<number> {
  const at = now();
  let deleted = 0;
  for (;;) {
    const step = await store.pruneExpired(at, PRUNE_BATCH);
    deleted += step;
    if (step < PRUNE_BATCH || shouldStop()) return deleted;
    await nextTurn();
  }
}

/** Prunes every ten minutes until `stop()`, which waits for a pass in progress to end. */
export function startPruning(store: ExpiryStore, now: () => number): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    running ??= pruneExpired(store, now, () => stopped)
      .catch(() => 0)
      .finally(() => (running = undefined));
  }, PRUNE_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
