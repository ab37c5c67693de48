import { describe, expect, it } from 'vitest';
import type {
  EmailGuardStore,
  GuessBudget,
  Hit,
  RateCounterStore,
} from '../../src/store/limits.js';
import { NOW, race, useStores, type StoreTarget } from './target.js';

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
      expect(await store.countHits('k', NOW)).toEqual({ count: 2, firstExpiry: NOW + 10_000 });
      expect(await store.countHits('k', NOW + 10_000)).toEqual({
        count: 1,
        firstExpiry: NOW + 20_000,
      });
      expect(await store.countHits('k', NOW + 20_000)).toEqual({ count: 0 });
      expect(await store.countHits('unknown', NOW)).toEqual({ count: 0 });
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
      expect((await handles.store.countHits('k', NOW)).count).toBe(3);
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
      expect(await store.countHits('k', NOW + 10)).toEqual({ count: 1, firstExpiry: NOW + 20 });
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
      expect((await store.countHits('k', NOW)).count).toBe(1);
      await store.returnHit('k', 0);
      await store.returnHit('k', 0);
      await store.returnHit('unknown', 0);
      expect((await store.countHits('k', NOW)).count).toBe(0);
      expect((await store.takeHit(hit('k', 0, NOW, 10_000), 10)).count).toBe(1);
    });

    it('drops every counter of a key with clearHits, and only of that key', async () => {
      const { store } = await open();
      await store.takeHit(hit('k', 0, NOW, 10_000), 10);
      await store.takeHit(hit('k', 1, NOW, 20_000), 10);
      await store.takeHit(hit('other', 0, NOW, 10_000), 10);
      await store.clearHits('k');
      expect(await store.countHits('k', NOW)).toEqual({ count: 0 });
      expect((await store.countHits('other', NOW)).count).toBe(1);
    });
  });
}

export const BUDGET: GuessBudget = {
  capacity: 3,
  refillMs: 60_000,
  resendMs: 30_000,
  keepMs: 3 * 60_000 + 30_000,
};

/** What every {@link EmailGuardStore} must do. */
export function describeEmailGuardStoreContract(target: StoreTarget<EmailGuardStore>): void {
  describe('EmailGuardStore', () => {
    const open = useStores(target);
    const email = 'a@example.com';

    it('drains the guess budget, then refills one guess every refillMs', async () => {
      const { store } = await open();
      for (let i = 0; i < 3; i++)
        expect(await store.takeGuess(email, NOW, BUDGET)).toEqual({ taken: true });
      expect(await store.takeGuess(email, NOW, BUDGET)).toEqual({
        taken: false,
        retryAt: NOW + 60_000,
      });
      expect((await store.takeGuess(email, NOW + 59_999, BUDGET)).taken).toBe(false);
      expect(await store.takeGuess(email, NOW + 60_000, BUDGET)).toEqual({ taken: true });
      expect(await store.takeGuess(email, NOW + 60_000, BUDGET)).toEqual({
        taken: false,
        retryAt: NOW + 120_000,
      });
      expect((await store.takeGuess('b@example.com', NOW, BUDGET)).taken).toBe(true);
    });

    it('takes no more guesses than the budget holds when they race', async () => {
      const handles = await open();
      const claims = await race(8, handles, (store) => store.takeGuess(email, NOW, BUDGET));
      expect(claims.filter((claim) => claim.taken)).toHaveLength(3);
    });

    it('fills the budget again with refillGuesses', async () => {
      const { store } = await open();
      for (let i = 0; i < 3; i++) await store.takeGuess(email, NOW, BUDGET);
      await store.refillGuesses(email, NOW + 1, BUDGET);
      for (let i = 0; i < 3; i++)
        expect((await store.takeGuess(email, NOW + 1, BUDGET)).taken).toBe(true);
      expect(await store.takeGuess(email, NOW + 1, BUDGET)).toEqual({
        taken: false,
        retryAt: NOW + 60_001,
      });
    });
  });
}
