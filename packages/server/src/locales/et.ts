import type { ServerText } from './server-text.js';

const et: ServerText = {
  email: {
    codeSubject: '{app}: sinu kinnituskood',
    linkSubject: 'Logi sisse rakendusse {app}',
    codeIntro: 'Sinu rakenduse {app} kinnituskood on:',
    codeUse:
      'Sisesta see sinna, kus seda küsisid. Koodi saab kasutada ühe korra ja see kehtib {minutes}.',
    linkIntro: 'Logi rakendusse {app} sisse selle lingiga:',
    linkButton: 'Logi sisse',
    linkCode: 'Või sisesta see kood:',
    linkUse: 'Linki saab kasutada ühe korra ja see kehtib {minutes}.',
    ignore: 'Kui sa seda ei küsinud, võid selle e-kirja tähelepanuta jätta.',
  },
  confirm: {
    heading: 'Logi sisse rakendusse {app}',
    intro: 'Sisselogimise lõpetamiseks vajuta nuppu.',
    button: 'Logi sisse',
    notYou: 'Kui sa ei soovinud sisse logida, võid selle lehe sulgeda.',
    refusedHeading: 'Seda sisselogimislehte ei saa kasutada',
    refusedText:
      'Link on aegunud, juba kasutatud või saadetud teiselt saidilt. Ava e-kirjas olev link uuesti või küsi uus.',
  },
};

export default et;
