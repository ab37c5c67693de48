import type { ServerText } from './server-text.js';

const sl: ServerText = {
  email: {
    codeSubject: 'Vaša potrditvena koda za {app}',
    linkSubject: 'Prijava v {app}',
    codeIntro: 'Vaša potrditvena koda za {app} je:',
    codeUse: 'Vnesite jo tam, kjer ste jo zahtevali. Koda je enkratna, čas veljavnosti: {minutes}.',
    linkIntro: 'Prijavite se v {app} s to povezavo:',
    linkButton: 'Prijava',
    linkCode: 'Ali pa vnesite to kodo:',
    linkUse: 'Povezava je enkratna, čas veljavnosti: {minutes}.',
    ignore: 'Če tega niste zahtevali, lahko to e-poštno sporočilo prezrete.',
  },
  confirm: {
    heading: 'Prijava v {app}',
    intro: 'Za dokončanje prijave pritisnite gumb.',
    button: 'Prijava',
    notYou: 'Če se niste želeli prijaviti, lahko to stran zaprete.',
    refusedHeading: 'Te strani za prijavo ni mogoče uporabiti',
    refusedText:
      'Povezava je potekla, je bila že uporabljena ali pa je bila poslana z drugega spletnega mesta. Znova odprite povezavo iz e-poštnega sporočila ali zahtevajte novo.',
  },
};

export default sl;
