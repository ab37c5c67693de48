import 'passwordless-lock/define';
import type { AuthenticatedEvent, PasswordlessLock } from 'passwordless-lock';

let lock: PasswordlessLock;
const onAuthenticated = (event: AuthenticatedEvent) => {
  console.log('Logged in as', event.detail.idTokenPayload.email);
};
