import { LockPasswordless } from 'passwordless-lock';
import { addNavigation, addSwitches, domain, showProfile } from './shared.js';

// The link comes back to this page (auth.redirectUrl defaults to its origin and path, one of the
// demo tenant's callbacks); the lock then finishes the login by itself (Lock's autoParseHash).
const lock = new LockPasswordless('demo', domain, { passwordlessMethod: 'link' });
const message = document.querySelector('#message')!;
lock.on('authenticated', ({ accessToken }) => {
  lock.getUserInfo(accessToken, (error, profile) => {
    if (error || !profile) return;
    showProfile(profile);
    message.textContent = `Logged in as ${profile.email}.`;
  });
});
lock.on('authorization_error', ({ error, errorDescription }) => {
  message.textContent = `The link did not log you in: ${errorDescription ?? error}`;
});

addNavigation();
addSwitches(lock.element);
document.querySelector('#login')!.addEventListener('click', () => lock.show());
