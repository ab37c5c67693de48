import { PasswordlessLock } from './passwordless-lock.js';

PasswordlessLock.define();

declare global {
  interface HTMLElementTagNameMap {
    'passwordless-lock': PasswordlessLock;
  }
}

export { PasswordlessLock };
