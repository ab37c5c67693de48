import type { ServerText } from './server-text.js';

const it: ServerText = {
  email: {
    codeSubject: 'Il tuo codice di verifica per {app}',
    linkSubject: 'Accedi a {app}',
    codeIntro: 'Il tuo codice di verifica per {app} è:',
    codeUse: 'Inseriscilo dove l’hai richiesto. Funziona una sola volta e scade tra {minutes}.',
    linkIntro: 'Accedi a {app} con questo link:',
    linkButton: 'Accedi',
    linkCode: 'Oppure inserisci questo codice:',
    linkUse: 'Il link funziona una sola volta e scade tra {minutes}.',
    ignore: 'Se non hai fatto tu questa richiesta, puoi ignorare questa email.',
  },
  confirm: {
    heading: 'Accedi a {app}',
    intro: 'Premi il pulsante per completare l’accesso.',
    button: 'Accedi',
    notYou: 'Se non hai chiesto di accedere, puoi chiudere questa pagina.',
    refusedHeading: 'Questa pagina di accesso non può essere usata',
    refusedText:
      'È scaduta, è già stata usata o è stata inviata da un altro sito. Apri di nuovo il link dell’email o richiedine uno nuovo.',
  },
};

export default it;
