import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store.js';
import type { GuessBudget } from '../../src/store/limits.js';
import { liveHits, NOW, useStores, type StoreTarget } from './target.js';

/** A guard kept 1 s after its last claim. */
const SHORT_KEPT: GuessBudget = { capacity: 1, refillMs: 1e9, resendMs: 0, keepMs: 1_000 };
/** A cooldown longer than the test: a guard that was kept still refuses a claim. */
const LONG_COOLDOWN: GuessBudget = { ...SHORT_KEPT, resendMs: 1e9 };

/**
 * One record of every kind that expires, alive until `expiresAt`: a code, a login ticket, an
 * authorization code, an access token, a refresh token, a mail, a rate counter and an email guard
 * (just claimed).
 */
async function saveOneOfEach(store: Store, name: string, expiresAt: number): Promise<void> {
  const hash = `${name}-hash`;
  const common = { clientId: 'app', sub: `email|${name}`, expiresAt };
  await store.saveCode({
    ...common,
    id: `${name}-code`,
    email: `${name}@example.com`,
    codeHash: Buffer.alloc(32),
    salt: Buffer.alloc(16),
    createdAt: NOW - 180_000,
    attempts: 0,
    maxAttempts: 3,
  });
  await store.saveLoginTicket({ ...common, ticketHash: hash, origin: 'https://app.example' });
  await store.saveAuthorizationCode({
    ...common,
    codeHash: hash,
    redirectUri: 'https://app.example/callback',
    scope: 'openid',
    codeChallenge: 'challenge',
  });
  await store.saveAccessToken({ ...common, tokenHash: hash, scope: 'openid' });
  await store.saveRefreshToken({
    ...common,
    tokenHash: hash,
    familyId: name,
    scope: 'openid offline_access',
    authTime: NOW - 1_000,
    familyExpiresAt: expiresAt,
    issuedAt: NOW - 1_000,
  });
  await store.enqueueMail({
    to: `${name}@example.com`,
    fromName: 'App',
    fromAddress: 'no-reply@example.com',
    subject: 's',
    text: 't',
    html: 'h',
    expiresAt,
    nextAttemptAt: NOW - 180_000,
  });
  await store.takeHit({ key: name, slot: 0, now: NOW - 1, expiresAt }, Infinity);
  await store.claimCodeSlot(`${name}@example.com`, expiresAt - SHORT_KEPT.keepMs, SHORT_KEPT);
}

/** What every {@link Store} must do when pruning: it spans the records of every contract. */
export function describeExpiryStoreContract(target: StoreTarget<Store>): void {
  describe('ExpiryStore', () => {
    const open = useStores(target);

    it('deletes what expired at or before `now`, at most a batch per call', async () => {
      const { store } = await open();
      await saveOneOfEach(store, 'expired', NOW);
      await saveOneOfEach(store, 'live', NOW + 1);

      expect(await store.pruneExpired(NOW - 1, 100)).toBe(0);
      const steps = [];
      // Eight expired records (one of each kind), three at a time.
      for (let i = 0; i < 4; i++) steps.push(await store.pruneExpired(NOW, 3));
      expect(steps).toEqual([3, 3, 2, 0]);

      expect(await store.findCode('app', 'expired@example.com')).toBeUndefined();
      expect(await store.consumeLoginTicket('expired-hash')).toBeUndefined();
      expect(await store.consumeAuthorizationCode('expired-hash')).toBeUndefined();
      expect(await store.findAccessToken('expired-hash')).toBeUndefined();
      expect(await store.findRefreshToken('expired-hash')).toBeUndefined();
      expect((await liveHits(store, 'expired', NOW - 1)).count).toBe(0);
      // A guard that was kept would still be in its cooldown; a pruned one grants a code.
      expect((await store.claimCodeSlot('expired@example.com', NOW, LONG_COOLDOWN)).claimed).toBe(
        true,
      );

      expect(await store.findCode('app', 'live@example.com')).toBeDefined();
      expect(await store.consumeLoginTicket('live-hash')).toBeDefined();
      expect(await store.consumeAuthorizationCode('live-hash')).toBeDefined();
      expect(await store.findAccessToken('live-hash')).toBeDefined();
      expect(await store.findRefreshToken('live-hash')).toBeDefined();
      expect((await liveHits(store, 'live', NOW)).count).toBe(1);
      expect((await store.claimCodeSlot('live@example.com', NOW, LONG_COOLDOWN)).claimed).toBe(
        false,
      );
      const mail = await store.claimDueMail(NOW, NOW, 10);
      expect(mail.map((one) => one.to)).toEqual(['live@example.com']);
    });
  });
}
