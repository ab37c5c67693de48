import 'passwordless-lock/define';
import type { AuthenticatedEvent, PasswordlessLock } from 'passwordless-lock';
import { ref } from 'vue';

const lock = ref<PasswordlessLock | null>(null);
const onAuthenticated = (event: AuthenticatedEvent) => {
  console.log('Logged in as', event.detail.idTokenPayload.email);
};
