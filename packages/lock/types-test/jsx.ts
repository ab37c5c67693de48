// The kebab-case attributes in the JSX typings are exactly the element's string-valued ones (the
// names custom-elements.json lists): `Required` and the literal's excess-property check make both
// a missing and an extra name an error.
import type { PasswordlessLockAttributes } from 'passwordless-lock';

export const attributes: Required<PasswordlessLockAttributes> = {
  'client-id': 'demo',
  'passwordless-method': 'link',
  'prefill-email': 'ada@example.com',
  'primary-color': '#00695c',
  'cache-location': 'localstorage',
};
