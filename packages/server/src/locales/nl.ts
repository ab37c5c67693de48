import type { ServerText } from './server-text.js';

const nl: ServerText = {
  email: {
    codeSubject: 'Je verificatiecode voor {app}',
    linkSubject: 'Inloggen bij {app}',
    codeIntro: 'Je verificatiecode voor {app} is:',
    codeUse:
      'Vul hem in waar je hem hebt aangevraagd. Hij werkt één keer en verloopt over {minutes}.',
    linkIntro: 'Log in bij {app} met deze link:',
    linkButton: 'Inloggen',
    linkCode: 'Of vul deze code in:',
    linkUse: 'De link werkt één keer en verloopt over {minutes}.',
    ignore: 'Heb je hier niet om gevraagd? Dan kun je deze e-mail negeren.',
  },
  confirm: {
    heading: 'Inloggen bij {app}',
    intro: 'Druk op de knop om het inloggen af te ronden.',
    button: 'Inloggen',
    notYou: 'Heb je niet gevraagd om in te loggen? Dan kun je deze pagina sluiten.',
    refusedHeading: 'Deze inlogpagina kan niet worden gebruikt',
    refusedText:
      'De pagina is verlopen, al gebruikt of vanaf een andere website verstuurd. Open de link in de e-mail opnieuw of vraag een nieuwe aan.',
  },
};

export default nl;
