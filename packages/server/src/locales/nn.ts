import type { ServerText } from './server-text.js';

const nn: ServerText = {
  email: {
    codeSubject: 'Stadfestingskoden din for {app}',
    linkSubject: 'Logg inn på {app}',
    codeIntro: 'Stadfestingskoden din for {app} er:',
    codeUse: 'Skriv han inn der du bad om han. Han verkar éin gong og går ut om {minutes}.',
    linkIntro: 'Logg inn på {app} med denne lenkja:',
    linkButton: 'Logg inn',
    linkCode: 'Eller skriv inn denne koden:',
    linkUse: 'Lenkja verkar éin gong og går ut om {minutes}.',
    ignore: 'Viss du ikkje har bede om dette, kan du sjå bort frå denne e-posten.',
  },
  confirm: {
    heading: 'Logg inn på {app}',
    intro: 'Trykk på knappen for å fullføre innlogginga.',
    button: 'Logg inn',
    notYou: 'Viss du ikkje har bede om å logge inn, kan du lukke denne sida.',
    refusedHeading: 'Denne innloggingssida kan ikkje brukast',
    refusedText:
      'Ho har gått ut, er allereie brukt eller vart sendt frå ein annan nettstad. Opne lenkja i e-posten på nytt, eller be om ei ny.',
  },
};

export default nn;
