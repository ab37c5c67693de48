import { describe, expect, it } from 'vitest';
import {
  OUTBOX_ERROR_MAX_LENGTH,
  type NewOutboxMail,
  type OutboxStore,
} from '../../src/store/outbox.js';
import { NOW, race, useStores, type StoreTarget } from './target.js';

function mail(n: number, overrides: Partial<NewOutboxMail> = {}): NewOutboxMail {
  return {
    to: `user${n}@example.com`,
    fromName: 'App',
    fromAddress: 'no-reply@example.com',
    subject: `sealed subject ${n}`,
    text: `sealed text ${n}`,
    html: `sealed html ${n}`,
    expiresAt: NOW + 180_000,
    nextAttemptAt: NOW,
    ...overrides,
  };
}

/** What every {@link OutboxStore} must do. */
export function describeOutboxStoreContract(target: StoreTarget<OutboxStore>): void {
  describe('OutboxStore', () => {
    const open = useStores(target);

    const LEASE = NOW + 60_000;
    const claim = (store: OutboxStore, dueBy = NOW, limit = 10) =>
      store.claimDueMail(dueBy, LEASE, limit);
    const claimedIds = async (store: OutboxStore, dueBy = NOW, limit = 10) =>
      (await claim(store, dueBy, limit)).map((one) => one.id);

    it('claims due mail oldest first, every field as queued, leased until `leaseUntil`', async () => {
      const { store } = await open();
      const queued = [mail(1), mail(2), mail(3)];
      const ids: number[] = [];
      for (const one of queued) ids.push(await store.enqueueMail(one));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(3);
      expect(await claim(store)).toEqual(
        queued.map((one, i) => ({ ...one, id: ids[i], attempts: 0, nextAttemptAt: LEASE })),
      );
    });

    it('claims only mail due by `dueBy`', async () => {
      const { store } = await open();
      const due = await store.enqueueMail(mail(1));
      const later = await store.enqueueMail(mail(2, { nextAttemptAt: NOW + 5_000 }));
      const last = await store.enqueueMail(mail(3, { nextAttemptAt: NOW + 10_000 }));
      expect(await claimedIds(store, NOW)).toEqual([due]);
      expect(await claimedIds(store, NOW + 5_000)).toEqual([later]);
      // Claimed mail is leased until LEASE; only `last` is due by then.
      expect(await claimedIds(store, LEASE - 1)).toEqual([last]);
    });

    it('claims at most `limit` mails, the oldest', async () => {
      const { store } = await open();
      const ids: number[] = [];
      for (let n = 0; n < 5; n++) ids.push(await store.enqueueMail(mail(n)));
      expect(await claimedIds(store, NOW, 2)).toEqual(ids.slice(0, 2));
      expect(await claimedIds(store, NOW, 2)).toEqual(ids.slice(2, 4));
    });

    it('does not claim claimed mail again before its lease ends, and does after', async () => {
      const { store, peer } = await open();
      const id = await store.enqueueMail(mail(1));
      expect(await claimedIds(store)).toEqual([id]);
      expect(await claimedIds(store)).toEqual([]);
      expect(await claimedIds(peer, LEASE - 1)).toEqual([]);
      // Its claimer died: when the lease ends the mail is due again, to any claimer.
      expect(await claimedIds(peer, LEASE)).toEqual([id]);
    });

    it('gives claimers racing on two connections disjoint sets that together are all due mail', async () => {
      const handles = await open();
      await handles.store.enqueueMail(mail(99, { nextAttemptAt: NOW + 5_000 }));
      // Connections opened first (claiming nothing), so the claims that count start together.
      await race(6, handles, (store) => claimedIds(store, NOW - 1, 8));
      // A few rounds: an overlap shows in some interleavings only.
      for (let round = 0; round < 3; round++) {
        const ids: number[] = [];
        for (let n = 0; n < 30; n++) ids.push(await handles.store.enqueueMail(mail(n)));
        const claimed = (await race(6, handles, (store) => claimedIds(store, NOW, 8))).flat();
        expect(new Set(claimed).size).toBe(claimed.length);
        expect(claimed.sort((x, y) => x - y)).toEqual(ids);
      }
    });

    it('counts each failed try, moves the next one and keeps the latest error', async () => {
      const { store } = await open();
      const id = await store.enqueueMail(mail(1));
      const other = await store.enqueueMail(mail(2));
      await store.rescheduleMail(id, NOW + 5_000, 'connection refused');
      expect(await claimedIds(store)).toEqual([other]);
      await store.rescheduleMail(id, NOW + 15_000, 'greeting never received');
      expect(await claim(store, NOW + 15_000)).toEqual([
        {
          ...mail(1),
          id,
          attempts: 2,
          nextAttemptAt: LEASE,
          lastError: 'greeting never received',
        },
      ]);
    });

    it(`keeps the first ${OUTBOX_ERROR_MAX_LENGTH} characters of an error`, async () => {
      const { store } = await open();
      const id = await store.enqueueMail(mail(1));
      const error = 'x'.repeat(OUTBOX_ERROR_MAX_LENGTH) + 'y'.repeat(100);
      await store.rescheduleMail(id, NOW, error);
      const [claimed] = await claim(store);
      expect(claimed?.lastError).toBe('x'.repeat(OUTBOX_ERROR_MAX_LENGTH));
    });

    it('removes a mail, and only that one; removing it again is harmless', async () => {
      const { store } = await open();
      const id = await store.enqueueMail(mail(1));
      const other = await store.enqueueMail(mail(2));
      await store.removeMail([id]);
      await store.removeMail([id]);
      await store.removeMail([]);
      expect(await claimedIds(store, LEASE)).toEqual([other]);
    });

    it('removes several mails in one call, leaving the others', async () => {
      const { store, peer } = await open();
      const ids: number[] = [];
      for (let n = 0; n < 5; n++) ids.push(await store.enqueueMail(mail(n)));
      await store.removeMail([ids[0]!, ids[2]!, ids[4]!, ids[4]! + 1_000]);
      expect(await peer.countMail()).toBe(2);
      expect(await claimedIds(store, LEASE)).toEqual([ids[1], ids[3]]);
    });

    it('releases claimed mail: due again at `dueAt`, for any claimer, the rest untouched', async () => {
      const { store, peer } = await open();
      const ids: number[] = [];
      for (let n = 0; n < 4; n++) ids.push(await store.enqueueMail(mail(n)));
      expect(await claimedIds(store)).toEqual(ids);
      await store.releaseClaimedMail([ids[1]!, ids[3]!], LEASE, NOW + 1_000);
      expect(await claimedIds(peer, NOW + 999)).toEqual([]);
      expect(await claim(peer, NOW + 1_000)).toEqual(
        [1, 3].map((n) => ({ ...mail(n), id: ids[n], attempts: 0, nextAttemptAt: LEASE })),
      );
      // The two not released stay under their lease.
      expect(await claimedIds(peer, LEASE - 1)).toEqual([]);
      await store.releaseClaimedMail([], LEASE, NOW);
    });

    it('releases only mail still under the lease it names: not mail another claim took since, nor rescheduled mail', async () => {
      const { store, peer } = await open();
      const taken = await store.enqueueMail(mail(1));
      const rescheduled = await store.enqueueMail(mail(2));
      const removed = await store.enqueueMail(mail(3));
      expect(await claimedIds(store)).toEqual([taken, rescheduled, removed]);
      // The first claimer's lease ended; another took the mail under a lease of its own.
      const laterLease = LEASE + 60_000;
      expect((await peer.claimDueMail(LEASE, laterLease, 1)).map((one) => one.id)).toEqual([taken]);
      await store.rescheduleMail(rescheduled, NOW + 30_000, 'connection refused');
      await store.removeMail([removed]);
      await store.releaseClaimedMail([taken, rescheduled, removed], LEASE, NOW);
      const claimUntilLater = async (dueBy: number) =>
        (await store.claimDueMail(dueBy, laterLease + 60_000, 10)).map((one) => one.id);
      expect(await claimUntilLater(NOW + 29_999)).toEqual([]);
      expect(await claimUntilLater(laterLease - 1)).toEqual([rescheduled]);
      expect(await claimUntilLater(laterLease)).toEqual([taken]);
    });

    it('counts every mail in the outbox: due, later, leased and failed alike, until removed', async () => {
      const { store, peer } = await open();
      expect(await store.countMail()).toBe(0);
      const ids: number[] = [];
      for (let n = 0; n < 4; n++) {
        ids.push(await store.enqueueMail(mail(n, { nextAttemptAt: NOW + n * 5_000 })));
      }
      await claim(store);
      await store.rescheduleMail(ids[1]!, NOW + 60_000, 'connection refused');
      expect(await store.countMail()).toBe(4);
      expect(await peer.countMail()).toBe(4);
      await store.removeMail([ids[0]!, ids[2]!]);
      expect(await peer.countMail()).toBe(2);
    });
  });
}
