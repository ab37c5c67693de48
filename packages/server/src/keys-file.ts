import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JWK } from 'jose';
import {
  PRIVATE_FILE_MODE,
  readFileIfExists,
  readOrCreateFile,
  replaceFile,
} from './private-files.js';
import {
  isNewestBefore,
  retiredKeys,
  type SavedSigningKey,
  type SigningKeyStore,
} from './store/keys.js';

export const KEYS_FILE = 'keys.json';

/**
 * A writer holds the lock for one read and one rename; a lock file older than this was left by
 * a process that died holding it, and is taken over.
 */
const STALE_LOCK_MS = 10_000;
/** How long a writer waits for another's lock before it gives up. */
const LOCK_WAIT_MS = 5_000;
const LOCK_RETRY_MS = 20;

interface KeysFileContent {
  keys: JWK[];
  /** When each key was added (epoch ms) by `kid`; JWKs have no member for it. */
  created_at?: Record<string, number>;
}

/**
 * The signing keys in `<dataDir>/keys.json`, mode 0600 (it holds private keys). The first key
 * is created with a hard link (readOrCreateFile); later changes replace the file atomically
 * under a lock file (`keys.json.lock`), so servers sharing the data dir never lose each other's
 * keys or rotate twice.
 */
export class SigningKeysFile implements SigningKeyStore {
  /** Named in every error, so the operator knows which file to fix. */
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, KEYS_FILE);
  }

  async loadOrCreateKeys(createFirst: () => Promise<JWK>, now: number): Promise<SavedSigningKey[]> {
    const text = await readOrCreateFile(this.file, async () => {
      const first = await createFirst();
      return keysFileText([{ jwk: first, createdAt: now }]);
    });
    const keys = this.#parse(text);
    if (keys.length === 0) throw new Error(`${this.file}: no "keys" array`);
    return keys;
  }

  async loadKeys(): Promise<SavedSigningKey[]> {
    const text = await readFileIfExists(this.file);
    return text === undefined ? [] : this.#parse(text);
  }

  async addKey(key: JWK, now: number): Promise<number> {
    return this.#change((saved) => [...saved, { jwk: key, createdAt: now }]).then(
      (keys) => keys.length,
    );
  }

  async addKeyIfNewestBefore(key: JWK, now: number, dueBefore: number): Promise<boolean> {
    let added = false;
    await this.#change((saved) => {
      if (!isNewestBefore(saved, dueBefore)) return saved;
      added = true;
      return [...saved, { jwk: key, createdAt: now }];
    });
    return added;
  }

  async dropKeysRetiredBefore(retiredBefore: number): Promise<string[]> {
    let dropped: JWK[] = [];
    await this.#change((saved) => {
      dropped = retiredKeys(saved, retiredBefore);
      return saved.filter((key) => !dropped.includes(key.jwk));
    });
    return dropped.map((jwk) => jwk.kid!);
  }

  /** Reads, changes and (if changed) replaces the file under the lock; returns the keys after. */
  async #change(
    change: (saved: SavedSigningKey[]) => SavedSigningKey[],
  ): Promise<SavedSigningKey[]> {
    return this.#locked(async () => {
      const saved = await this.loadKeys();
      const changed = change(saved);
      if (!sameKeys(changed, saved)) {
        await replaceFile(this.file, keysFileText(changed));
      }
      return changed;
    });
  }

  /** Runs `work` holding `keys.json.lock` (created exclusively, removed after). */
  async #locked<T>(work: () => Promise<T>): Promise<T> {
    const lock = `${this.file}.lock`;
    const giveUpAt = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        await (await fs.open(lock, 'wx', PRIVATE_FILE_MODE)).close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const stat = await fs.stat(lock).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > STALE_LOCK_MS) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() > giveUpAt) throw new Error(`${lock}: held by another process for too long`);
      await sleep(LOCK_RETRY_MS);
    }
    try {
      return await work();
    } finally {
      await fs.rm(lock, { force: true });
    }
  }

  #parse(text: string): SavedSigningKey[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${this.file}: not valid JSON`);
    }
    const content = parsed as Partial<KeysFileContent> | null;
    if (!Array.isArray(content?.keys)) throw new Error(`${this.file}: no "keys" array`);
    const createdAt = content.created_at ?? {};
    return content.keys.map((jwk) => {
      const at = jwk.kid === undefined ? undefined : createdAt[jwk.kid];
      return typeof at === 'number' ? { jwk, createdAt: at } : { jwk };
    });
  }
}

function sameKeys(a: readonly SavedSigningKey[], b: readonly SavedSigningKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key.jwk === b[i]!.jwk);
}

function keysFileText(keys: readonly SavedSigningKey[]): string {
  const content: KeysFileContent = {
    keys: keys.map((key) => key.jwk),
    created_at: Object.fromEntries(
      keys.flatMap((key) => (key.createdAt === undefined ? [] : [[key.jwk.kid!, key.createdAt]])),
    ),
  };
  return `${JSON.stringify(content, null, 2)}\n`;
}
