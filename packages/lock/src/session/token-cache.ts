// Where a session's tokens live (`cacheLocation`): the page's memory, or localStorage under one
// key per client id and domain. Nowhere else.
import type { IdTokenClaims } from '@passwordless-lock/client';

/** What a session keeps: the last token answer, with its expiry as a time. */
export interface CachedSession {
  accessToken: string;
  idToken: string;
  idTokenPayload: IdTokenClaims;
  tokenType: string;
  scope: string | undefined;
  /** When the access token expires, in ms since the epoch. */
  expiresAt: number;
  /** The one refresh token of the family that is not spent yet. */
  refreshToken: string;
}

/** The options of `auth0-spa-js`, with the same names. */
export type CacheLocation = 'memory' | 'localstorage';

/** What identifies a session: the element's settings. */
export interface SessionSettings {
  clientId: string;
  domain: string;
  cacheLocation: CacheLocation;
}

/** The memory cache: one per page, so two widgets for the same client share it, as tabs share localStorage. */
const memory = new Map<string, string>();
const memoryStorage = {
  getItem: (key: string) => memory.get(key) ?? null,
  setItem: (key: string, value: string) => void memory.set(key, value),
  removeItem: (key: string) => void memory.delete(key),
};

/** The key of a session, also the name of its refresh lock. */
export function sessionKey({ clientId, domain }: SessionSettings): string {
  return `passwordless-lock:session:${clientId}:${domain}`;
}

function storageOf({
  cacheLocation,
}: SessionSettings): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  if (cacheLocation === 'memory') return memoryStorage;
  if (cacheLocation !== 'localstorage') {
    throw new TypeError(`passwordless-lock: cacheLocation must be "memory" or "localstorage"`);
  }
  return localStorage;
}

/** The cached session, or `null`; an unreadable entry counts as none. */
export function readSession(settings: SessionSettings): CachedSession | null {
  try {
    const session = JSON.parse(storageOf(settings).getItem(sessionKey(settings)) ?? 'null');
    return typeof session?.refreshToken === 'string' ? (session as CachedSession) : null;
  } catch (error) {
    if (error instanceof TypeError) throw error; // a wrong cacheLocation
    return null;
  }
}

export function writeSession(settings: SessionSettings, session: CachedSession): CachedSession {
  storageOf(settings).setItem(sessionKey(settings), JSON.stringify(session));
  return session;
}

export function clearSession(settings: SessionSettings): void {
  storageOf(settings).removeItem(sessionKey(settings));
}
