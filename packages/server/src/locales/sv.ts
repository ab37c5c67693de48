import type { ServerText } from './server-text.js';

const sv: ServerText = {
  email: {
    codeSubject: 'Din verifieringskod för {app}',
    linkSubject: 'Logga in på {app}',
    codeIntro: 'Din verifieringskod för {app} är:',
    codeUse: 'Ange den där du begärde den. Den fungerar en gång och går ut om {minutes}.',
    linkIntro: 'Logga in på {app} med den här länken:',
    linkButton: 'Logga in',
    linkCode: 'Eller ange den här koden:',
    linkUse: 'Länken fungerar en gång och går ut om {minutes}.',
    ignore: 'Om du inte har begärt detta kan du bortse från det här e-postmeddelandet.',
  },
  confirm: {
    heading: 'Logga in på {app}',
    intro: 'Tryck på knappen för att slutföra inloggningen.',
    button: 'Logga in',
    notYou: 'Om du inte har bett om att logga in kan du stänga den här sidan.',
    refusedHeading: 'Den här inloggningssidan kan inte användas',
    refusedText:
      'Den har gått ut, har redan använts eller skickades från en annan webbplats. Öppna länken i e-postmeddelandet igen eller begär en ny.',
  },
};

export default sv;
