import { buildLogoutUrl, userInfo, type UserInfo } from '@passwordless-lock/client';
import { addressReadElsewhere, takeAnswerFromAddress } from './address.js';
import { languageCandidates, prefetchLanguage } from './i18n/i18n-controller.js';
import {
  LOCK_EVENTS,
  type AuthorizationError,
  type AuthResult,
  type LockEventName,
  type UnrecoverableError,
} from './events.js';
import {
  LOCK_OPTIONS,
  PROPERTY_OPTIONS,
  SHOW_OPTIONS,
  type LockPasswordlessOptions,
  type LockShowOptions,
} from './options.js';
import { PasswordlessLock } from './passwordless-lock.js';
import { loadSession } from './session/load-session.js';
import type { SessionError } from './session/session.js';

/** What each event's callback gets. */
export interface LockEventPayloads {
  authenticated: AuthResult;
  authorization_error: AuthorizationError;
  unrecoverable_error: UnrecoverableError;
  hash_parsed: AuthResult | null;
  show: undefined;
  hide: undefined;
}

/** The callback for an event. */
export type LockEventCallback<E extends LockEventName> = LockEventPayloads[E] extends undefined
  ? () => void
  : (payload: LockEventPayloads[E]) => void;

/**
 * Auth0 Lock's passwordless API over `<passwordless-lock>`: creates the element and adds it to
 * `document.body` (or to `container`, inline) the first time it is shown.
 *
 * @example
 * ```ts
 * const lock = new LockPasswordless('demo', 'http://localhost:3000', { autoclose: true });
 * lock.on('authenticated', ({ accessToken }) => loadProfile(accessToken));
 * button.addEventListener('click', () => lock.show());
 * ```
 */
export class LockPasswordless {
  /** The element this wraps. */
  readonly element: PasswordlessLock;
  readonly #clientId: string;
  readonly #domain: string;
  readonly #container: HTMLElement | null;
  /** Per event, each callback given to `on` and the DOM listener wrapping it. */
  readonly #listeners = new Map<LockEventName, Map<object, EventListener>>();
  /** What `show(options)` changed, to put back when the modal closes. */
  #restore: (() => void) | null = null;

