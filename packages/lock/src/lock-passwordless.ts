import type { AuthResult } from './events.js';
import { PasswordlessLock } from './passwordless-lock.js';

/** Options of {@link LockPasswordless}, a subset of Auth0 Lock's passwordless options. */
export interface LockPasswordlessOptions {
  /** The language of the texts and of the mail. Default `en`. */
  language?: string;
  /** Whether the user can close the modal. Default `true`. */
  closable?: boolean;
}

/** The events {@link LockPasswordless.on} accepts. */
export type LockEventName = 'authenticated' | 'show' | 'hide';

/** The callback for an event: `authenticated` gets the tokens, `show` and `hide` nothing. */
export type LockEventCallback<E extends LockEventName> = E extends 'authenticated'
  ? (authResult: AuthResult) => void
  : () => void;

const EVENTS: readonly LockEventName[] = ['authenticated', 'show', 'hide'];

/**
 * Auth0 Lock's programmatic API over `<passwordless-lock>`: creates the element and adds it to
 * `document.body` the first time it is shown.
 *
 * @example
 * ```ts
 * const lock = new LockPasswordless('demo', 'http://localhost:3000');
 * lock.on('authenticated', ({ accessToken }) => loadProfile(accessToken));
 * button.addEventListener('click', () => lock.show());
 * ```
 */
export class LockPasswordless {
  /** The element this wraps. */
  readonly element: PasswordlessLock;
  /** Per event, each callback given to `on` and the DOM listener wrapping it. */
  readonly #listeners = new Map<LockEventName, Map<object, EventListener>>();

  /**
   * @param clientId - The application's client id.
   * @param domain - The auth server: a bare host (https) or an origin such as `http://localhost:3000`.
   * @param options - `language`, `closable`.
   */
  constructor(clientId: string, domain: string, options: LockPasswordlessOptions = {}) {
    if (typeof clientId !== 'string' || !clientId) {
      throw new TypeError('LockPasswordless: clientId must be a non-empty string');
    }
    if (typeof domain !== 'string' || !domain) {
      throw new TypeError('LockPasswordless: domain must be a non-empty string');
    }
    PasswordlessLock.define();
    this.element = document.createElement('passwordless-lock') as PasswordlessLock;
    this.element.clientId = clientId;
    this.element.domain = domain;
    if (options.language) this.element.language = options.language;
    if (options.closable !== undefined) this.element.closable = options.closable;
  }

  /** Opens the login modal, adding the element to the page the first time. */
  show(): void {
    if (!this.element.isConnected) document.body.append(this.element);
    void this.element.show();
  }

  /** Closes the login modal. */
  hide(): void {
    void this.element.hide();
  }

  /**
   * Listens to `authenticated` (gets the {@link AuthResult}), `show` or `hide`.
   *
   * @param event - The event name.
   * @param callback - Called each time the event happens.
   * @returns This lock, for chaining.
   * @throws TypeError for an event name this lock does not fire.
   */
  on<E extends LockEventName>(event: E, callback: LockEventCallback<E>): this {
    assertEventName(event, 'on');
    if (typeof callback !== 'function') {
      throw new TypeError(`LockPasswordless.on("${event}"): callback must be a function`);
    }
    const listeners = this.#listeners.get(event) ?? new Map<object, EventListener>();
    if (listeners.has(callback)) return this;
    const listener: EventListener =
      event === 'authenticated'
        ? (e) => (callback as (r: AuthResult) => void)((e as CustomEvent<AuthResult>).detail)
        : () => (callback as () => void)();
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

  /** Closes the modal, removes the element from the page and drops every callback. */
  destroy(): void {
    for (const [event, listeners] of this.#listeners) {
      for (const listener of listeners.values()) this.element.removeEventListener(event, listener);
    }
    this.#listeners.clear();
    this.element.remove();
  }
}

function assertEventName(event: unknown, method: string): asserts event is LockEventName {
  if (!EVENTS.includes(event as LockEventName)) {
    const message = `LockPasswordless.${method}: unknown event "${String(event)}"; use one of ${EVENTS.join(', ')}`;
    console.warn(message);
    throw new TypeError(message);
  }
}
