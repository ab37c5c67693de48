/**
 * `passwordless-lock/react`: JSX typings of `<passwordless-lock>` for React 19, a types-only entry.
 * Import it once (`import type {} from 'passwordless-lock/react'`) where you render the element.
 *
 * It is an entry of its own, not part of `passwordless-lock`, because it imports `react`'s types:
 * in the main entry that import would make every user install `@types/react`. React 19 declares
 * JSX in `React.JSX` (the global `JSX` namespace is gone), so the element is added there by module
 * augmentation, which the `react/jsx-runtime` typings of the automatic runtime extend.
 *
 * React 19 sets a prop as a property when the element has it (so `clientId`, `auth` and other
 * objects work; import `passwordless-lock/define` before rendering), else as an attribute
 * (`client-id`), and adds `on<event>` props as listeners.
 *
 * @packageDocumentation
 */
import type * as React from 'react';
import type { PasswordlessLockJsxProps } from './jsx.js';
import type { PasswordlessLock } from './passwordless-lock.js';

declare module 'react' {
  // A namespace because that is how React declares JSX; the augmentation must match it.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'passwordless-lock': React.DetailedHTMLProps<
        React.HTMLAttributes<PasswordlessLock>,
        PasswordlessLock
      > &
        PasswordlessLockJsxProps;
    }
  }
}
