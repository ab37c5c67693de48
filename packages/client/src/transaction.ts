import { TransactionError } from './errors.js';
import { randomToken, sha256, toBase64Url } from './encoding.js';

/**
 * Where transactions wait for the round trip: `sessionStorage`, `localStorage` or your own. With
 * `length` and `key` (as Web Storage has them), expired transactions of other logins are dropped
 * too, not only the one that is read.
 */
export interface TransactionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length?: number;
  key?(index: number): string | null;
}

/** Options of the functions that start or finish a round trip through `/authorize`. */
export interface TransactionOptions {
  /**
   * Where `state`, `nonce` and the PKCE verifier wait for the answer. Default `sessionStorage`,
   * else (Node, storage disabled) memory. Pass `localStorage` when a magic link may be opened in
   * another tab of the same browser. A transaction expires two days after it is stored (longer
   * than a magic link lives); expired ones are dropped whenever a transaction is stored or read.
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
  /** When the transaction expires (ms since the epoch). */
  expiresAt: number;
}

/**
 * How long a transaction waits for its answer (ms): two days. A magic link is the slowest round
 * trip, and the server's links live `connections.email.otp.lifetime_s` (180 s by default, a day at
 * most), so a link that still works always finds its transaction. An unused transaction (a link
 * never clicked) is dropped after that instead of staying in `localStorage` for good.
 */
const TRANSACTION_LIFETIME = 2 * 86_400_000;

const PREFIX = 'pl.tx.';
const memory = new Map<string, string>();
const memoryStorage: TransactionStorage = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
  key: (index) => [...memory.keys()][index] ?? null,
  get length() {
    return memory.size;
  },
};

/** The storage to use: the caller's, else `sessionStorage` when it works, else memory. */
function storageOf({ storage }: TransactionOptions): TransactionStorage {
  if (!storage) {
    storage = memoryStorage;
    try {
      // Reading sessionStorage throws in some sandboxed frames; writing throws when it is full or off.
      sessionStorage.setItem(PREFIX, '');
      sessionStorage.removeItem(PREFIX);
      storage = sessionStorage;
    } catch {
      // Memory, then.
    }
  }
  return storage;
}

/** Removes the expired transactions of `storage`, when it can list its keys. */
function dropExpired(storage: TransactionStorage): void {
  // Keys first: removing an item may reorder the rest.
  for (const key of Array.from({ length: storage.length ?? 0 }, (_, i) => storage.key?.(i))) {
    if (key?.startsWith(PREFIX)) load(storage, key);
  }
}

/**
 * The transaction stored under `key`, or `undefined` when it has expired or is not a transaction;
 * then it is removed, as it is in any case with `take`.
 */
function load(storage: TransactionStorage, key: string, take?: boolean): Transaction | undefined {
  let transaction: Transaction | undefined;
  try {
    transaction = JSON.parse(storage.getItem(key) ?? '') as Transaction;
  } catch {
    // Damaged or not ours: dropped like an expired one.
  }
  const live = Number(transaction?.expiresAt) > Date.now();
  if (take || !live) storage.removeItem(key);
  return live ? transaction : undefined;
}

/**
 * Creates and stores a transaction, and returns it with the `/authorize` parameters that carry it.
 * Its `state` and `nonce` are the caller's when given (as Auth0's SDKs do), else fresh random
 * values; the PKCE verifier is always fresh.
 */
export async function beginTransaction(
  init: Omit<Transaction, 'state' | 'nonce' | 'codeVerifier' | 'expiresAt'> & {
    state?: string | undefined;
    nonce?: string | undefined;
  },
  options: TransactionOptions,
): Promise<[Transaction, Record<string, string>]> {
  const transaction: Transaction = {
    ...init,
    state: init.state || randomToken(),
    nonce: init.nonce || randomToken(),
    codeVerifier: randomToken(),
    expiresAt: Date.now() + TRANSACTION_LIFETIME,
  };
  const storage = storageOf(options);
  dropExpired(storage);
  storage.setItem(PREFIX + transaction.state, JSON.stringify(transaction));
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
 * Takes the transaction for `state` out of storage (it can be used once), dropping expired ones.
 * @throws TransactionError when there is none, or it has expired.
 */
export function takeTransaction(state: string | null, options: TransactionOptions): Transaction {
  if (!state) throw new TransactionError('The answer has no state.');
  const storage = storageOf(options);
  // Taken before the others are checked, so it is read once.
  const transaction = load(storage, PREFIX + state, true);
  dropExpired(storage);
  if (!transaction) {
    throw new TransactionError(
      'No login waits for this state (expired, used, or started in another browser).',
    );
  }
  return transaction;
}
