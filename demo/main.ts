import { userInfo } from '@passwordless-lock/client';
import 'passwordless-lock/define';
import { addNavigation, addSwitches, domain, showProfile } from './shared.js';

const lock = document.querySelector('passwordless-lock')!;
const loginButton = document.querySelector<HTMLButtonElement>('#login')!;
const logoutButton = document.querySelector<HTMLButtonElement>('#logout')!;
const message = document.querySelector<HTMLElement>('#message')!;

addNavigation();
addSwitches(lock);

loginButton.addEventListener('click', () => lock.show());

lock.addEventListener('authenticated', async (event) => {
  try {
    const user = await userInfo(domain, event.detail.accessToken);
    showProfile(user);
    loginButton.hidden = true;
    logoutButton.hidden = false;
    // `silent`: the session kept from an earlier visit, restored without a new code.
    message.textContent = event.detail.silent
      ? `Welcome back, ${user.email}: still logged in.`
      : `Logged in as ${user.email}.`;
  } catch (error) {
    message.textContent = `Logged in, but the profile could not be read: ${String(error)}`;
  }
});

logoutButton.addEventListener('click', async () => {
  // Revokes the refresh tokens at the server and forgets them, so a reload stays logged out.
  await lock.endSession();
  document.querySelector<HTMLElement>('#profile')!.hidden = true;
  logoutButton.hidden = true;
  loginButton.hidden = false;
  message.textContent = 'You are logged out.';
  loginButton.focus();
});
