import type { ServerText } from './server-text.js';

const nb: ServerText = {
  email: {
    codeSubject: 'Bekreftelseskoden din for {app}',
    linkSubject: 'Logg inn på {app}',
    codeIntro: 'Bekreftelseskoden din for {app} er:',
    codeUse: 'Skriv den inn der du ba om den. Den virker én gang og utløper om {minutes}.',
    linkIntro: 'Logg inn på {app} med denne lenken:',
    linkButton: 'Logg inn',
    linkCode: 'Eller skriv inn denne koden:',
    linkUse: 'Lenken virker én gang og utløper om {minutes}.',
    ignore: 'Hvis du ikke har bedt om dette, kan du se bort fra denne e-posten.',
  },
  confirm: {
    heading: 'Logg inn på {app}',
    intro: 'Trykk på knappen for å fullføre innloggingen.',
    button: 'Logg inn',
    notYou: 'Hvis du ikke har bedt om å logge inn, kan du lukke denne siden.',
    refusedHeading: 'Denne innloggingssiden kan ikke brukes',
    refusedText:
      'Den har utløpt, er allerede brukt eller ble sendt fra et annet nettsted. Åpne lenken i e-posten på nytt, eller be om en ny.',
  },
};

export default nb;
