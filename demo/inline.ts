import { LockPasswordless } from 'passwordless-lock';
import { addNavigation, addSwitches, domain, showProfile } from './shared.js';

const lock = new LockPasswordless('demo', domain, { container: 'login-box', languageMenu: true });
lock.on('authenticated', ({ accessToken }) => {
  lock.getUserInfo(accessToken, (error, profile) => {
    if (!error && profile) showProfile(profile);
  });
});

addNavigation();
addSwitches(lock.element);
lock.show();