  /**
   * @param clientId - The application's client id.
   * @param domain - The auth server: a bare host (https) or an origin such as `http://localhost:3000`.
   * @param options - Lock's passwordless options; an unknown one is a `TypeError`.
   * @throws TypeError for a missing client id or domain, or an unknown or invalid option.
   */
  constructor(clientId: string, domain: string, options: LockPasswordlessOptions = {}) {
    if (typeof clientId !== 'string' || !clientId) {
      throw refuse('LockPasswordless: clientId must be a non-empty string');
    }
    if (typeof domain !== 'string' || !domain) {
      throw refuse('LockPasswordless: domain must be a non-empty string');
    }
    assertKnownKeys(options, LOCK_OPTIONS, 'option');
    const { allowedConnections, passwordlessMethod } = options;
    if (allowedConnections && !allowedConnections.every((c) => c === 'email')) {
      throw refuse('LockPasswordless: allowedConnections supports only "email"');
    }
    if (passwordlessMethod && passwordlessMethod !== 'code' && passwordlessMethod !== 'link') {
      throw refuse('LockPasswordless: passwordlessMethod must be "code" or "link"');
    }
    this.#clientId = clientId;
    this.#domain = domain;
    this.#container = resolveContainer(options.container);
    PasswordlessLock.define();
    this.element = document.createElement('passwordless-lock');
    // This constructor reads the address (below), as Lock does; the element must not read it again.
    addressReadElsewhere.add(this.element);
    this.element.clientId = clientId;
    this.element.domain = domain;
    if (this.#container) {
      this.element.inline = true;
      this.element.closable = false;
    }
    const { theme } = options;
    if (theme?.logo) this.element.logo = theme.logo;
    if (theme?.primaryColor) this.element.primaryColor = theme.primaryColor;
    if (theme?.mode) this.element.theme = theme.mode;
    this.#apply(options);
    // The element joins the page at the first show(): its strings are fetched now, not then.
    prefetchLanguage(languageCandidates(options.language));
    this.element.addEventListener('hide', () => this.#restore?.());
    if (options.auth?.autoParseHash !== false) {
      const url = takeAnswerFromAddress();
      if (url) this.resumeAuth(url.href);
    }
  }

  /**
   * Opens the login modal (or renders inline in `container`), adding the element to the page the
   * first time.
   *
   * @param options - Overrides for this opening only (`flashMessage`, `auth`, `prefill`, …).
   * @throws TypeError for an option `show` does not take.
   */
  show(options: LockShowOptions = {}): void {
    assertKnownKeys(options, SHOW_OPTIONS, 'show() option');
    this.#restore?.();
    this.#restore = this.#apply(options);
    const parent = this.#container ?? document.body;
    if (this.element.parentElement !== parent) parent.append(this.element);
    if (!this.element.inline) void this.element.show();
  }

  /**
   * Finishes a magic-link login from its answer, as Lock's `resumeAuth`: checks the `state`, the
   * `nonce` and the id_token, fires `hash_parsed`, then `authenticated` or `authorization_error`,
   * and calls `callback`. Needed only with `auth.autoParseHash: false`.
   *
   * @param hash - The answer: `location.hash`, a query string or a whole URL.
   * @param callback - Node-style: `(error, authResult)`; both `null` when `hash` holds no answer.
   */
  resumeAuth(
    hash: string,
    callback: (error: AuthorizationError | null, authResult: AuthResult | null) => void = () => {},
  ): void {
    const url = new URL(/^[#?]|:\/\//.test(hash) ? hash : `#${hash}`, location.href);
    void import('./auth-response.js')
      .then(({ resumeAuth }) => resumeAuth(this.element, this.#domain, url))
      .then(([error, result]) => callback(error, result));
  }

  /** Closes the login modal. */
  hide(): void {
    void this.element.hide();
  }

  /**
   * Listens to an event: `authenticated` (gets the {@link AuthResult}), `authorization_error`,
   * `unrecoverable_error` (get `{ error, errorDescription }`), `hash_parsed`, `show`, `hide`.
   *
   * @param event - The event name.
   * @param callback - Called each time the event happens.
   * @returns This lock, for chaining.
   * @throws TypeError for an event name this lock does not fire.
   */
  on<E extends LockEventName>(event: E, callback: LockEventCallback<E>): this {
    assertEventName(event, 'on');
    if (typeof callback !== 'function') {
      throw refuse(`LockPasswordless.on("${event}"): callback must be a function`);
    }
    const listeners = this.#listeners.get(event) ?? new Map<object, EventListener>();
    if (listeners.has(callback)) return this;
    const listener: EventListener = (e) => {
      const { detail } = e as CustomEvent;
      (callback as (payload?: unknown) => void)(
        event === 'hash_parsed' ? detail : (detail ?? undefined),
      );
    };
    listeners.set(callback, listener);
    this.#listeners.set(event, listeners);
    this.element.addEventListener(event, listener);
    return this;
  }

  /**
   * Stops a callback added with {@link LockPasswordless.on}.
   *
   * @param event - The event name.
   * @param callback - The callback given to `on`.
   * @returns This lock, for chaining.
   * @throws TypeError for an event name this lock does not fire.
   */
  off<E extends LockEventName>(event: E, callback: LockEventCallback<E>): this {
    assertEventName(event, 'off');
    const listener = this.#listeners.get(event)?.get(callback);
    if (listener) {
      this.element.removeEventListener(event, listener);
      this.#listeners.get(event)?.delete(callback);
    }
    return this;
  }

  /**
   * Reads the user's profile from `/userinfo`, as Lock's `getUserInfo`.
   *
   * @param accessToken - The access token from `authenticated`.
   * @param callback - Node-style: `(error, profile)`.
   */
  getUserInfo(
    accessToken: string,
    callback: (error: Error | null, profile?: UserInfo) => void,
  ): void {
    userInfo(this.#domain, accessToken).then(
      (profile) => callback(null, profile),
      (error: Error) => callback(error),
    );
  }

  /**
   * Tokens without the user, as Lock's `checkSession`: the kept session's (with
   * `useRefreshTokens`), refreshed when the access token is within a minute of expiring. Also
   * returns a Promise.
   *
   * @param _options - Accepted for Lock's signature; the session keeps the login's scope and audience.
   * @param callback - Node-style: `(error, authResult)`; `error.error` is `login_required` when
   *   there is no session (none kept, or the server ended it).
   * @returns The result, as `authenticated` gives it, with `silent: true`.
   */
  checkSession(
    _options: object = {},
    callback?: (error: SessionError | null, authResult?: AuthResult) => void,
  ): Promise<AuthResult> {
    const result = loadSession().then((s) => s.sessionTokens(this.element));
    // Given a callback, the promise's rejection is handled here, so ignoring it is safe.
    if (callback)
      result.then(
        (r) => callback(null, r),
        (e: SessionError) => callback(e),
      );
    return result;
  }

  /**
   * A valid access token of the kept session (with `useRefreshTokens`), refreshed first when it
   * is within a minute of expiring, as auth0-spa-js's `getTokenSilently`.
   *
   * @returns The access token.
   * @throws SessionError (rejects) `login_required` when there is no session.
   */
  async getTokenSilently(): Promise<string> {
    const { sessionTokens } = await loadSession();
    return (await sessionTokens(this.element)).accessToken;
  }

  /**
   * Logs out at the server and comes back to `returnTo` (a registered logout URL). With
   * `useRefreshTokens`, first revokes the session's refresh tokens and forgets them.
   *
   * @param options - `returnTo`; `federated` is accepted for Lock compatibility.
   */
  logout(options: { returnTo?: string; federated?: boolean } = {}): void {
    const { returnTo, federated } = options;
    const url = new URL(buildLogoutUrl(this.#domain, { clientId: this.#clientId, returnTo }));
    // Lock's `federated` also logs out of an Auth0 tenant's upstream identity provider. This
    // server has none, so the client's builder leaves it out; for an Auth0 tenant it is passed on.
    if (federated) url.searchParams.set('federated', '');
    const leave = () => window.location.assign(url.href);
    if (!this.element.useRefreshTokens) return leave();
    void loadSession()
      .then((s) => s.endSession(this.element))
      .finally(leave);
  }

  /** Closes the modal, removes the element from the page and drops every callback. */
  destroy(): void {
    for (const [event, listeners] of this.#listeners) {
      for (const listener of listeners.values()) this.element.removeEventListener(event, listener);
    }
    this.#listeners.clear();
    this.#restore = null;
    this.element.remove();
  }

  /**
   * Sets options on the element (all of them, when created; a `show()`'s, for one opening) and
   * returns how to put back what was there before.
   */
  #apply(options: LockPasswordlessOptions): () => void {
    const element = this.element;
    const before: Partial<PasswordlessLock> = {};
    const set = <K extends keyof PasswordlessLock>(key: K, value: PasswordlessLock[K]) => {
      (before as Record<string, unknown>)[key] = element[key];
      element[key] = value;
    };
    for (const key of PROPERTY_OPTIONS) {
      const value = options[key];
      // `false` is a setting; an empty string or `null` is none.
      if (value || value === false) set(key, value as never);
    }
    if (options.prefill?.email) set('prefillEmail', options.prefill.email);
    return () => {
      Object.assign(element, before);
      this.#restore = null;
    };
  }
}

/** A `TypeError` that is also a console warning, so a typo is visible even when caught. */
function refuse(message: string): TypeError {
  console.warn(message);
  return new TypeError(message);
}

function assertKnownKeys(options: object, known: readonly string[], what: string): void {
  if (typeof options !== 'object' || options === null) {
    throw refuse(`LockPasswordless: options must be an object`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw refuse(`LockPasswordless: unknown ${what} "${key}"; use one of ${known.join(', ')}`);
    }
  }
}

function assertEventName(event: unknown, method: string): asserts event is LockEventName {
  if (!LOCK_EVENTS.includes(event as LockEventName)) {
    throw refuse(
      `LockPasswordless.${method}: unknown event "${String(event)}"; use one of ${LOCK_EVENTS.join(', ')}`,
    );
  }
}

function resolveContainer(container: string | HTMLElement | undefined): HTMLElement | null {
  if (container === undefined) return null;
  const element = typeof container === 'string' ? document.getElementById(container) : container;
  if (!(element instanceof HTMLElement)) {
    throw refuse(`LockPasswordless: container "${String(container)}" is not an element`);
  }
  return element;
}
