import { describe, expect, it } from 'vitest';
import type { CodeStore, PendingCode } from '../../src/store/codes.js';
import type { GuessBudget, RateCounterStore } from '../../src/store/limits.js';
import type { LoginAttempt, LoginOutcome, LoginStore } from '../../src/store/logins.js';
import type { AccessTokenStore } from '../../src/store/tokens.js';
import type { UserStore } from '../../src/store/users.js';
import { pendingCode } from './codes.js';
import { liveHits, NOW, race, useStores, type StoreTarget } from './target.js';

type LoginTarget = LoginStore & CodeStore & AccessTokenStore & UserStore & RateCounterStore;

const HOUR_MS = 3_600_000;
const BUDGET: GuessBudget = { capacity: 4, refillMs: 60_000, resendMs: 0, keepMs: 240_000 };

/** An attempt on `a@example.com` from address `a`; `right` says whether the guess matches. */
export function attempt(right: boolean, overrides: Partial<LoginAttempt> = {}): LoginAttempt {
  const now = overrides.now ?? NOW;
  const email = overrides.email ?? 'a@example.com';
  return {
    clientId: 'app',
    email,
    now,
    lockout: { key: `lockout:a:${email}`, slot: 0, now, expiresAt: now + 600_000 },
    addressFailure: { key: 'ip-failed:a', slot: 0, now, expiresAt: now + HOUR_MS },
    addressLimit: 100,
    runFailure: { key: `verify-failed:a:${email}`, slot: 0, now, expiresAt: now + HOUR_MS },
    runLimit: 100,
    budget: BUDGET,
    matches: (code) => right && code !== undefined,
    newSub: 'email|000000000000000000000001',
    ...overrides,
  };
}

/** Counts the calls of `matches`, and those made with a live code. */
function counted(base: LoginAttempt) {
  const calls = { all: 0, withCode: 0 };
  return {
    calls,
    attempt: {
      ...base,
      matches: (code: PendingCode | undefined) => {
        calls.all++;
        if (code) calls.withCode++;
        return base.matches(code);
      },
    },
  };
}

/** Takes `count` guesses from the email's budget with wrong codes on a code of its own. */
export async function wrongGuesses(
  store: LoginStore & CodeStore,
  email: string,
  now: number,
  budget: GuessBudget,
  count: number,
): Promise<void> {
  await store.saveCode(
    pendingCode({ id: `drain-${email}`, clientId: 'drain', email, maxAttempts: 100 }),
  );
  for (let i = 0; i < count; i++) {
    const outcome = await store.attemptLogin(
      attempt(false, { clientId: 'drain', email, now, budget }),
    );
    expect(outcome).toEqual({ outcome: 'failed', reason: 'wrong_code' });
  }
}

