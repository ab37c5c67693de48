import type { ServerText } from './server-text.js';

const is: ServerText = {
  email: {
    codeSubject: 'Staðfestingarkóðinn þinn fyrir {app}',
    linkSubject: 'Skráðu þig inn á {app}',
    codeIntro: 'Staðfestingarkóðinn þinn fyrir {app} er:',
    codeUse:
      'Sláðu hann inn þar sem þú baðst um hann. Hann virkar einu sinni og rennur út eftir {minutes}.',
    linkIntro: 'Skráðu þig inn á {app} með þessum tengli:',
    linkButton: 'Skrá inn',
    linkCode: 'Eða sláðu inn þennan kóða:',
    linkUse: 'Tengillinn virkar einu sinni og rennur út eftir {minutes}.',
    ignore: 'Ef þú baðst ekki um þetta geturðu hunsað þennan tölvupóst.',
  },
  confirm: {
    heading: 'Skráðu þig inn á {app}',
    intro: 'Ýttu á hnappinn til að ljúka innskráningunni.',
    button: 'Skrá inn',
    notYou: 'Ef þú baðst ekki um að skrá þig inn geturðu lokað þessari síðu.',
    refusedHeading: 'Ekki er hægt að nota þessa innskráningarsíðu',
    refusedText:
      'Hún er útrunnin, hefur þegar verið notuð eða var send frá öðru vefsvæði. Opnaðu tengilinn í tölvupóstinum aftur eða biddu um nýjan.',
  },
};

export default is;
