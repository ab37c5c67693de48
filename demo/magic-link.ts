import { LockPasswordless } from 'passwordless-lock';
import { addNavigation, addSwitches, domain } from './shared.js';

const lock = new LockPasswordless('demo', domain, {
  passwordlessMethod: 'link',
  // The demo tenant's registered callback is the site root.
  auth: { redirectUrl: `${location.origin}/` },
});

addNavigation();
addSwitches(document.querySelector('header')!, ({ language, theme }) => {
  lock.element.language = language;
  lock.element.theme = theme;
});
document.querySelector('#login')!.addEventListener('click', () => lock.show());

// Coming back from the link: the tokens are in the fragment. Reading them with id_token
// validation waits for the client's parseCallback (see packages/lock/README.md, "Not yet").
if (location.hash.includes('access_token=')) {
  document.querySelector('#message')!.textContent =
    'Back from the magic link: the tokens are in the address bar fragment.';
}
