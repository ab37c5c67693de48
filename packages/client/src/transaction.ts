import { TransactionError } from './errors.js';
import { randomToken, sha256, toBase64Url } from './jwt.js';

/** Where transactions wait for the round trip: `sessionStorage`, `localStorage` or your own. */
export interface TransactionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Options of the functions that start or finish a round trip through `/authorize`. */
export interface TransactionOptions {
  /**
   * Where `state`, `nonce` and the PKCE verifier wait for the answer. Default `sessionStorage`,
   * else (Node, storage disabled) memory. Pass `localStorage` when a magic link may be opened in
   * another tab of the same browser.
   */
  storage?: TransactionStorage;
}

/** What a login remembers between sending the user away and the answer coming back. */
export interface Transaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  clientId: string;
  redirectUri: string;
  responseType: string;
  maxAge?: number | undefined;
}

const PREFIX = 'pl.tx.';
const memory = new Map<string, string>();
const memoryStorage: TransactionStorage = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
};

function storageOf({ storage }: TransactionOptions): TransactionStorage {
  if (storage) return storage;
  try {
    // Reading sessionStorage throws in some sandboxed frames; writing throws when it is full or off.
    globalThis.sessionStorage.setItem(PREFIX, '');
    globalThis.sessionStorage.removeItem(PREFIX);
    return globalThis.sessionStorage;
  } catch {
    return memoryStorage;
  }
}

/**
 * Creates and stores a transaction with a fresh `state`, `nonce` and PKCE verifier, and returns it
 * with the `/authorize` parameters that carry it.
 */
export async function beginTransaction(
  init: Omit<Transaction, 'state' | 'nonce' | 'codeVerifier'> & { nonce?: string | undefined },
  options: TransactionOptions,
): Promise<[Transaction, Record<string, string>]> {
  const transaction: Transaction = {
    ...init,
    state: randomToken(),
    nonce: init.nonce ?? randomToken(),
    codeVerifier: randomToken(),
  };
  storageOf(options).setItem(PREFIX + transaction.state, JSON.stringify(transaction));
  return [
    transaction,
    {
      client_id: init.clientId,
      redirect_uri: init.redirectUri,
      response_type: init.responseType,
      state: transaction.state,
      nonce: transaction.nonce,
      ...(init.responseType.includes('code')
        ? {
            code_challenge: toBase64Url(await sha256(transaction.codeVerifier)),
            code_challenge_method: 'S256',
          }
        : {}),
      ...(init.maxAge === undefined ? {} : { max_age: String(init.maxAge) }),
    },
  ];
}

/**
 * Takes the transaction for `state` out of storage (it can be used once).
 * @throws TransactionError when there is none.
 */
export function takeTransaction(state: string | null, options: TransactionOptions): Transaction {
  if (!state) throw new TransactionError('The answer has no state.');
  const storage = storageOf(options);
  const stored = storage.getItem(PREFIX + state);
  storage.removeItem(PREFIX + state);
  try {
    return JSON.parse(stored ?? '') as Transaction;
  } catch {
    throw new TransactionError(
      'No login was started with this state here, or it was already finished (or opened in another browser).',
    );
  }
}
