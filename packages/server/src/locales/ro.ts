import type { ServerText } from './server-text.js';

const ro: ServerText = {
  email: {
    codeSubject: 'Codul dvs. de verificare pentru {app}',
    linkSubject: 'Conectați-vă la {app}',
    codeIntro: 'Codul dvs. de verificare pentru {app} este:',
    codeUse:
      'Introduceți-l acolo unde l-ați cerut. Este valabil o singură dată și expiră în {minutes}.',
    linkIntro: 'Conectați-vă la {app} cu acest link:',
    linkButton: 'Conectați-vă',
    linkCode: 'Sau introduceți acest cod:',
    linkUse: 'Linkul este valabil o singură dată și expiră în {minutes}.',
    ignore: 'Dacă nu ați cerut nimic, puteți ignora acest e-mail.',
  },
  confirm: {
    heading: 'Conectați-vă la {app}',
    intro: 'Apăsați butonul pentru a finaliza conectarea.',
    button: 'Conectați-vă',
    notYou: 'Dacă nu ați cerut să vă conectați, puteți închide această pagină.',
    refusedHeading: 'Această pagină de conectare nu poate fi folosită',
    refusedText:
      'Linkul a expirat, a fost deja folosit sau a fost trimis de pe alt site. Deschideți din nou linkul din e-mail sau cereți unul nou.',
  },
};

export default ro;
