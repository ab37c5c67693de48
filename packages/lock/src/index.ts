/**
 * `passwordless-lock`: the `<passwordless-lock>` element class and the `LockPasswordless` API.
 * Importing this module registers nothing; import `passwordless-lock/define` to register the tag.
 * (`LockPasswordless` registers it when first constructed.)
 *
 * @packageDocumentation
 */
export { PasswordlessLock } from './passwordless-lock.js';
export { LockPasswordless } from './lock-passwordless.js';
export type {
  LockEventCallback,
  LockEventName,
  LockPasswordlessOptions,
} from './lock-passwordless.js';
export type { AuthResult, AuthenticatedEvent, HideEvent, ShowEvent } from './events.js';
export type { Dictionary } from './i18n/en.js';
