import { describe, expect, it } from 'vitest';
import type { GuessBudget, Hit, RateCounterStore } from '../../src/store/limits.js';
import { liveHits, NOW, race, useStores, type StoreTarget } from './target.js';

/** A hit on counter `slot` of `key`, made at `now`, alive for `lifeMs`. */
function hit(key: string, slot: number, now: number, lifeMs: number): Hit {
  return { key, slot, now, expiresAt: now + lifeMs };
}

/** What every {@link RateCounterStore} must do. */
export function describeRateCounterStoreContract(target: StoreTarget<RateCounterStore>): void {
  describe('RateCounterStore', () => {
    const open = useStores(target);

    it('sums the live counters of a key, with the earliest expiry among them', async () => {
      const { store } = await open();
      expect(await store.takeHit(hit('k', 0, NOW, 10_000), 10)).toEqual({
        taken: true,
        count: 1,
        firstExpiry: NOW + 10_000,
      });
      expect(await store.takeHit(hit('k', 1, NOW, 20_000), 10)).toEqual({
        taken: true,
        count: 2,
        firstExpiry: NOW + 10_000,
      });
      await store.takeHit(hit('other', 0, NOW, 10_000), 10);
      expect(await liveHits(store, 'k', NOW)).toEqual({ count: 2, firstExpiry: NOW + 10_000 });
      expect(await liveHits(store, 'k', NOW + 10_000)).toEqual({
        count: 1,
        firstExpiry: NOW + 20_000,
      });
      expect(await liveHits(store, 'k', NOW + 20_000)).toEqual({ count: 0 });
      expect(await liveHits(store, 'unknown', NOW)).toEqual({ count: 0 });
    });

    it('refuses a hit once the live sum reaches the limit, saying when room returns', async () => {
      const { store } = await open();
      await store.takeHit(hit('k', 0, NOW, 10_000), 2);
      await store.takeHit(hit('k', 1, NOW + 1, 10_000), 2);
      expect(await store.takeHit(hit('k', 1, NOW + 2, 10_000), 2)).toEqual({
        taken: false,
        count: 2,
        firstExpiry: NOW + 10_000,
      });
      expect((await store.takeHit(hit('k', 1, NOW + 10_000, 10_000), 2)).taken).toBe(true);
    });

    it('checks and counts atomically: of racing hits, only the limit are taken', async () => {
      const handles = await open();
      const results = await race(10, handles, (store) =>
        store.takeHit(hit('k', 0, NOW, 10_000), 3),
      );
      expect(results.filter((result) => result.taken)).toHaveLength(3);
      expect((await liveHits(handles.store, 'k', NOW)).count).toBe(3);
    });

    it('starts an expired counter again from one', async () => {
      const { store } = await open();
      await store.takeHit(hit('k', 0, NOW, 10), 10);
      await store.takeHit(hit('k', 0, NOW, 10), 10);
      expect(await store.takeHit(hit('k', 0, NOW + 10, 10), 10)).toEqual({
        taken: true,
        count: 1,
        firstExpiry: NOW + 20,
      });
      expect(await liveHits(store, 'k', NOW + 10)).toEqual({ count: 1, firstExpiry: NOW + 20 });
    });

    it('never refuses with an infinite limit', async () => {
      const { store } = await open();
      for (let i = 1; i <= 5; i++) {
        expect(await store.takeHit(hit('k', 0, NOW, 10_000), Infinity)).toMatchObject({
          taken: true,
          count: i,
        });
      }
    });

    it('takes back one hit with returnHit, never going below zero', async () => {
      const { store } = await open();
      await store.takeHit(hit('k', 0, NOW, 10_000), 10);
      await store.takeHit(hit('k', 0, NOW, 10_000), 10);
      await store.returnHit('k', 0);
      expect((await liveHits(store, 'k', NOW)).count).toBe(1);
      await store.returnHit('k', 0);
      await store.returnHit('k', 0);
      await store.returnHit('unknown', 0);
      expect((await liveHits(store, 'k', NOW)).count).toBe(0);
      expect((await store.takeHit(hit('k', 0, NOW, 10_000), 10)).count).toBe(1);
    });
  });
}

export const BUDGET: GuessBudget = {
  capacity: 3,
  refillMs: 60_000,
  resendMs: 30_000,
  keepMs: 3 * 60_000 + 30_000,
};
