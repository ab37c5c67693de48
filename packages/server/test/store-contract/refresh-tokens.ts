import { describe, expect, it } from 'vitest';
import type {
  RefreshTokenRecord,
  RefreshTokenRotation,
  RefreshTokenStore,
} from '../../src/store/refresh-tokens.js';
import { NOW, race, useStores, type StoreTarget } from './target.js';

const hash = (n: number) => n.toString(16).padStart(64, '0');
const IDLE_MS = 60_000;

/** The first token of a family, issued at NOW; its family ends ten idle lifetimes later. */
const FIRST: RefreshTokenRecord = {
  tokenHash: hash(1),
  familyId: 'family-1',
  sub: `email|${'1'.repeat(24)}`,
  clientId: 'app',
  scope: 'openid offline_access read:messages',
  audience: 'https://messages.example.com/',
  authTime: NOW - 5_000,
  familyExpiresAt: NOW + 10 * IDLE_MS,
  issuedAt: NOW,
  expiresAt: NOW + IDLE_MS,
};

/** Presents `tokenHash` at `now`, asking for successor `successor`. */
function use(tokenHash: string, successor: number, now: number, reuseIntervalMs = 0) {
  const rotation: RefreshTokenRotation = {
    tokenHash,
    clientId: 'app',
    now,
    reuseIntervalMs,
    successorHash: hash(successor),
    idleLifetimeMs: IDLE_MS,
  };
  return rotation;
}

