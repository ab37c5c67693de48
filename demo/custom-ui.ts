// No widget: a page's own form on the protocol client, as the seed's "use your own UI" path.
import {
  messageKeyOf,
  passwordlessLogin,
  passwordlessStart,
  userInfo,
} from '@passwordless-lock/client';
import { addNavigation, domain, showProfile } from './shared.js';

addNavigation();
const emailForm = document.querySelector<HTMLFormElement>('#email-form')!;
const codeForm = document.querySelector<HTMLFormElement>('#code-form')!;
const email = document.querySelector<HTMLInputElement>('#email')!;
const code = document.querySelector<HTMLInputElement>('#code')!;
const message = document.querySelector<HTMLElement>('#message')!;

emailForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await passwordlessStart(domain, { clientId: 'demo', email: email.value, send: 'code' });
    emailForm.hidden = true;
    codeForm.hidden = false;
    message.textContent = `We sent a code to ${email.value}.`;
    code.focus();
  } catch (error) {
    message.textContent = `Could not send the code (${messageKeyOf(error)}).`;
  }
});

codeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const tokens = await passwordlessLogin(domain, {
      clientId: 'demo',
      email: email.value,
      code: code.value.replace(/\D/g, ''),
    });
    showProfile(await userInfo(domain, tokens.accessToken));
    codeForm.hidden = true;
    message.textContent = `Logged in as ${email.value}.`;
  } catch (error) {
    message.textContent = `That did not work (${messageKeyOf(error)}).`;
  }
});
