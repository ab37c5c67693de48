import path from 'node:path';
import type { JWK } from 'jose';
import { readFileIfExists, readOrCreateFile, replaceFile } from './private-files.js';
import type { SigningKeyStore } from './store/keys.js';

export const KEYS_FILE = 'keys.json';

interface KeysFileContent {
  keys: JWK[];
}

/**
 * The signing keys in `<dataDir>/keys.json`, mode 0600 (it holds private keys). The first key
 * is created with a hard link (readOrCreateFile), later keys by replacing the file atomically.
 */
export class SigningKeysFile implements SigningKeyStore {
  /** Named in every error, so the operator knows which file to fix. */
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, KEYS_FILE);
  }

  async loadOrCreateKeys(createFirst: () => Promise<JWK>): Promise<JWK[]> {
    const text = await readOrCreateFile(this.file, async () =>
      keysFileText({ keys: [await createFirst()] }),
    );
    return this.#parse(text).keys;
  }

  async addKey(key: JWK): Promise<number> {
    const text = await readFileIfExists(this.file);
    const saved = text === undefined ? [] : this.#parse(text).keys;
    const keys = [...saved, key];
    await replaceFile(this.file, keysFileText({ keys }));
    return keys.length;
  }

  #parse(text: string): KeysFileContent {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${this.file}: not valid JSON`);
    }
    const keys = (parsed as Partial<KeysFileContent> | null)?.keys;
    if (!Array.isArray(keys) || keys.length === 0) throw new Error(`${this.file}: no "keys" array`);
    return { keys };
  }
}

function keysFileText(content: KeysFileContent): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}
