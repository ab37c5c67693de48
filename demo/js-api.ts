import { LockPasswordless } from 'passwordless-lock';
import { addNavigation, addSwitches, domain, showProfile } from './shared.js';

// The seed's snippet, as a user of Auth0 Lock would write it.
const lock = new LockPasswordless('demo', domain, {
  autoclose: true,
  theme: { primaryColor: '#00695c' },
});
lock.on('authenticated', ({ accessToken }) => {
  lock.getUserInfo(accessToken, (error, profile) => {
    if (error || !profile) return;
    showProfile(profile);
    document.querySelector('#message')!.textContent = `Logged in as ${profile.email}.`;
  });
});

addNavigation();
addSwitches(lock.element);
document.querySelector('#login')!.addEventListener('click', () => lock.show());
