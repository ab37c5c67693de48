// One refresh at a time per session, across the tabs of the browser: a second refresh with the same
// (by then spent) token would look like a stolen copy to the server, which then revokes the family.

/** How long a fallback lease holds when its tab dies mid-refresh. Longer than any refresh. */
const LEASE_MS = 20_000;
/** How often a tab waiting for a fallback lease looks again. */
const POLL_MS = 50;

/** What is used of the Web Locks API's `navigator.locks`. */
export interface RefreshLocks {
  request<T>(name: string, run: () => Promise<T>): Promise<T>;
}

/**
 * Runs `run` while holding the lock `name`: the Web Locks API where the browser has it, else a
 * lease in localStorage. Callers re-read the cache inside `run`, since the tab that held the lock
 * before may have refreshed already.
 *
 * @param locks - The lock manager; `null` forces the fallback (tests, old browsers).
 */
export function withRefreshLock<T>(
  name: string,
  run: () => Promise<T>,
  locks: RefreshLocks | null = typeof navigator === 'undefined'
    ? null
    : ((navigator.locks as RefreshLocks | undefined) ?? null),
): Promise<T> {
  return locks ? locks.request(name, run) : withLease(name, run);
}

interface Lease {
  id: string;
  until: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readLease(key: string): Lease | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as Lease | null;
  } catch {
    return null;
  }
}

/**
 * Takes the lease when it is free or expired, then looks again after a pause: when two tabs write
 * at once, the last write stands and only its tab goes on. (Not airtight, as no localStorage lock
 * is; the Web Locks API, in every current browser, is.)
 */
async function claim(key: string, id: string): Promise<boolean> {
  const lease = readLease(key);
  if (lease && lease.until > Date.now()) return false;
  localStorage.setItem(key, JSON.stringify({ id, until: Date.now() + LEASE_MS }));
  await sleep(POLL_MS / 2);
  return readLease(key)?.id === id;
}

/** Per lock name, the last run of this page: the page's own runs queue here, not in storage. */
const queues = new Map<string, Promise<unknown>>();

function withLease<T>(name: string, run: () => Promise<T>): Promise<T> {
  const next = (queues.get(name) ?? Promise.resolve())
    .catch(() => {})
    .then(() => leased(`${name}:lease`, run));
  queues.set(name, next);
  return next;
}

async function leased<T>(key: string, run: () => Promise<T>): Promise<T> {
  const id = crypto.randomUUID();
  try {
    while (!(await claim(key, id))) await sleep(POLL_MS);
  } catch {
    return run(); // No storage (privacy modes, sandboxed frames): no other tab can share the session.
  }
  try {
    return await run();
  } finally {
    if (readLease(key)?.id === id) localStorage.removeItem(key);
  }
}
