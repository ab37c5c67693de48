import { describe } from 'vitest';
import { SqliteStore } from '../src/sqlite-store.js';
import { makeDataDir } from './helpers.js';
import { describeStoreContracts } from './store-contract/all.js';
import type { StoreTarget } from './store-contract/target.js';

const TARGETS: Record<string, StoreTarget<SqliteStore>> = {
  // Two connections to one file, as two server processes on one data dir would hold.
  'SqliteStore in a data dir': {
    async open() {
      const dataDir = await makeDataDir();
      const store = new SqliteStore(dataDir);
      const peer = new SqliteStore(dataDir);
      const close = async () => {
        await store.close();
        await peer.close();
      };
      return { store, peer, close };
    },
  },
  'SqliteStore in memory': {
    async open() {
      const store = new SqliteStore(':memory:');
      return { store, peer: store, close: () => store.close() };
    },
  },
};

for (const [name, target] of Object.entries(TARGETS)) {
  describe(name, () => {
    describeStoreContracts(target);
  });
}
