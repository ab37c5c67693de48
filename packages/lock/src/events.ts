import type { IdTokenClaims } from '@passwordless-lock/client';

/** The tokens and claims of a login, as Auth0 Lock's `authenticated` event gives them. */
export interface AuthResult {
  accessToken: string;
  idToken: string;
  /** The id_token's claims, checked: signature (JWKS), `iss`, `aud`, `exp`, and `nonce` for a link. */
  idTokenPayload: IdTokenClaims;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: string;
  scope: string | undefined;
  /** The `state` of a magic-link login; `undefined` for a code login. */
  state: string | undefined;
  /**
   * The refresh token of a login that asked for `offline_access` (with `useRefreshTokens`), as
   * Lock gives it. The widget keeps it itself (`cacheLocation`); results from a kept session
   * never carry it.
   */
  refreshToken?: string;
  /**
   * `true` when no one typed anything: a session restored on load (`restore-session`) or
   * answered by `checkSession`. Absent for an interactive login.
   */
  silent?: true;
}

/**
 * Auth0 Lock's events: `<passwordless-lock>` fires them as DOM events, `LockPasswordless.on`
 * takes their names. (The element also fires `request-close`, which Lock does not have.)
 */
export const LOCK_EVENTS = [
  'authenticated',
  'authorization_error',
  'unrecoverable_error',
  'hash_parsed',
  'show',
  'hide',
] as const;

/** The name of one of Lock's events. */
export type LockEventName = (typeof LOCK_EVENTS)[number];

/** Fired on `<passwordless-lock>` when the user has logged in. */
export type AuthenticatedEvent = CustomEvent<AuthResult>;
/** What `authorization_error` carries, as Auth0 Lock's event does. */
export interface AuthorizationError {
  /** The server's `error`, e.g. `invalid_grant`, `too_many_attempts`, `access_denied`. */
  error: string;
  /** The server's `error_description`. */
  errorDescription: string | undefined;
}

/** What `unrecoverable_error` carries: the lock cannot work as configured (bad client, origin). */
export interface UnrecoverableError {
  error: string;
  errorDescription: string | undefined;
}

/** Fired once a login answer in the page's address has been read: its result, or `null`. */
export type HashParsedEvent = CustomEvent<AuthResult | null>;

/** Why the modal is asked to close. */
export type CloseSource = 'close-button' | 'keyboard' | 'backdrop';

/** Fired on `<passwordless-lock>` when the server refused a login. */
export type AuthorizationErrorEvent = CustomEvent<AuthorizationError>;
/** Fired when the lock cannot work as configured. */
export type UnrecoverableErrorEvent = CustomEvent<UnrecoverableError>;
/** Fired before the user closes the modal; `preventDefault()` keeps it open. */
export type RequestCloseEvent = CustomEvent<{ source: CloseSource }>;
/** Fired when the modal opens. */
export type ShowEvent = CustomEvent<null>;
/** Fired when the modal closes. */
export type HideEvent = CustomEvent<null>;

// Factories rather than Event subclasses: a subclass would touch the CustomEvent global when the
// module loads, which breaks importing the package on a server.
const init = { bubbles: true, composed: true } as const;

export function authenticatedEvent(detail: AuthResult): AuthenticatedEvent {
  return new CustomEvent('authenticated', { ...init, detail });
}

/** One of the two error events, by name. */
export function errorEvent(
  name: 'authorization_error' | 'unrecoverable_error',
  detail: AuthorizationError,
): AuthorizationErrorEvent | UnrecoverableErrorEvent {
  return new CustomEvent(name, { ...init, detail });
}

export function hashParsedEvent(detail: AuthResult | null): HashParsedEvent {
  return new CustomEvent('hash_parsed', { ...init, detail });
}

export function requestCloseEvent(source: CloseSource): RequestCloseEvent {
  return new CustomEvent('request-close', { ...init, cancelable: true, detail: { source } });
}

export function showEvent(): ShowEvent {
  return new CustomEvent('show', { ...init, detail: null });
}

export function hideEvent(): HideEvent {
  return new CustomEvent('hide', { ...init, detail: null });
}

declare global {
  interface GlobalEventHandlersEventMap {
    authenticated: AuthenticatedEvent;
    authorization_error: AuthorizationErrorEvent;
    unrecoverable_error: UnrecoverableErrorEvent;
    hash_parsed: HashParsedEvent;
    'request-close': RequestCloseEvent;
    show: ShowEvent;
    hide: HideEvent;
  }
}
