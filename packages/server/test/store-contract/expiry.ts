import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store.js';
import type { GuessBudget } from '../../src/store/limits.js';
import { pendingCode } from './codes.js';
import { attempt, wrongGuesses } from './logins.js';
import { liveHits, NOW, useStores, type StoreTarget } from './target.js';

/** One guess, refilling far slower than the record is kept: a drained record stays drained. */
const SLOW_BUDGET: GuessBudget = { capacity: 1, refillMs: 1e9, resendMs: 0, keepMs: 1_000 };

/** A wrong code for `email` at `now` on a code of its own: what its guess budget says. */
async function guessAgain(store: Store, email: string) {
  await store.saveCode(pendingCode({ id: `again-${email}`, clientId: 'again', email }));
  const outcome = await store.attemptLogin(
    attempt(false, { clientId: 'again', email, budget: SLOW_BUDGET }),
  );
  return outcome.outcome;
}

/**
 * One record of every kind that expires, alive until `expiresAt`: a code, a login ticket, an
 * authorization code, an access token, a refresh token, a mail, a rate counter and a (drained)
 * email guard.
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
  await wrongGuesses(store, `${name}@example.com`, expiresAt - SLOW_BUDGET.keepMs, SLOW_BUDGET, 1);
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
      // A guard that was kept would still be drained; a pruned one takes the guess.
      expect(await guessAgain(store, 'expired@example.com')).toBe('failed');

      expect(await store.findCode('app', 'live@example.com')).toBeDefined();
      expect(await store.consumeLoginTicket('live-hash')).toBeDefined();
      expect(await store.consumeAuthorizationCode('live-hash')).toBeDefined();
      expect(await store.findAccessToken('live-hash')).toBeDefined();
      expect(await store.findRefreshToken('live-hash')).toBeDefined();
      expect((await liveHits(store, 'live', NOW)).count).toBe(1);
      expect(await guessAgain(store, 'live@example.com')).toBe('refused');
      const mail = await store.claimDueMail(NOW, NOW, 10);
      expect(mail.map((one) => one.to)).toEqual(['live@example.com']);
    });
  });
}
