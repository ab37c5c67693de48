import { describe, expect, it } from 'vitest';
import type {
  EmailGuardStore,
  GuessBudget,
  Hit,
  RateCounterStore,
} from '../../src/store/limits.js';
import type { CodeStore } from '../../src/store/codes.js';
import type { LoginStore } from '../../src/store/logins.js';
import type { UserStore } from '../../src/store/users.js';
import { wrongGuesses } from './logins.js';
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

const BUDGET: GuessBudget = {
  capacity: 3,
  refillMs: 60_000,
  resendMs: 30_000,
  keepMs: 3 * 60_000 + 30_000,
};

/** What every {@link EmailGuardStore} must do. */
export function describeEmailGuardStoreContract(
  target: StoreTarget<
    EmailGuardStore & LoginStore & CodeStore & Pick<UserStore, 'blockUser' | 'unblockUser'>
  >,
): void {
  describe('EmailGuardStore', () => {
    const open = useStores(target);
    const email = 'a@example.com';

    it('grants the first code with a full budget, then none until resendMs has passed', async () => {
      const { store } = await open();
      expect(await store.claimCodeSlot(email, NOW, BUDGET)).toEqual({
        claimed: true,
        guesses: 3,
        blocked: false,
      });
      expect(await store.claimCodeSlot(email, NOW + 29_999, BUDGET)).toEqual({
        claimed: false,
        retryAt: NOW + 30_000,
      });
      expect(await store.claimCodeSlot('b@example.com', NOW + 1, BUDGET)).toMatchObject({
        claimed: true,
      });
      expect(await store.claimCodeSlot(email, NOW + 30_000, BUDGET)).toEqual({
        claimed: true,
        guesses: 3,
        blocked: false,
      });
    });

    it("says with the claim whether the email's user is blocked, and still counts the claim", async () => {
      const { store } = await open();
      await store.blockUser(email, 'email|0123456789abcdef01234567', NOW);
      expect(await store.claimCodeSlot(email, NOW, BUDGET)).toEqual({
        claimed: true,
        guesses: 3,
        blocked: true,
      });
      expect(await store.claimCodeSlot(email, NOW + 1, BUDGET)).toMatchObject({ claimed: false });
      expect(await store.claimCodeSlot('b@example.com', NOW, BUDGET)).toMatchObject({
        blocked: false,
      });
      await store.unblockUser(email);
      expect(await store.claimCodeSlot(email, NOW + 30_000, BUDGET)).toMatchObject({
        blocked: false,
      });
    });

    it('grants one code to racing claims', async () => {
      const handles = await open();
      const claims = await race(4, handles, (store) => store.claimCodeSlot(email, NOW, BUDGET));
      expect(claims.filter((claim) => claim.claimed)).toHaveLength(1);
    });

    it('grants a code only while the budget holds a guess, counting whole guesses', async () => {
      const { store } = await open();
      await wrongGuesses(store, email, NOW, BUDGET, 1);
      // Two guesses left, and half of the next one refilled: two whole ones.
      expect(await store.claimCodeSlot(email, NOW + 30_000, BUDGET)).toEqual({
        claimed: true,
        guesses: 2,
        blocked: false,
      });
      const drained = 'b@example.com';
      await wrongGuesses(store, drained, NOW, BUDGET, 3);
      expect(await store.claimCodeSlot(drained, NOW, BUDGET)).toEqual({
        claimed: false,
        retryAt: NOW + 60_000,
      });
      expect(await store.claimCodeSlot(drained, NOW + 60_000, BUDGET)).toEqual({
        claimed: true,
        guesses: 1,
        blocked: false,
      });
    });
  });
}
