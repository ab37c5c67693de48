import type { ServerText } from './server-text.js';

const da: ServerText = {
  email: {
    codeSubject: 'Din bekræftelseskode til {app}',
    linkSubject: 'Log ind på {app}',
    codeIntro: 'Din bekræftelseskode til {app} er:',
    codeUse: 'Indtast den der, hvor du bad om den. Den virker én gang og udløber om {minutes}.',
    linkIntro: 'Log ind på {app} med dette link:',
    linkButton: 'Log ind',
    linkCode: 'Eller indtast denne kode:',
    linkUse: 'Linket virker én gang og udløber om {minutes}.',
    ignore: 'Hvis du ikke har bedt om dette, kan du se bort fra denne e-mail.',
  },
  confirm: {
    heading: 'Log ind på {app}',
    intro: 'Tryk på knappen for at gøre dit login færdigt.',
    button: 'Log ind',
    notYou: 'Hvis du ikke har bedt om at logge ind, kan du lukke denne side.',
    refusedHeading: 'Denne loginside kan ikke bruges',
    refusedText:
      'Den er udløbet, allerede brugt eller sendt fra et andet websted. Åbn linket i e-mailen igen, eller bed om et nyt.',
  },
};

export default da;
