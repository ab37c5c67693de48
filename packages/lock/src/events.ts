/** The tokens and claims of a login, as Auth0 Lock's `authenticated` event gives them. */
export interface AuthResult {
  accessToken: string;
  idToken: string;
  /** The id_token's claims, decoded but not yet signature-checked. */
  idTokenPayload: Record<string, unknown>;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: string;
  scope: string | undefined;
  /** The `state` of a redirect login; `undefined` for a code login. */
  state: string | undefined;
}

/** Fired on `<passwordless-lock>` when the user has logged in. */
export type AuthenticatedEvent = CustomEvent<AuthResult>;
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

export function showEvent(): ShowEvent {
  return new CustomEvent('show', { ...init, detail: null });
}

export function hideEvent(): HideEvent {
  return new CustomEvent('hide', { ...init, detail: null });
}

declare global {
  interface GlobalEventHandlersEventMap {
    authenticated: AuthenticatedEvent;
    show: ShowEvent;
    hide: HideEvent;
  }
}
