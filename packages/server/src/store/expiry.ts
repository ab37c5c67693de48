/** Deletes what has expired, across every other contract's records. */
export interface ExpiryStore {
  /**
   * Deletes at most `batch` records whose `expiresAt` is at or before `now` (rate counters,
   * email guards, codes, tokens, tickets, mail) and returns how many it deleted; callers repeat
   * it, yielding in between, so pruning never holds the event loop for long.
   */
  pruneExpired(now: number, batch: number): Promise<number>;
}
