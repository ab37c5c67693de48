/**
 * `passwordless-lock`: the `<passwordless-lock>` element class and the `LockPasswordless` API.
 * Importing this module registers nothing; import `passwordless-lock/define` to register the tag.
 * (`LockPasswordless` registers it when first constructed.)
 *
 * @packageDocumentation
 */
export { PasswordlessLock } from './passwordless-lock.js';
export { LockPasswordless } from './lock-passwordless.js';
export type { LockEventCallback, LockEventPayloads } from './lock-passwordless.js';
export type { LockEventName } from './events.js';
export type {
  FlashMessage,
  LockAuthOptions,
  LockPasswordlessOptions,
  LockShowOptions,
} from './options.js';
export type { AuthResult, AuthenticatedEvent, HideEvent, ShowEvent } from './events.js';
export type { SessionError } from './session/session.js';
export type { CacheLocation } from './session/token-cache.js';
export type { Dictionary, DictionaryOverrides } from './i18n/locales/en.js';
export type {
  PasswordlessLockAttributes,
  PasswordlessLockEventListeners,
  PasswordlessLockEventName,
  PasswordlessLockJsxProps,
  PasswordlessLockProperties,
} from './jsx.js';
export { supportedLanguages } from './i18n/supported-languages.js';
export type {
  AuthorizationError,
  AuthorizationErrorEvent,
  CloseSource,
  RequestCloseEvent,
  UnrecoverableError,
  UnrecoverableErrorEvent,
} from './events.js';
