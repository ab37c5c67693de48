import { describe, expect, it } from 'vitest';
import type { CodeStore, PendingCode } from '../../src/store/codes.js';
import { NOW, race, useStores, type StoreTarget } from './target.js';

function pendingCode(overrides: Partial<PendingCode> = {}): PendingCode {
  return {
    id: 'code-1',
    clientId: 'app',
    email: 'a@example.com',
    codeHash: Buffer.alloc(32, 1),
    salt: Buffer.alloc(16, 2),
    createdAt: NOW,
    expiresAt: NOW + 180_000,
    attempts: 0,
    maxAttempts: 3,
    ...overrides,
  };
}

/** What every {@link CodeStore} must do. */
export function describeCodeStoreContract(target: StoreTarget<CodeStore>): void {
  describe('CodeStore', () => {
    const open = useStores(target);

    it('finds a saved code with every field as saved, optional ones absent when not given', async () => {
      const { store } = await open();
      const plain = pendingCode();
      const link = pendingCode({
        id: 'code-2',
        email: 'b@example.com',
        linkParams: '{"redirect_uri":"https://app.example/cb"}',
        nonce: 'n-1',
      });
      await store.saveCode(plain);
      await store.saveCode(link);
      expect(await store.findCode('app', 'a@example.com')).toEqual(plain);
      expect(await store.findCode('app', 'b@example.com')).toEqual(link);
      expect(await store.findCode('app', 'c@example.com')).toBeUndefined();
    });

    it('keeps only the newest code per client and email, replacing every field', async () => {
      const { store } = await open();
      await store.saveCode(pendingCode({ attempts: 2, linkParams: '{}', nonce: 'old' }));
      const newer = pendingCode({ id: 'code-2', createdAt: NOW + 1, expiresAt: NOW + 180_001 });
      await store.saveCode(newer);
      expect(await store.findCode('app', 'a@example.com')).toEqual(newer);
      expect(await store.consumeCode('code-1')).toBe(false);
      expect(await store.addFailedAttempt('code-1')).toBe(Number.POSITIVE_INFINITY);
    });

    it('keeps the codes of other clients and other emails apart', async () => {
      const { store } = await open();
      const codes = [
        pendingCode(),
        pendingCode({ id: 'code-2', clientId: 'other' }),
        pendingCode({ id: 'code-3', email: 'b@example.com' }),
      ];
      for (const code of codes) await store.saveCode(code);
      for (const code of codes)
        expect(await store.findCode(code.clientId, code.email)).toEqual(code);
    });

    it('counts wrong tries and returns the total, also when they race', async () => {
      const handles = await open();
      await handles.store.saveCode(pendingCode());
      expect(await handles.store.addFailedAttempt('code-1')).toBe(1);
      const totals = await race(4, handles, (store) => store.addFailedAttempt('code-1'));
      expect(totals.sort((a, b) => a - b)).toEqual([2, 3, 4, 5]);
      expect((await handles.peer.findCode('app', 'a@example.com'))?.attempts).toBe(5);
    });

    it('counts a code that is gone as out of tries', async () => {
      const { store } = await open();
      expect(await store.addFailedAttempt('never-saved')).toBe(Number.POSITIVE_INFINITY);
      await store.saveCode(pendingCode());
      await store.consumeCode('code-1');
      expect(await store.addFailedAttempt('code-1')).toBe(Number.POSITIVE_INFINITY);
    });

    it('lets exactly one of two racing consumers use a code', async () => {
      const handles = await open();
      await handles.store.saveCode(pendingCode());
      const results = await race(2, handles, (store) => store.consumeCode('code-1'));
      expect(results.sort()).toEqual([false, true]);
      expect(await handles.store.findCode('app', 'a@example.com')).toBeUndefined();
      expect(await handles.store.consumeCode('code-1')).toBe(false);
    });
  });
}
