import { describe, expect, it } from 'vitest';
import type { CodeStore, PendingCode } from '../../src/store/codes.js';
import { NOW, useStores, type StoreTarget } from './target.js';

export function pendingCode(overrides: Partial<PendingCode> = {}): PendingCode {
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
  });
}
