import type { ServerText } from './server-text.js';

const af: ServerText = {
  email: {
    codeSubject: 'Jou verifikasiekode vir {app}',
    linkSubject: 'Meld aan by {app}',
    codeIntro: 'Jou verifikasiekode vir {app} is:',
    codeUse: 'Tik dit in waar jy dit aangevra het. Dit werk een keer en verval oor {minutes}.',
    linkIntro: 'Meld met hierdie skakel by {app} aan:',
    linkButton: 'Meld aan',
    linkCode: 'Of tik hierdie kode in:',
    linkUse: 'Die skakel werk een keer en verval oor {minutes}.',
    ignore: 'As jy dit nie aangevra het nie, kan jy hierdie e-pos ignoreer.',
  },
  confirm: {
    heading: 'Meld aan by {app}',
    intro: 'Druk die knoppie om klaar aan te meld.',
    button: 'Meld aan',
    notYou: 'As jy nie gevra het om aan te meld nie, kan jy hierdie bladsy toemaak.',
    refusedHeading: 'Hierdie aanmeldbladsy kan nie gebruik word nie',
    refusedText:
      'Dit het verval, is reeds gebruik of is van ’n ander webwerf gestuur. Maak die skakel in die e-pos weer oop, of vra ’n nuwe een aan.',
  },
};

export default af;
