// Sessions that survive a reload (`useRefreshTokens`): keeping the tokens, refreshing them before
// they expire, ending them. A lazy chunk: pages without `useRefreshTokens` never load it.
import {
  messageKeyOf,
  refreshTokens,
  revokeToken,
  ServerError,
  type PasswordlessLoginResult,
} from '@passwordless-lock/client';
import { authenticatedEvent, type AuthResult } from '../events.js';
import { withRefreshLock } from './refresh-lock.js';
import {
  clearSession,
  readSession,
  sessionKey,
  writeSession,
  type CachedSession,
  type SessionSettings,
} from './token-cache.js';

/**
 * An access token with less than this left is refreshed first, so it does not expire on its way
 * to the API (auth0-spa-js uses the same minute).
 */
export const EXPIRY_MARGIN_MS = 60_000;

/** Why there are no tokens, as Lock's `checkSession` says it: `error` and `errorDescription`. */
export interface SessionError extends Error {
  /** `login_required` when there is no session (none kept, or the server ended it). */
  error: string;
  errorDescription: string;
}

/** The element, as far as a session needs it. */
export type SessionHost = SessionSettings & EventTarget;

function sessionError(error: string, description: string, cause?: unknown): SessionError {
  return Object.assign(new Error(description, { cause }), {
    name: 'SessionError',
    error,
    errorDescription: description,
  });
}

const loginRequired = (cause?: unknown) => sessionError('login_required', 'Login required', cause);

/** Keeps a login's tokens, when the server gave a refresh token (`offline_access`). */
export function storeSession(
  host: SessionHost,
  result: AuthResult | PasswordlessLoginResult,
): void {
  if (result.refreshToken) writeSession(host, toCached(result, result.refreshToken));
}

/**
 * The session's tokens: the kept ones while the access token has more than a minute left, else
 * new ones from the refresh token. One tab refreshes at a time; a tab that waited for the lock
 * takes what the other one stored, so a refresh token is never presented twice.
 *
 * @throws SessionError `login_required` when there is no session, or the server ended it.
 */
export async function sessionTokens(host: SessionHost): Promise<AuthResult> {
  const kept = readSession(host);
  if (!kept) throw loginRequired();
  if (isFresh(kept)) return toResult(kept);
  return toResult(
    await withRefreshLock(sessionKey(host), async () => {
      const current = readSession(host);
      if (!current) throw loginRequired(); // logged out in another tab meanwhile
      return isFresh(current) ? current : refresh(host, current);
    }),
  );
}

async function refresh(host: SessionHost, current: CachedSession): Promise<CachedSession> {
  const { clientId, domain } = host;
  try {
    const tokens = await refreshTokens(domain, { clientId, refreshToken: current.refreshToken });
    // A server that does not rotate answers without a refresh token: the old one stays valid.
    return writeSession(host, toCached(tokens, tokens.refreshToken ?? current.refreshToken));
  } catch (error) {
    if (error instanceof ServerError && error.error === 'invalid_grant') {
      clearSession(host);
      throw loginRequired(error);
    }
    throw error instanceof ServerError
      ? sessionError(error.error, error.message, error)
      : sessionError(messageKeyOf(error), (error as Error).message, error);
  }
}

/**
 * `restore-session`: fires `authenticated` (marked `silent`) on the element when a session is
 * kept; nothing when there is none, so the page shows its logged-out state.
 */
export async function restoreSession(host: SessionHost): Promise<void> {
  try {
    host.dispatchEvent(authenticatedEvent(await sessionTokens(host)));
  } catch (error) {
    if ((error as SessionError).error !== 'login_required') {
      console.warn('passwordless-lock: could not restore the session:', (error as Error).message);
    }
  }
}

/**
 * Ends the session: revokes the refresh token's family at the server, and forgets the tokens
 * whether or not the server could be reached.
 */
export function endSession(host: SessionHost): Promise<void> {
  // Under the refresh lock, so a refresh under way in another tab does not store tokens after this.
  return withRefreshLock(sessionKey(host), async () => {
    const kept = readSession(host);
    clearSession(host);
    if (!kept) return;
    try {
      await revokeToken(host.domain, { clientId: host.clientId, token: kept.refreshToken });
    } catch (error) {
      console.warn('passwordless-lock: could not revoke the session:', (error as Error).message);
    }
  });
}

const isFresh = (session: CachedSession) => session.expiresAt - Date.now() > EXPIRY_MARGIN_MS;

function toCached(
  tokens: AuthResult | PasswordlessLoginResult,
  refreshToken: string,
): CachedSession {
  const { accessToken, idToken, idTokenPayload, tokenType, scope, expiresIn } = tokens;
  const expiresAt = Date.now() + expiresIn * 1000;
  return { accessToken, idToken, idTokenPayload, tokenType, scope, expiresAt, refreshToken };
}

/** The `authenticated` result of a kept session: no refresh token (it stays in the cache). */
function toResult(session: CachedSession): AuthResult {
  const { accessToken, idToken, idTokenPayload, tokenType, scope, expiresAt } = session;
  return {
    accessToken,
    idToken,
    idTokenPayload,
    tokenType,
    scope,
    expiresIn: Math.floor((expiresAt - Date.now()) / 1000),
    state: undefined,
    silent: true,
  };
}
