import { describe, expect, it } from 'vitest';
import type { ServerSecretCheck } from '../../src/store/server-secret.js';
import { race, useStores, type StoreTarget } from './target.js';

/** What every {@link ServerSecretCheck} must do. */
export function describeServerSecretCheckContract(target: StoreTarget<ServerSecretCheck>): void {
  describe('ServerSecretCheck', () => {
    const open = useStores(target);

    it('records the first fingerprint and keeps it: a different one gets the recorded one back', async () => {
      const { store, peer } = await open();
      expect(await store.recordSecretFingerprint('first')).toBe('first');
      expect(await store.recordSecretFingerprint('first')).toBe('first');
      expect(await peer.recordSecretFingerprint('second')).toBe('first');
      expect(await store.recordSecretFingerprint('second')).toBe('first');
    });

    it('keeps one fingerprint of many racing on an empty database, and tells every caller which', async () => {
      const handles = await open();
      let n = 0;
      const answers = await race(8, handles, (store) =>
        store.recordSecretFingerprint(`node-${n++}`),
      );
      expect(new Set(answers).size).toBe(1);
      expect(answers[0]).toMatch(/^node-[0-7]$/);
      // Exactly one caller got its own fingerprint back: the one that starts.
      expect(answers.filter((answer, i) => answer === `node-${i}`)).toHaveLength(1);
    });

    it('replaces the recorded fingerprint, and records one where there is none', async () => {
      const { store, peer } = await open();
      await store.replaceSecretFingerprint('made-new');
      expect(await peer.recordSecretFingerprint('other')).toBe('made-new');
      await peer.replaceSecretFingerprint('made-again');
      expect(await store.recordSecretFingerprint('other')).toBe('made-again');
    });
  });
}
