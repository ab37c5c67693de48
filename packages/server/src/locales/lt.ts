import type { ServerText } from './server-text.js';

const lt: ServerText = {
  email: {
    codeSubject: 'Jūsų {app} patvirtinimo kodas',
    linkSubject: 'Prisijungimas prie {app}',
    codeIntro: 'Jūsų {app} patvirtinimo kodas:',
    codeUse:
      'Įveskite jį ten, kur jo paprašėte. Kodas vienkartinis, jo galiojimo laikas – {minutes}.',
    linkIntro: 'Prisijunkite prie {app} šia nuoroda:',
    linkButton: 'Prisijungti',
    linkCode: 'Arba įveskite šį kodą:',
    linkUse: 'Nuoroda vienkartinė, jos galiojimo laikas – {minutes}.',
    ignore: 'Jei to neprašėte, šį el. laišką galite ignoruoti.',
  },
  confirm: {
    heading: 'Prisijungimas prie {app}',
    intro: 'Norėdami baigti prisijungti, paspauskite mygtuką.',
    button: 'Prisijungti',
    notYou: 'Jei nenorėjote prisijungti, galite uždaryti šį puslapį.',
    refusedHeading: 'Šio prisijungimo puslapio naudoti negalima',
    refusedText:
      'Nuoroda nebegalioja, jau panaudota arba atsiųsta iš kitos svetainės. Dar kartą atidarykite nuorodą iš el. laiško arba paprašykite naujos.',
  },
};

export default lt;
