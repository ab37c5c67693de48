import { userInfo } from '@passwordless-lock/client';
import 'passwordless-lock/define';

const domain = 'http://localhost:3000';
const lock = document.querySelector('passwordless-lock')!;
const loginButton = document.querySelector<HTMLButtonElement>('#login')!;
const logoutButton = document.querySelector<HTMLButtonElement>('#logout')!;
const profile = document.querySelector<HTMLElement>('#profile')!;
const message = document.querySelector<HTMLElement>('#message')!;

loginButton.addEventListener('click', () => lock.show());

lock.addEventListener('authenticated', async (event) => {
  try {
    showProfile(await userInfo(domain, event.detail.accessToken));
  } catch (error) {
    message.textContent = `Logged in, but the profile could not be read: ${String(error)}`;
  }
});

logoutButton.addEventListener('click', () => {
  profile.hidden = true;
  logoutButton.hidden = true;
  loginButton.hidden = false;
  message.textContent = 'You are logged out.';
  loginButton.focus();
});

function showProfile(user: { name?: string; email?: string; picture?: string }): void {
  document.querySelector<HTMLImageElement>('#profile-picture')!.src = user.picture ?? '';
  document.querySelector('#profile-name')!.textContent = user.name ?? '';
  document.querySelector('#profile-email')!.textContent = user.email ?? '';
  profile.hidden = false;
  loginButton.hidden = true;
  logoutButton.hidden = false;
  message.textContent = `Logged in as ${user.email}.`;
}
