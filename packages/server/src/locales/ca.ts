import type { ServerText } from './server-text.js';

const ca: ServerText = {
  email: {
    codeSubject: 'El vostre codi de verificació per a {app}',
    linkSubject: 'Inicieu la sessió a {app}',
    codeIntro: 'El vostre codi de verificació per a {app} és:',
    codeUse:
      'Introduïu-lo allà on l’heu demanat. Només funciona una vegada i caduca d’aquí a {minutes}.',
    linkIntro: 'Inicieu la sessió a {app} amb aquest enllaç:',
    linkButton: 'Inicia la sessió',
    linkCode: 'O introduïu aquest codi:',
    linkUse: 'L’enllaç només funciona una vegada i caduca d’aquí a {minutes}.',
    ignore: 'Si no ho heu demanat, podeu ignorar aquest correu.',
  },
  confirm: {
    heading: 'Inicieu la sessió a {app}',
    intro: 'Premeu el botó per acabar d’iniciar la sessió.',
    button: 'Inicia la sessió',
    notYou: 'Si no heu demanat iniciar la sessió, podeu tancar aquesta pàgina.',
    refusedHeading: 'Aquesta pàgina d’inici de sessió no es pot utilitzar',
    refusedText:
      'Ha caducat, ja s’ha utilitzat o s’ha enviat des d’un altre lloc. Torneu a obrir l’enllaç del correu o demaneu-ne un de nou.',
  },
};

export default ca;
