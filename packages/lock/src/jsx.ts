// What a template may put on `<passwordless-lock>`, for the JSX typings of frameworks
// (src/react.ts). Types only: this module adds nothing to the bundle.
import type { LockEventName } from './events.js';
import type { PasswordlessLock } from './passwordless-lock.js';

type PropertyName = keyof (typeof PasswordlessLock)['properties'] & keyof PasswordlessLock;

/** The element's public properties, by their camelCase names. */
export type PasswordlessLockProperties = Partial<Pick<PasswordlessLock, PropertyName>>;

/** `clientId` → `client-id`: the element names each attribute after its property so. */
type KebabCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${KebabCase<Tail>}`
  : S;

/**
 * The kebab-case attributes of the string-valued properties (`client-id`, `passwordless-method`,
 * `prefill-email`, `primary-color`). Booleans are left to their properties: a framework that sets
 * an attribute removes it for `false`, which would leave `remember-last-login` on.
 */
export type PasswordlessLockAttributes = {
  [
    K in PropertyName as PasswordlessLock[K] extends string
      ? K extends KebabCase<K>
        ? never
        : KebabCase<K>
      : never
  ]?: PasswordlessLock[K];
};

/** Every event the element fires: Lock's, and `request-close`. */
export type PasswordlessLockEventName = LockEventName | 'request-close';

/**
 * `on<event>` listeners (`onauthenticated`, `onauthorization_error`, `onrequest-close`, …), which
 * React 19 and Preact add with `addEventListener` on custom elements, typed with the event.
 */
export type PasswordlessLockEventListeners = {
  [K in PasswordlessLockEventName as `on${K}`]?: (event: GlobalEventHandlersEventMap[K]) => void;
};

/** All that a JSX template may set on `<passwordless-lock>`, besides the framework's own props. */
export type PasswordlessLockJsxProps = PasswordlessLockProperties &
  PasswordlessLockAttributes &
  PasswordlessLockEventListeners;
