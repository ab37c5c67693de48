import { describe, expect, it } from 'vitest';
import type { PendingCode } from '../../src/store/codes.js';
import type { NewOutboxMail } from '../../src/store/outbox.js';
import type { CodeIssue } from '../../src/store/start.js';
import type { Store } from '../../src/store.js';
import { BUDGET } from './limits.js';
import { wrongGuesses } from './logins.js';
import { liveHits, NOW, race, useStores, type StoreTarget } from './target.js';

const HOUR = 3_600_000;
const LEASE = 60_000;

/** A start at `now` from address `ip` for `email`, mailing code `id`, under `startLimit`. */
function issue(
  id: string,
  {
    email = 'a@example.com',
    clientId = 'app',
    now = NOW,
    ip = '192.0.2.1',
    startLimit = 10,
    nextAttemptAt = now,
  }: Partial<
    PendingCode & { now: number; ip: string; startLimit: number; nextAttemptAt: number }
  > = {},
): CodeIssue {
  const code: PendingCode = {
    id,
    clientId,
    email,
    codeHash: Buffer.alloc(32, 1),
    salt: Buffer.alloc(16, 2),
    createdAt: now,
    expiresAt: now + 180_000,
    attempts: 0,
    maxAttempts: 3,
  };
  const mail: NewOutboxMail = {
    to: email,
    fromName: 'App',
    fromAddress: 'no-reply@example.com',
    subject: `sealed subject ${id}`,
    text: `sealed text ${id}`,
    html: `sealed html ${id}`,
    expiresAt: code.expiresAt,
    nextAttemptAt,
  };
  return {
    startHit: { key: `start:${ip}`, slot: 0, expiresAt: NOW + HOUR, now },
    startLimit,
    budget: BUDGET,
    code,
    mail,
  };
}

