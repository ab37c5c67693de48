import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import type { SavedSigningKey, SigningKeyStore } from '../../src/store/keys.js';
import { NOW, race, useStores, type StoreTarget } from './target.js';

/** The store keeps keys as given: stand-ins are enough, and far faster than RSA pairs. */
const key = (kid: string): JWK => ({ kty: 'RSA', kid, n: `n-${kid}`, e: 'AQAB', d: `d-${kid}` });
const saved = (kid: string, createdAt = NOW): SavedSigningKey => ({ jwk: key(kid), createdAt });
const kids = (keys: readonly SavedSigningKey[]) => keys.map((k) => k.jwk.kid);
const DAY = 86_400_000;

/** Counts the keys it was asked to create. */
function creator(kid: string) {
  const create = async () => {
    create.calls++;
    return key(kid);
  };
  create.calls = 0;
  return create;
}

/** What every {@link SigningKeyStore} must do. */
export function describeSigningKeyStoreContract(target: StoreTarget<SigningKeyStore>): void {
  describe('SigningKeyStore', () => {
    const open = useStores(target);

    it('creates the first key once, with the time it was added, then loads it', async () => {
      const { store, peer } = await open();
      const first = creator('k1');
      expect(await store.loadOrCreateKeys(first, NOW)).toEqual([saved('k1')]);
      const again = creator('k2');
      expect(await peer.loadOrCreateKeys(again, NOW + 1)).toEqual([saved('k1')]);
      expect([first.calls, again.calls]).toEqual([1, 0]);
    });

    it('keeps one first key when starts race, and gives it to every caller', async () => {
      const handles = await open();
      let n = 0;
      const loaded = await race(4, handles, (store) =>
        store.loadOrCreateKeys(creator(`k${++n}`), NOW),
      );
      expect(loaded[0]).toHaveLength(1);
      for (const keys of loaded) expect(keys).toEqual(loaded[0]);
    });

    it('adds keys as the newest, keeping the older ones and when each was added', async () => {
      const { store, peer } = await open();
      await store.loadOrCreateKeys(creator('k1'), NOW);
      expect(await store.addKey(key('k2'), NOW + 1)).toBe(2);
      expect(await peer.addKey(key('k3'), NOW + 2)).toBe(3);
      const unused = creator('k4');
      expect(await store.loadOrCreateKeys(unused, NOW + 3)).toEqual([
        saved('k1', NOW),
        saved('k2', NOW + 1),
        saved('k3', NOW + 2),
      ]);
      expect(unused.calls).toBe(0);
    });

    it('starts an empty set with an added key', async () => {
      const { store } = await open();
      expect(await store.addKey(key('k1'), NOW)).toBe(1);
      expect(await store.loadOrCreateKeys(creator('k2'), NOW)).toEqual([saved('k1')]);
    });

    it('loads without ever creating a key: an empty set stays empty', async () => {
      const { store, peer } = await open();
      expect(await store.loadKeys()).toEqual([]);
      expect(await store.loadKeys()).toEqual([]);
      await peer.loadOrCreateKeys(creator('k1'), NOW);
      expect(await store.loadKeys()).toEqual([saved('k1')]);
    });

    it('adds a key only while the newest is older than asked, and never on an empty set', async () => {
      const { store } = await open();
      expect(await store.addKeyIfNewestBefore(key('k0'), NOW, NOW)).toBe(false);
      expect(await store.loadKeys()).toEqual([]);
      await store.loadOrCreateKeys(creator('k1'), NOW);
      expect(await store.addKeyIfNewestBefore(key('k2'), NOW + DAY, NOW)).toBe(false);
      expect(await store.addKeyIfNewestBefore(key('k2'), NOW + DAY, NOW + 1)).toBe(true);
      expect(kids(await store.loadKeys())).toEqual(['k1', 'k2']);
    });

    it('adds one key when nodes rotate at once', async () => {
      const handles = await open();
      await handles.store.loadOrCreateKeys(creator('k1'), NOW);
      let n = 0;
      const added = await race(6, handles, (store) =>
        store.addKeyIfNewestBefore(key(`r${++n}`), NOW + DAY, NOW + 1),
      );
      expect(added.filter(Boolean)).toHaveLength(1);
      expect(await handles.peer.loadKeys()).toHaveLength(2);
    });

    it('drops the keys whose successor was added before the time asked, never the newest', async () => {
      const { store, peer } = await open();
      await store.loadOrCreateKeys(creator('k1'), NOW);
      await store.addKey(key('k2'), NOW + DAY);
      await store.addKey(key('k3'), NOW + 2 * DAY);
      expect(await store.dropKeysRetiredBefore(NOW + DAY)).toEqual([]);
      expect(await peer.dropKeysRetiredBefore(NOW + DAY + 1)).toEqual(['k1']);
      expect(await store.dropKeysRetiredBefore(NOW + 10 * DAY)).toEqual(['k2']);
      expect(await store.loadKeys()).toEqual([saved('k3', NOW + 2 * DAY)]);
    });
  });
}
