import type { ServerText } from './server-text.js';

const en: ServerText = {
  email: {
    codeSubject: 'Your {app} verification code',
    linkSubject: 'Log in to {app}',
    codeIntro: 'Your {app} verification code is:',
    codeUse: 'Enter it where you asked for it. It works once and expires in {minutes}.',
    linkIntro: 'Log in to {app} with this link:',
    linkButton: 'Log in',
    linkCode: 'Or enter this code:',
    linkUse: 'The link works once and expires in {minutes}.',
    ignore: 'If you did not ask for it, you can ignore this email.',
  },
  confirm: {
    heading: 'Log in to {app}',
    intro: 'Press the button to finish logging in.',
    button: 'Log in',
    notYou: 'If you did not ask to log in, you can close this page.',
    refusedHeading: 'This login page cannot be used',
    refusedText:
      'It has expired, was already used, or was sent from another site. Open the link in the email again, or ask for a new one.',
  },
};

export default en;
