import { describe, expect, it } from 'vitest';
import {
  OUTBOX_ERROR_MAX_LENGTH,
  type NewOutboxMail,
  type OutboxStore,
} from '../../src/store/outbox.js';
import { NOW, useStores, type StoreTarget } from './target.js';

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

    it('lists due mail oldest first, every field as queued', async () => {
      const { store } = await open();
      const queued = [mail(1), mail(2), mail(3)];
      const ids: number[] = [];
      for (const one of queued) ids.push(await store.enqueueMail(one));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(3);
      expect(await store.listDueMail(NOW, 10)).toEqual(
        queued.map((one, i) => ({ ...one, id: ids[i], attempts: 0 })),
      );
    });

    it('lists only mail due at `now`, and all of it at Infinity', async () => {
      const { store } = await open();
      const due = await store.enqueueMail(mail(1));
      const later = await store.enqueueMail(mail(2, { nextAttemptAt: NOW + 5_000 }));
      const ids = async (now: number) => (await store.listDueMail(now, 10)).map((one) => one.id);
      expect(await ids(NOW)).toEqual([due]);
      expect(await ids(NOW + 5_000)).toEqual([due, later]);
      expect(await ids(Number.POSITIVE_INFINITY)).toEqual([due, later]);
    });

    it('lists at most `limit` mails, the oldest', async () => {
      const { store } = await open();
      const ids: number[] = [];
      for (let n = 0; n < 5; n++) ids.push(await store.enqueueMail(mail(n)));
      expect((await store.listDueMail(NOW, 2)).map((one) => one.id)).toEqual(ids.slice(0, 2));
    });

    it('counts each failed try, moves the next one and keeps the latest error', async () => {
      const { store } = await open();
      const id = await store.enqueueMail(mail(1));
      const other = await store.enqueueMail(mail(2));
      await store.rescheduleMail(id, NOW + 5_000, 'connection refused');
      expect((await store.listDueMail(NOW, 10)).map((one) => one.id)).toEqual([other]);
      await store.rescheduleMail(id, NOW + 15_000, 'greeting never received');
      const [first] = await store.listDueMail(NOW + 15_000, 10);
      expect(first).toEqual({
        ...mail(1),
        id,
        attempts: 2,
        nextAttemptAt: NOW + 15_000,
        lastError: 'greeting never received',
      });
    });

    it(`keeps the first ${OUTBOX_ERROR_MAX_LENGTH} characters of an error`, async () => {
      const { store } = await open();
      const id = await store.enqueueMail(mail(1));
      const error = 'x'.repeat(OUTBOX_ERROR_MAX_LENGTH) + 'y'.repeat(100);
      await store.rescheduleMail(id, NOW, error);
      const [listed] = await store.listDueMail(NOW, 10);
      expect(listed?.lastError).toBe('x'.repeat(OUTBOX_ERROR_MAX_LENGTH));
    });

    it('removes a mail, and only that one; removing it again is harmless', async () => {
      const { store } = await open();
      const id = await store.enqueueMail(mail(1));
      const other = await store.enqueueMail(mail(2));
      await store.removeMail(id);
      await store.removeMail(id);
      expect((await store.listDueMail(NOW, 10)).map((one) => one.id)).toEqual([other]);
    });
  });
}
