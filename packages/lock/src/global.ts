/**
 * The script-tag build's entry: `<script src="passwordless-lock.iife.js">` defines
 * `<passwordless-lock>` and `window.LockPasswordless`, like Auth0 Lock's CDN file.
 */
import { LockPasswordless } from './lock-passwordless.js';
import { PasswordlessLock } from './passwordless-lock.js';

PasswordlessLock.define();

declare global {
  interface Window {
    LockPasswordless: typeof LockPasswordless;
  }
}

window.LockPasswordless = LockPasswordless;

export { LockPasswordless, PasswordlessLock };
