import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store.js';
import type { UserStore } from '../../src/store/users.js';
import { NOW, race, useStores, type StoreTarget } from './target.js';

const SUB_A = `email|${'a'.repeat(24)}`;
const SUB_B = `email|${'b'.repeat(24)}`;
const SUB_C = `email|${'c'.repeat(24)}`;

/** What every {@link UserStore} must do. */
export function describeUserStoreContract(target: StoreTarget<UserStore>): void {
  describe('UserStore', () => {
    const open = useStores(target);

    it('creates the user on first login with the new sub', async () => {
      const { store } = await open();
      const user = {
        sub: SUB_A,
        email: 'a@example.com',
        createdAt: NOW,
        updatedAt: NOW,
        blocked: false,
      };
      expect(await store.upsertUserOnLogin('a@example.com', SUB_A, NOW)).toEqual(user);
      expect(await store.findUser(SUB_A)).toEqual(user);
      expect(await store.findUserByEmail('a@example.com')).toEqual(user);
      expect(await store.findUserByEmail('b@example.com')).toBeUndefined();
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
        blocked: false,
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

    it('lists users in email order, a page at a time', async () => {
      const { store } = await open();
      const emails = ['c@example.com', 'a@example.com', 'e@example.com', 'b@example.com'];
      for (const [i, email] of emails.entries()) {
        await store.upsertUserOnLogin(email, `email|${String(i).repeat(24)}`, NOW + i);
      }
      const first = await store.listUsers('', 3);
      expect(first.map((user) => user.email)).toEqual([
        'a@example.com',
        'b@example.com',
        'c@example.com',
      ]);
      expect(first[0]).toEqual({
        sub: `email|${'1'.repeat(24)}`,
        email: 'a@example.com',
        createdAt: NOW + 1,
        updatedAt: NOW + 1,
        blocked: false,
      });
      const second = await store.listUsers('c@example.com', 3);
      expect(second.map((user) => user.email)).toEqual(['e@example.com']);
      expect(await store.listUsers('e@example.com', 3)).toEqual([]);
    });

    it('blocks an existing user, keeping its sub and times', async () => {
      const { store, peer } = await open();
      await store.upsertUserOnLogin('a@example.com', SUB_A, NOW);
      const blocked = await store.blockUser('a@example.com', SUB_B, NOW + 5_000);
      const expected = {
        sub: SUB_A,
        email: 'a@example.com',
        createdAt: NOW,
        updatedAt: NOW,
        blocked: true,
      };
      expect(blocked).toEqual(expected);
      expect(await peer.findUser(SUB_A)).toEqual(expected);
      expect(await store.findUser(SUB_B)).toBeUndefined();
    });

    it('blocks an email with no user by creating it blocked, so it cannot sign up', async () => {
      const { store } = await open();
      const blocked = await store.blockUser('new@example.com', SUB_C, NOW);
      expect(blocked).toEqual({
        sub: SUB_C,
        email: 'new@example.com',
        createdAt: NOW,
        updatedAt: NOW,
        blocked: true,
      });
      // The login that would have created the user finds it blocked, unmoved.
      expect(await store.upsertUserOnLogin('new@example.com', SUB_A, NOW + 1_000)).toEqual(blocked);
    });

    it('unblocks a user, after which logins move updatedAt again', async () => {
      const { store } = await open();
      await store.blockUser('a@example.com', SUB_A, NOW);
      expect(await store.unblockUser('a@example.com')).toMatchObject({
        sub: SUB_A,
        blocked: false,
      });
      expect(await store.upsertUserOnLogin('a@example.com', SUB_B, NOW + 1_000)).toMatchObject({
        sub: SUB_A,
        updatedAt: NOW + 1_000,
        blocked: false,
      });
      expect(await store.unblockUser('nobody@example.com')).toBeUndefined();
    });

    it('leaves a user blocked whichever of a block and a login wins their race', async () => {
      const handles = await open();
      await handles.store.upsertUserOnLogin('a@example.com', SUB_A, NOW);
      let calls = 0;
      await race(2, handles, (store) =>
        calls++ === 0
          ? store.blockUser('a@example.com', SUB_B, NOW + 1)
          : store.upsertUserOnLogin('a@example.com', SUB_C, NOW + 1),
      );
      expect(await handles.peer.findUserByEmail('a@example.com')).toMatchObject({
        sub: SUB_A,
        blocked: true,
      });
    });

    it('deletes a user; a missing one is undefined', async () => {
      const { store } = await open();
      await store.upsertUserOnLogin('a@example.com', SUB_A, NOW);
      await store.upsertUserOnLogin('b@example.com', SUB_B, NOW);
      expect(await store.deleteUser('a@example.com')).toEqual({
        user: {
          sub: SUB_A,
          email: 'a@example.com',
          createdAt: NOW,
          updatedAt: NOW,
          blocked: false,
        },
        records: 0,
      });
      expect(await store.findUser(SUB_A)).toBeUndefined();
      expect(await store.findUser(SUB_B)).toBeDefined();
      expect(await store.deleteUser('a@example.com')).toBeUndefined();
      // A later first login is a new user with a new sub.
      expect((await store.upsertUserOnLogin('a@example.com', SUB_C, NOW)).sub).toBe(SUB_C);
    });
  });
}

/**
 * Seeds every kind of record about `email` / `sub` that block, delete and export cover: a code
 * per client (one sent as a link), a login ticket, an authorization code, an access token, a
 * refresh token and a queued mail. Returns how many rows that is.
 */
async function seedRecords(store: Store, email: string, sub: string, n: number): Promise<number> {
  const hash = (kind: number) => `${kind}${n}`.padStart(64, '0');
  for (const clientId of ['app', 'other']) {
    await store.saveCode({
      id: `code-${clientId}-${n}`,
      clientId,
      email,
      codeHash: Buffer.alloc(32, 1),
      salt: Buffer.alloc(16, 2),
      createdAt: NOW,
      expiresAt: NOW + 180_000,
      attempts: 1,
      maxAttempts: 3,
      ...(clientId === 'other' ? { linkParams: '["code"]', nonce: 'n' } : {}),
    });
  }
  await store.saveLoginTicket({
    ticketHash: hash(1),
    clientId: 'app',
    sub,
    origin: 'https://app.example',
    expiresAt: NOW + 60_000,
  });
  await store.saveAuthorizationCode({
    codeHash: hash(2),
    clientId: 'app',
    sub,
    redirectUri: 'https://app.example/callback',
    scope: 'openid email',
    audience: 'https://api.example/',
    nonce: 'n',
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    expiresAt: NOW + 70_000,
  });
  await store.saveAccessToken({
    tokenHash: hash(3),
    sub,
    clientId: 'app',
    scope: 'openid',
    expiresAt: NOW + 80_000,
  });
  await store.saveRefreshToken({
    tokenHash: hash(4),
    familyId: `family-${n}`,
    sub,
    clientId: 'app',
    scope: 'openid offline_access',
    authTime: NOW,
    familyExpiresAt: NOW + 2_000_000,
    issuedAt: NOW,
    expiresAt: NOW + 90_000,
  });
  await store.enqueueMail({
    to: email,
    fromName: 'App',
    fromAddress: 'no-reply@example.com',
    subject: 'sealed subject',
    text: 'sealed text',
    html: 'sealed html',
    expiresAt: NOW + 180_000,
    nextAttemptAt: NOW + 30_000,
  });
  return 7;
}

/** The records of {@link seedRecords}, as export reads them: no code, hash, salt or body. */
const EXPORTED = {
  pendingCodes: [
    {
      clientId: 'app',
      send: 'code',
      createdAt: NOW,
      expiresAt: NOW + 180_000,
      attempts: 1,
      maxAttempts: 3,
    },
    {
      clientId: 'other',
      send: 'link',
      createdAt: NOW,
      expiresAt: NOW + 180_000,
      attempts: 1,
      maxAttempts: 3,
    },
  ],
  loginTickets: [{ clientId: 'app', origin: 'https://app.example', expiresAt: NOW + 60_000 }],
  authorizationCodes: [
    {
      clientId: 'app',
      redirectUri: 'https://app.example/callback',
      scope: 'openid email',
      audience: 'https://api.example/',
      expiresAt: NOW + 70_000,
    },
  ],
  accessTokens: [{ clientId: 'app', scope: 'openid', expiresAt: NOW + 80_000 }],
  refreshTokens: [
    {
      clientId: 'app',
      scope: 'openid offline_access',
      authAt: NOW,
      issuedAt: NOW,
      expiresAt: NOW + 90_000,
      familyExpiresAt: NOW + 2_000_000,
    },
  ],
  queuedMail: [{ attempts: 0, nextAttemptAt: NOW + 30_000, expiresAt: NOW + 180_000 }],
};

const NO_RECORDS = {
  pendingCodes: [],
  loginTickets: [],
  authorizationCodes: [],
  accessTokens: [],
  refreshTokens: [],
  queuedMail: [],
};

/**
 * What {@link UserStore} must do with the records other contracts keep about a user: they live
 * in the same database, so block and delete remove them in the user's transaction.
 */
export function describeUserRecordsContract(target: StoreTarget<Store>): void {
  describe('UserStore and the records about a user', () => {
    const open = useStores(target);

    async function twoUsers(store: Store) {
      const a = await store.upsertUserOnLogin('a@example.com', SUB_A, NOW);
      const b = await store.upsertUserOnLogin('b@example.com', SUB_B, NOW);
      const seeded = await seedRecords(store, a.email, a.sub, 1);
      await seedRecords(store, b.email, b.sub, 2);
      return { a, b, seeded };
    }

    it('exports every record about the user, with no secret or hash, and none of another user', async () => {
      const { store } = await open();
      const { a } = await twoUsers(store);
      const records = await store.userRecords(a);
      expect(records).toEqual(EXPORTED);
      expect(JSON.stringify(records)).not.toMatch(/sealed|E9Melhoa|0{40}|"n"/);
    });

    it('revokes every record of a user it blocks, leaving other users their own', async () => {
      const { store, peer } = await open();
      const { a, b } = await twoUsers(store);
      await store.blockUser(a.email, SUB_C, NOW);
      expect(await peer.userRecords(a)).toEqual(NO_RECORDS);
      expect(await peer.findCode('app', a.email)).toBeUndefined();
      expect(await peer.findAccessToken(`3${1}`.padStart(64, '0'))).toBeUndefined();
      expect(await peer.findRefreshToken(`4${1}`.padStart(64, '0'))).toBeUndefined();
      expect(await peer.userRecords(b)).toEqual(EXPORTED);
    });

    it('deletes a user with every record about it in one go, counting them', async () => {
      const { store, peer } = await open();
      const { a, b, seeded } = await twoUsers(store);
      expect(await store.deleteUser(a.email)).toEqual({ user: a, records: seeded });
      expect(await peer.findUserByEmail(a.email)).toBeUndefined();
      expect(await peer.userRecords(a)).toEqual(NO_RECORDS);
      expect(await peer.consumeLoginTicket(`1${1}`.padStart(64, '0'))).toBeUndefined();
      expect(await peer.userRecords(b)).toEqual(EXPORTED);
    });
  });
}