/** What every {@link LoginStore} must do. */
export function describeLoginStoreContract(target: StoreTarget<LoginTarget>): void {
  describe('LoginStore', () => {
    const open = useStores(target);

    it('logs a right code in once: consumes it, creates the user, saves the access token', async () => {
      const { store } = await open();
      await store.saveCode(pendingCode({ nonce: 'n-1' }));
      const token = { tokenHash: 'token-1', clientId: 'app', scope: 'openid', expiresAt: NOW + 1 };
      const login = await store.attemptLogin(attempt(true, { accessToken: token }));
      expect(login).toEqual({
        outcome: 'login',
        code: pendingCode({ nonce: 'n-1' }),
        user: {
          sub: 'email|000000000000000000000001',
          email: 'a@example.com',
          createdAt: NOW,
          updatedAt: NOW,
          blocked: false,
        },
      });
      expect(await store.findCode('app', 'a@example.com')).toBeUndefined();
      // A right code costs the address nothing.
      expect((await liveHits(store, 'ip-failed:a', NOW)).count).toBe(0);
      expect(await store.findAccessToken('token-1')).toEqual({
        ...token,
        sub: 'email|000000000000000000000001',
      });
      // Used: the same right code again finds nothing to compare with.
      const { calls, attempt: again } = counted(attempt(true));
      expect(await store.attemptLogin(again)).toEqual({ outcome: 'failed', reason: 'wrong_code' });
      expect(calls).toEqual({ all: 1, withCode: 0 });
    });

    it('keeps a returning user its sub, moving updatedAt', async () => {
      const { store } = await open();
      await store.saveCode(pendingCode());
      await store.attemptLogin(attempt(true));
      await store.saveCode(pendingCode({ id: 'code-2', clientId: 'other' }));
      const later = attempt(true, {
        clientId: 'other',
        now: NOW + 60_000,
        newSub: 'email|000000000000000000000002',
      });
      const login = await store.attemptLogin(later);
      expect(login).toMatchObject({
        outcome: 'login',
        user: { sub: 'email|000000000000000000000001', createdAt: NOW, updatedAt: NOW + 60_000 },
      });
    });

    it('compares an expired code as no code, and says it expired', async () => {
      const { store } = await open();
      await store.saveCode(pendingCode({ expiresAt: NOW }));
      const { calls, attempt: late } = counted(attempt(true));
      expect(await store.attemptLogin(late)).toEqual({ outcome: 'failed', reason: 'expired' });
      expect(calls).toEqual({ all: 1, withCode: 0 });
      expect((await liveHits(store, 'ip-failed:a', NOW)).count).toBe(1);
    });

    it('counts wrong tries against the code, and its last try kills it', async () => {
      const { store } = await open();
      await store.saveCode(pendingCode());
      for (let i = 1; i <= 2; i++) {
        expect(await store.attemptLogin(attempt(false))).toEqual({
          outcome: 'failed',
          reason: 'wrong_code',
        });
        expect((await store.findCode('app', 'a@example.com'))?.attempts).toBe(i);
      }
      expect(await store.attemptLogin(attempt(false))).toEqual({
        outcome: 'failed',
        reason: 'too_many_attempts',
      });
      expect(await store.findCode('app', 'a@example.com')).toBeUndefined();
      expect((await store.attemptLogin(attempt(true))).outcome).toBe('failed');
    });

    it("refuses a live code without comparing once the email's budget is empty; a login fills it", async () => {
      const { store } = await open();
      await wrongGuesses(store, 'a@example.com', NOW, BUDGET, 4);
      await store.saveCode(pendingCode());
      const { calls, attempt: refused } = counted(attempt(true, { now: NOW + 1 }));
      expect(await store.attemptLogin(refused)).toEqual({
        outcome: 'refused',
        limit: 'email',
        retryAt: NOW + 60_000,
      });
      expect(calls.all).toBe(0);
      // Refused before a comparison: not a failure of the address.
      expect((await liveHits(store, 'ip-failed:a', NOW + 1)).count).toBe(4);
      // No code pending: nothing to guess, so the budget does not refuse (and is not taken).
      const noCode = attempt(false, { clientId: 'none', now: NOW + 1 });
      expect(await store.attemptLogin(noCode)).toEqual({ outcome: 'failed', reason: 'wrong_code' });

      expect((await store.attemptLogin(attempt(true, { now: NOW + 60_000 }))).outcome).toBe(
        'login',
      );
      await wrongGuesses(store, 'a@example.com', NOW + 60_000, BUDGET, 4);
    });

    it('locks the address out of the email after runLimit failures in a row, even for the right code', async () => {
      const { store } = await open();
      const limited = (right: boolean, now = NOW) =>
        attempt(right, { runLimit: 3, now, clientId: 'run' });
      await store.saveCode(pendingCode({ clientId: 'run', maxAttempts: 100 }));
      // Two failures, then a login: the run starts again.
      for (let i = 0; i < 2; i++) await store.attemptLogin(limited(false));
      expect((await store.attemptLogin(limited(true))).outcome).toBe('login');
      const code = { id: 'code-2', clientId: 'run', maxAttempts: 100, expiresAt: NOW + HOUR_MS };
      await store.saveCode(pendingCode(code));
      for (let i = 0; i < 3; i++) await store.attemptLogin(limited(false, NOW + 1));
      expect(await store.attemptLogin(limited(true, NOW + 2))).toEqual({
        outcome: 'refused',
        limit: 'lockout',
        retryAt: NOW + 1 + 600_000,
      });
      // Only this email is locked for this address.
      expect((await store.attemptLogin(limited(false, NOW + 2))).outcome).toBe('refused');
      const otherEmail = attempt(false, { email: 'b@example.com', runLimit: 3, now: NOW + 2 });
      expect((await store.attemptLogin(otherEmail)).outcome).toBe('failed');
      expect((await store.attemptLogin(limited(true, NOW + 1 + 600_000))).outcome).toBe('login');
    });

    it('refuses an address once it has failed addressLimit times across emails', async () => {
      const { store } = await open();
      for (let i = 0; i < 3; i++) {
        const spray = attempt(false, { email: `${i}@example.com`, addressLimit: 3 });
        expect((await store.attemptLogin(spray)).outcome).toBe('failed');
      }
      await store.saveCode(pendingCode());
      const { calls, attempt: refused } = counted(attempt(true, { addressLimit: 3, now: NOW + 5 }));
      expect(await store.attemptLogin(refused)).toEqual({
        outcome: 'refused',
        limit: 'address',
        retryAt: NOW + HOUR_MS,
      });
      expect(calls.all).toBe(0);
    });

    it('logs a blocked user in as it is, saving no access token for it', async () => {
      const { store } = await open();
      await store.blockUser('a@example.com', 'email|00000000000000000000000b', NOW - 1);
      await store.saveCode(pendingCode());
      const token = { tokenHash: 'token-1', clientId: 'app', scope: 'openid', expiresAt: NOW + 1 };
      const login = await store.attemptLogin(attempt(true, { accessToken: token }));
      expect(login).toMatchObject({ outcome: 'login', user: { blocked: true } });
      expect(await store.findAccessToken('token-1')).toBeUndefined();
    });

    it('compares no more of racing wrong guesses on one code than its tries', async () => {
      const handles = await open();
      await handles.store.saveCode(pendingCode({ maxAttempts: 3 }));
      const { calls, attempt: wrong } = counted(attempt(false));
      const outcomes = await race(20, handles, (store) => store.attemptLogin(wrong));
      expect(calls.withCode).toBe(3);
      expect(outcomes.filter((o) => isFailed(o, 'too_many_attempts'))).toHaveLength(1);
      expect(outcomes.filter((o) => isFailed(o, 'wrong_code'))).toHaveLength(19);
      expect(await handles.peer.findCode('app', 'a@example.com')).toBeUndefined();
    });

    it("compares no more of racing wrong guesses than the email's budget holds", async () => {
      const handles = await open();
      await handles.store.saveCode(pendingCode({ maxAttempts: 100 }));
      const { calls, attempt: wrong } = counted(attempt(false));
      const outcomes = await race(12, handles, (store) => store.attemptLogin(wrong));
      expect(calls.withCode).toBe(4);
      expect(outcomes.filter((o) => o.outcome === 'refused')).toHaveLength(8);
    });

    it('lets no more racing failures of one address across emails through than its limit', async () => {
      const handles = await open();
      let n = 0;
      const outcomes = await race(10, handles, (store) =>
        store.attemptLogin(attempt(false, { email: `${n++}@example.com`, addressLimit: 3 })),
      );
      expect(outcomes.filter((o) => o.outcome === 'failed')).toHaveLength(3);
      expect(outcomes.filter((o) => o.outcome === 'refused')).toHaveLength(7);
    });

    it('lets exactly one of racing right guesses log in', async () => {
      const handles = await open();
      await handles.store.saveCode(pendingCode());
      const outcomes = await race(6, handles, (store) => store.attemptLogin(attempt(true)));
      expect(outcomes.filter((o) => o.outcome === 'login')).toHaveLength(1);
      expect(outcomes.filter((o) => isFailed(o, 'wrong_code'))).toHaveLength(5);
    });

    it('gives an email one sub when first logins with two codes race', async () => {
      const handles = await open();
      await handles.store.saveCode(pendingCode());
      await handles.store.saveCode(pendingCode({ id: 'code-2', clientId: 'other' }));
      const outcomes = await Promise.all([
        handles.store.attemptLogin(attempt(true)),
        handles.peer.attemptLogin(
          attempt(true, { clientId: 'other', newSub: 'email|000000000000000000000002' }),
        ),
      ]);
      const subs = outcomes.map((o) => (o.outcome === 'login' ? o.user.sub : o.outcome));
      expect(subs[0]).toMatch(/^email\|/);
      expect(subs[1]).toBe(subs[0]);
    });
  });
}

function isFailed(outcome: LoginOutcome, reason: string): boolean {
  return outcome.outcome === 'failed' && outcome.reason === reason;
}
