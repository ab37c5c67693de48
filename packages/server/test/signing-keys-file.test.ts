import { describe } from 'vitest';
import { SigningKeysFile } from '../src/keys-file.js';
import { makeDataDir } from './helpers.js';
import { describeSigningKeyStoreContract } from './store-contract/keys.js';

describe('SigningKeysFile', () => {
  describeSigningKeyStoreContract({
    async open() {
      const dataDir = await makeDataDir();
      // Two servers on one data dir each read the file on their own.
      const store = new SigningKeysFile(dataDir);
      const peer = new SigningKeysFile(dataDir);
      return { store, peer, close: async () => {} };
    },
  });
});
