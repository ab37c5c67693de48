import { describe, expect, it } from 'vitest';
import type { HealthStore } from '../../src/store/health.js';
import { useStores, type StoreTarget } from './target.js';

/** What every {@link HealthStore} must do; how each one sees a schema behind is in its own tests. */
export function describeHealthStoreContract(target: StoreTarget<HealthStore>): void {
  describe('HealthStore', () => {
    const open = useStores(target);

    it('says a freshly opened store has every migration, on every handle', async () => {
      const { store, peer } = await open();
      expect(await store.isMigrated()).toBe(true);
      expect(await peer.isMigrated()).toBe(true);
    });
  });
}
