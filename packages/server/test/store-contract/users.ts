import { describe, expect, it } from 'vitest';
import type { UserStore } from '../../src/store/users.js';
import { NOW, race, useStores, type StoreTarget } from './target.js';

const SUB_A = `email|${'a'.repeat(24)}`;
const SUB_B = `email|${'b'.repeat(24)}`;

/** What every {@link UserStore} must do. */
export function describeUserStoreContract(target: StoreTarget<UserStore>): void {
  describe('UserStore', () => {
    const open = useStores(target);

    it('creates the user on first login with the new sub', async () => {
      const { store } = await open();
      const user = { sub: SUB_A, email: 'a@example.com', createdAt: NOW, updatedAt: NOW };
      expect(await store.upsertUserOnLogin('a@example.com', SUB_A, NOW)).toEqual(user);
      expect(await store.findUser(SUB_A)).toEqual(user);
    });

    it('finds the same user on later logins, only moving updatedAt', async () => {
      const { store } = await open();
      await store.upsertUserOnLogin('a@example.com', SUB_A, NOW);
      const later = await store.upsertUserOnLogin('a@example.com', SUB_B, NOW + 1_000);
      expect(later).toEqual({
        sub: SUB_A,
        email: 'a@example.com',
        createdAt: NOW,
        updatedAt: NOW + 1_000,
      });
      expect(await store.findUser(SUB_A)).toEqual(later);
      expect(await store.findUser(SUB_B)).toBeUndefined();
    });

    it('keeps one sub per email when first logins race', async () => {
      const handles = await open();
      const subs = [SUB_A, SUB_B];
      const users = await race(2, handles, (store) =>
        store.upsertUserOnLogin('a@example.com', subs.pop()!, NOW),
      );
      expect(users[0]!.sub).toBe(users[1]!.sub);
      const kept = users[0]!.sub;
      const lost = kept === SUB_A ? SUB_B : SUB_A;
      expect(await handles.store.findUser(lost)).toBeUndefined();
    });

    it('gives each email its own user', async () => {
      const { store } = await open();
      await store.upsertUserOnLogin('a@example.com', SUB_A, NOW);
      await store.upsertUserOnLogin('b@example.com', SUB_B, NOW);
      expect((await store.findUser(SUB_A))?.email).toBe('a@example.com');
      expect((await store.findUser(SUB_B))?.email).toBe('b@example.com');
    });
  });
}
