import { describe, expect, it } from 'vitest';
import {
  DEV_INBOX_LIST_LIMIT,
  DEV_INBOX_MAX_MESSAGES,
  type DevInboxStore,
  type InboxMessage,
} from '../../src/store/dev-inbox.js';
import { NOW, useStores, type StoreTarget } from './target.js';

function message(n: number, to = `user${n}@example.com`): InboxMessage {
  return {
    to,
    from: 'Demo <no-reply@localhost>',
    subject: `Message ${n}`,
    text: `Your code is ${n}`,
    html: `<p>Your code is ${n}</p>`,
    date: new Date(NOW + n * 1_000).toISOString(),
  };
}

/** What every {@link DevInboxStore} must do. */
export function describeDevInboxStoreContract(target: StoreTarget<DevInboxStore>): void {
  describe('DevInboxStore', () => {
    const open = useStores(target);

    it('lists messages newest first, filtered by recipient case-insensitively', async () => {
      const { store } = await open();
      const messages = [
        message(1, 'a@example.com'),
        message(2, 'b@example.com'),
        message(3, 'A@Example.com'),
      ];
      for (const one of messages) await store.addInboxMessage(one);
      expect(await store.listInboxMessages()).toEqual([...messages].reverse());
      expect(await store.listInboxMessages('a@EXAMPLE.com')).toEqual([messages[2], messages[0]]);
      expect(await store.listInboxMessages('c@example.com')).toEqual([]);
    });

    it(`lists the newest ${DEV_INBOX_LIST_LIMIT} messages`, async () => {
      const { store } = await open();
      const count = DEV_INBOX_LIST_LIMIT + 5;
      for (let n = 0; n < count; n++) await store.addInboxMessage(message(n, 'a@example.com'));
      for (const list of [
        await store.listInboxMessages(),
        await store.listInboxMessages('a@example.com'),
      ]) {
        expect(list).toHaveLength(DEV_INBOX_LIST_LIMIT);
        expect(list[0]).toEqual(message(count - 1, 'a@example.com'));
        expect(list.at(-1)).toEqual(message(5, 'a@example.com'));
      }
    });

    it('keeps only the newest 1,000 messages', async () => {
      expect(DEV_INBOX_MAX_MESSAGES).toBe(1_000);
      const { store } = await open();
      for (let n = 0; n < 1_005; n++) await store.addInboxMessage(message(n));
      // The five oldest made room for the five newest.
      for (let n = 0; n < 5; n++) {
        expect(await store.listInboxMessages(`user${n}@example.com`)).toEqual([]);
      }
      expect(await store.listInboxMessages('user5@example.com')).toEqual([message(5)]);
      expect(await store.listInboxMessages('user1004@example.com')).toEqual([message(1004)]);
      expect((await store.listInboxMessages())[0]).toEqual(message(1004));
    });
  });
}
