import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import type { SigningKeyStore } from '../../src/store/keys.js';
import { race, useStores, type StoreTarget } from './target.js';

/** The store keeps keys as given: stand-ins are enough, and far faster than RSA pairs. */
const key = (kid: string): JWK => ({ kty: 'RSA', kid, n: `n-${kid}`, e: 'AQAB', d: `d-${kid}` });

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

    it('creates the first key once, then loads it', async () => {
      const { store, peer } = await open();
      const first = creator('k1');
      expect(await store.loadOrCreateKeys(first)).toEqual([key('k1')]);
      const again = creator('k2');
      expect(await peer.loadOrCreateKeys(again)).toEqual([key('k1')]);
      expect([first.calls, again.calls]).toEqual([1, 0]);
    });

    it('keeps one first key when starts race, and gives it to every caller', async () => {
      const handles = await open();
      let n = 0;
      const loaded = await race(4, handles, (store) => store.loadOrCreateKeys(creator(`k${++n}`)));
      expect(loaded[0]).toHaveLength(1);
      for (const keys of loaded) expect(keys).toEqual(loaded[0]);
    });

    it('adds keys as the newest, keeping the older ones', async () => {
      const { store, peer } = await open();
      await store.loadOrCreateKeys(creator('k1'));
      expect(await store.addKey(key('k2'))).toBe(2);
      expect(await peer.addKey(key('k3'))).toBe(3);
      const unused = creator('k4');
      expect(await store.loadOrCreateKeys(unused)).toEqual([key('k1'), key('k2'), key('k3')]);
      expect(unused.calls).toBe(0);
    });

    it('starts an empty set with an added key', async () => {
      const { store } = await open();
      expect(await store.addKey(key('k1'))).toBe(1);
      expect(await store.loadOrCreateKeys(creator('k2'))).toEqual([key('k1')]);
    });
  });
}