/** What every {@link StartStore} must do; it writes the tables of the other contracts. */
export function describeStartStoreContract(target: StoreTarget<Store>): void {
  describe('StartStore', () => {
    const open = useStores(target);

    /** The subjects of the mail a sender claims at `at` (the mail due then), oldest first. */
    const dueSubjects = async (store: Store, at: number) =>
      (await store.claimDueMail(at, at + LEASE, 100)).map((mail) => mail.subject);

    it('counts the start, saves the code and queues its mail, as one', async () => {
      const { store, peer } = await open();
      const first = issue('code-1');
      const outcome = await store.issueCode(first);
      expect(outcome).toEqual({ outcome: 'issued', mailId: expect.any(Number), maxAttempts: 3 });
      expect(await peer.findCode('app', 'a@example.com')).toEqual(first.code);
      expect(await liveHits(peer, 'start:192.0.2.1', NOW)).toEqual({
        count: 1,
        firstExpiry: NOW + HOUR,
      });
      const [mail] = await peer.claimDueMail(NOW, NOW + LEASE, 10);
      expect(mail).toEqual({
        ...first.mail,
        id: outcome.outcome === 'issued' ? outcome.mailId : -1,
        attempts: 0,
        nextAttemptAt: NOW + LEASE,
      });
    });

    it("refuses at the address's limit, storing nothing and taking no cooldown", async () => {
      const { store } = await open();
      await store.issueCode(issue('code-1', { email: 'b@example.com', startLimit: 1 }));
      expect(await store.issueCode(issue('code-2', { startLimit: 1 }))).toEqual({
        outcome: 'address_limited',
        retryAt: NOW + HOUR,
      });
      expect(await store.findCode('app', 'a@example.com')).toBeUndefined();
      expect(await dueSubjects(store, NOW)).toEqual(['sealed subject code-1']);
      // The email's cooldown was not taken: from another address it is mailed at once.
      expect(
        await store.issueCode(issue('code-3', { ip: '192.0.2.2', startLimit: 1 })),
      ).toMatchObject({ outcome: 'issued' });
    });

    it("refuses within the email's resend cooldown for any client, without counting the start", async () => {
      const { store } = await open();
      await store.issueCode(issue('code-1'));
      expect(
        await store.issueCode(issue('code-2', { clientId: 'other', now: NOW + 29_999 })),
      ).toEqual({
        outcome: 'email_limited',
        retryAt: NOW + 30_000,
      });
      expect((await liveHits(store, 'start:192.0.2.1', NOW)).count).toBe(1);
      expect(await store.findCode('other', 'a@example.com')).toBeUndefined();
      expect(await dueSubjects(store, NOW + 29_999)).toEqual(['sealed subject code-1']);
      expect(await store.issueCode(issue('code-3', { now: NOW + 30_000 }))).toMatchObject({
        outcome: 'issued',
      });
    });

    it("gives the code no more tries than the email's guess budget holds, and none while it is empty", async () => {
      const { store } = await open();
      await wrongGuesses(store, 'a@example.com', NOW, BUDGET, 1);
      // Two guesses left, and half of the next one refilled: two whole ones.
      expect(await store.issueCode(issue('code-1', { now: NOW + 30_000 }))).toMatchObject({
        outcome: 'issued',
        maxAttempts: 2,
      });
      expect((await store.findCode('app', 'a@example.com'))?.maxAttempts).toBe(2);
      const drained = 'b@example.com';
      await wrongGuesses(store, drained, NOW, BUDGET, 3);
      expect(await store.issueCode(issue('code-2', { email: drained }))).toEqual({
        outcome: 'email_limited',
        retryAt: NOW + 60_000,
      });
      expect(await store.issueCode(issue('code-3', { email: drained, now: NOW + 60_000 }))).toEqual(
        { outcome: 'issued', mailId: expect.any(Number), maxAttempts: 1 },
      );
    });

    it('counts and claims a blocked email as any other, but saves no code and queues no mail', async () => {
      const { store } = await open();
      await store.blockUser('a@example.com', 'email|0123456789abcdef01234567', NOW);
      expect(await store.issueCode(issue('code-1'))).toEqual({
        outcome: 'blocked',
        maxAttempts: 3,
      });
      expect(await store.findCode('app', 'a@example.com')).toBeUndefined();
      expect(await store.countMail()).toBe(0);
      expect((await liveHits(store, 'start:192.0.2.1', NOW)).count).toBe(1);
      expect(await store.issueCode(issue('code-2', { now: NOW + 1 }))).toMatchObject({
        outcome: 'email_limited',
      });
      await store.unblockUser('a@example.com');
      expect(await store.issueCode(issue('code-3', { now: NOW + 30_000 }))).toMatchObject({
        outcome: 'issued',
      });
    });

    it('issues one code to racing starts of one email, and no more than the limit of one address', async () => {
      const handles = await open();
      let n = 0;
      const oneEmail = await race(4, handles, (store) => store.issueCode(issue(`code-${n++}`)));
      expect(oneEmail.filter((one) => one.outcome === 'issued')).toHaveLength(1);
      expect(await handles.store.countMail()).toBe(1);
      const oneAddress = await race(8, handles, (store) => {
        const id = `code-${n++}`;
        return store.issueCode(issue(id, { email: `${id}@example.com`, startLimit: 4 }));
      });
      expect(oneAddress.filter((one) => one.outcome === 'issued')).toHaveLength(3);
      expect((await liveHits(handles.store, 'start:192.0.2.1', NOW)).count).toBe(4);
      expect(await handles.store.countMail()).toBe(4);
    });

    it("drops the replaced code's unsent mail, and no one else's", async () => {
      const { store } = await open();
      const resendless = { ...BUDGET, resendMs: 0 };
      const again = (id: string, options: Parameters<typeof issue>[1] = {}) =>
        store.issueCode({ ...issue(id, options), budget: resendless });
      await again('code-1');
      await again('other-client', { clientId: 'other' });
      await again('other-email', { email: 'b@example.com' });
      await store.enqueueMail({ ...issue('x').mail, subject: 'mail of no code' });
      expect(await store.countMail()).toBe(4);
      await again('code-2', { now: NOW + 1 });
      expect(await dueSubjects(store, NOW + 1)).toEqual([
        'sealed subject other-client',
        'sealed subject other-email',
        'mail of no code',
        'sealed subject code-2',
      ]);
    });

    it("lets the try of a replaced code's leased mail go on, but no later try send it", async () => {
      const { store, peer } = await open();
      const resendless = { ...BUDGET, resendMs: 0 };
      // Queued leased to the node that queued it, which tries it from memory.
      const held = await store.issueCode({
        ...issue('held', { nextAttemptAt: NOW + LEASE }),
        budget: resendless,
      });
      await store.issueCode({ ...issue('failed', { email: 'b@example.com' }), budget: resendless });
      const [failed] = await store.claimDueMail(NOW, NOW + LEASE, 10);
      await store.rescheduleMail(failed!.id, NOW + 5_000, 'connection refused');

      await peer.issueCode({ ...issue('held-2', { now: NOW + 1 }), budget: resendless });
      await peer.issueCode({
        ...issue('failed-2', { email: 'b@example.com', now: NOW + 1 }),
        budget: resendless,
      });
      // Still in the outbox (a try in progress removes it, or reschedules it), but dead: a claim
      // after the lease, or at the retry, finds it expired, and a sender drops expired mail.
      const later = await store.claimDueMail(NOW + LEASE, NOW + 2 * LEASE, 10);
      const byId = new Map(later.map((mail) => [mail.id, mail]));
      expect(byId.get(held.outcome === 'issued' ? held.mailId : -1)?.expiresAt).toBe(NOW + 1);
      expect(byId.get(failed!.id)?.expiresAt).toBe(NOW + 1);
      expect(
        later
          .filter((mail) => mail.expiresAt > NOW + LEASE)
          .map((m) => m.subject)
          .sort(),
      ).toEqual(['sealed subject failed-2', 'sealed subject held-2']);
    });
  });
}
