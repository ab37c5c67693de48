import type { ServerText } from './server-text.js';

const sw: ServerText = {
  email: {
    codeSubject: 'Msimbo wako wa uthibitishaji wa {app}',
    linkSubject: 'Ingia kwenye {app}',
    codeIntro: 'Msimbo wako wa uthibitishaji wa {app} ni:',
    codeUse:
      'Uweke mahali ulipouomba. Unatumika mara moja tu na muda wake utaisha baada ya {minutes}.',
    linkIntro: 'Ingia kwenye {app} kwa kiungo hiki:',
    linkButton: 'Ingia',
    linkCode: 'Au weka msimbo huu:',
    linkUse: 'Kiungo kinatumika mara moja tu na muda wake utaisha baada ya {minutes}.',
    ignore: 'Ikiwa hukuomba, unaweza kupuuza barua pepe hii.',
  },
  confirm: {
    heading: 'Ingia kwenye {app}',
    intro: 'Bonyeza kitufe ili umalize kuingia.',
    button: 'Ingia',
    notYou: 'Ikiwa hukuomba kuingia, unaweza kufunga ukurasa huu.',
    refusedHeading: 'Ukurasa huu wa kuingia hauwezi kutumika',
    refusedText:
      'Muda wake umeisha, tayari umetumika, au ulitumwa kutoka tovuti nyingine. Fungua tena kiungo kilicho kwenye barua pepe, au uombe kiungo kipya.',
  },
};

export default sw;