/** What every {@link RefreshTokenStore} must do. */
export function describeRefreshTokenStoreContract(target: StoreTarget<RefreshTokenStore>): void {
  describe('RefreshTokenStore', () => {
    const open = useStores(target);

    it('finds a token with every field as saved', async () => {
      const { store, peer } = await open();
      await store.saveRefreshToken(FIRST);
      expect(await peer.findRefreshToken(FIRST.tokenHash)).toEqual(FIRST);
      expect(await peer.findRefreshToken(hash(999))).toBeUndefined();
    });

    it('rotates a live token: it is spent, and its successor joins the family', async () => {
      const { store, peer } = await open();
      await store.saveRefreshToken(FIRST);
      const at = NOW + 1_000;
      const result = await store.rotateRefreshToken(use(FIRST.tokenHash, 2, at));
      const successor = { ...FIRST, tokenHash: hash(2), issuedAt: at, expiresAt: at + IDLE_MS };
      expect(result).toEqual({
        outcome: 'rotated',
        token: { ...FIRST, usedAt: at, expiresAt: FIRST.familyExpiresAt },
        successor,
      });
      expect(await peer.findRefreshToken(hash(2))).toEqual(successor);
      // The spent token is kept until the family ends, to recognize a reuse.
      expect(await peer.findRefreshToken(FIRST.tokenHash)).toMatchObject({
        usedAt: at,
        expiresAt: FIRST.familyExpiresAt,
      });
    });

    it('gives no successor a life beyond its family', async () => {
      const { store } = await open();
      await store.saveRefreshToken({ ...FIRST, familyExpiresAt: NOW + IDLE_MS / 2 });
      const result = await store.rotateRefreshToken(use(FIRST.tokenHash, 2, NOW + 1));
      expect(result.outcome === 'rotated' && result.successor.expiresAt).toBe(NOW + IDLE_MS / 2);
    });

    it('revokes the whole family, newest token too, when a spent token comes back', async () => {
      const { store, peer } = await open();
      await store.saveRefreshToken(FIRST);
      await store.saveRefreshToken({ ...FIRST, tokenHash: hash(9), familyId: 'family-9' });
      await store.rotateRefreshToken(use(hash(1), 2, NOW + 1));
      await store.rotateRefreshToken(use(hash(2), 3, NOW + 2));
      const reuse = await peer.rotateRefreshToken(use(hash(1), 4, NOW + 3));
      expect(reuse).toMatchObject({ outcome: 'reused', token: { familyId: 'family-1' } });
      for (const n of [1, 2, 3, 4]) expect(await store.findRefreshToken(hash(n))).toBeUndefined();
      expect(await store.rotateRefreshToken(use(hash(3), 5, NOW + 4))).toEqual({
        outcome: 'unknown',
      });
      // Another family is untouched.
      expect(await store.findRefreshToken(hash(9))).toBeDefined();
    });

    it('rotates a spent token again within the reuse interval, and revokes after it', async () => {
      const { store } = await open();
      await store.saveRefreshToken(FIRST);
      await store.rotateRefreshToken(use(hash(1), 2, NOW, 10_000));
      const retry = await store.rotateRefreshToken(use(hash(1), 3, NOW + 9_999, 10_000));
      expect(retry).toMatchObject({ outcome: 'rotated', successor: { familyId: 'family-1' } });
      expect(await store.findRefreshToken(hash(2))).toBeDefined();
      expect(await store.findRefreshToken(hash(3))).toBeDefined();
      const late = await store.rotateRefreshToken(use(hash(1), 4, NOW + 10_000, 10_000));
      expect(late.outcome).toBe('reused');
      expect(await store.findRefreshToken(hash(3))).toBeUndefined();
    });

    it('changes nothing for an unknown, expired or other client’s token', async () => {
      const { store } = await open();
      await store.saveRefreshToken(FIRST);
      expect((await store.rotateRefreshToken(use(hash(7), 2, NOW))).outcome).toBe('unknown');
      const otherClient = { ...use(FIRST.tokenHash, 2, NOW), clientId: 'other' };
      expect((await store.rotateRefreshToken(otherClient)).outcome).toBe('unknown');
      const expired = await store.rotateRefreshToken(use(FIRST.tokenHash, 2, FIRST.expiresAt));
      expect(expired.outcome).toBe('unknown');
      expect(await store.findRefreshToken(FIRST.tokenHash)).toEqual(FIRST);
      expect(await store.findRefreshToken(hash(2))).toBeUndefined();
    });

    it('revokes a family by any of its tokens, only for its own client', async () => {
      const { store, peer } = await open();
      await store.saveRefreshToken(FIRST);
      await store.rotateRefreshToken(use(hash(1), 2, NOW + 1));
      expect(await peer.revokeRefreshTokenFamily(hash(1), 'other')).toBe(false);
      expect(await store.findRefreshToken(hash(2))).toBeDefined();
      expect(await peer.revokeRefreshTokenFamily(hash(1), 'app')).toBe(true);
      expect(await store.findRefreshToken(hash(2))).toBeUndefined();
      expect(await peer.revokeRefreshTokenFamily(hash(1), 'app')).toBe(false);
    });

    it('lets one of two racing uses rotate; the other, a reuse, revokes the family', async () => {
      const handles = await open();
      await handles.store.saveRefreshToken(FIRST);
      let successor = 10;
      const results = await race(2, handles, (store) =>
        store.rotateRefreshToken(use(FIRST.tokenHash, successor++, NOW + 1)),
      );
      expect(results.map((result) => result.outcome).sort()).toEqual(['reused', 'rotated']);
      // The winner's successor was committed first and so died with its family.
      for (const n of [10, 11]) {
        expect(await handles.store.findRefreshToken(hash(n))).toBeUndefined();
      }
    });

    it('lets both of two racing uses rotate within the reuse interval', async () => {
      const handles = await open();
      await handles.store.saveRefreshToken(FIRST);
      let successor = 10;
      const results = await race(2, handles, (store) =>
        store.rotateRefreshToken(use(FIRST.tokenHash, successor++, NOW + 1, 5_000)),
      );
      expect(results.map((result) => result.outcome)).toEqual(['rotated', 'rotated']);
      for (const n of [10, 11]) {
        expect(await handles.store.findRefreshToken(hash(n))).toBeDefined();
      }
    });
  });
}
