import type { ServerText } from './server-text.js';

const lv: ServerText = {
  email: {
    codeSubject: 'Jūsu {app} apstiprinājuma kods',
    linkSubject: 'Pieteikšanās lietotnē {app}',
    codeIntro: 'Jūsu {app} apstiprinājuma kods:',
    codeUse: 'Ievadiet to tur, kur to pieprasījāt. Kods ir vienreizējs, derīguma laiks: {minutes}.',
    linkIntro: 'Piesakieties lietotnē {app}, izmantojot šo saiti:',
    linkButton: 'Pieteikties',
    linkCode: 'Vai ievadiet šo kodu:',
    linkUse: 'Saite ir vienreizēja, derīguma laiks: {minutes}.',
    ignore: 'Ja to nepieprasījāt, varat šo e-pastu ignorēt.',
  },
  confirm: {
    heading: 'Pieteikšanās lietotnē {app}',
    intro: 'Lai pabeigtu pieteikšanos, nospiediet pogu.',
    button: 'Pieteikties',
    notYou: 'Ja nemēģinājāt pieteikties, varat aizvērt šo lapu.',
    refusedHeading: 'Šo pieteikšanās lapu nevar izmantot',
    refusedText:
      'Saite vairs nav derīga, jau ir izmantota vai nosūtīta no citas vietnes. Vēlreiz atveriet saiti no e-pasta vai pieprasiet jaunu.',
  },
};

export default lv;
