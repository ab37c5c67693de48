import fs from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
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

  const key = (kid: string): JWK => ({ kty: 'RSA', kid, n: 'n', e: 'AQAB', d: 'd' });

  it('waits for a writer holding keys.json.lock, and takes over a lock its holder left behind', async () => {
    const store = new SigningKeysFile(await makeDataDir());
    const lock = `${store.file}.lock`;

    await fs.writeFile(lock, '');
    const adding = store.addKey(key('k1'), 1);
    await sleep(200);
    expect(await store.loadKeys()).toEqual([]); // still waiting for the lock
    await fs.rm(lock);
    expect(await adding).toBe(1);
    await expect(fs.access(lock)).rejects.toThrow();

    await fs.writeFile(lock, '');
    const longAgo = new Date(Date.now() - 60_000);
    await fs.utimes(lock, longAgo, longAgo); // a process died holding it
    expect(await store.addKey(key('k2'), 2)).toBe(2);
    expect((await store.loadKeys()).map((saved) => saved.jwk.kid)).toEqual(['k1', 'k2']);
  });
});
