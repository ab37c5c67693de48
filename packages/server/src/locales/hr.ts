import type { ServerText } from './server-text.js';

const hr: ServerText = {
  email: {
    codeSubject: '{app}: vaš kôd za potvrdu',
    linkSubject: 'Prijava u {app}',
    codeIntro: 'Vaš kôd za {app} glasi:',
    codeUse:
      'Unesite ga ondje gdje ste ga zatražili. Može se upotrijebiti jednom. Rok valjanosti: {minutes}.',
    linkIntro: 'Prijavite se u {app} putem ove poveznice:',
    linkButton: 'Prijavi se',
    linkCode: 'Ili unesite ovaj kôd:',
    linkUse: 'Poveznica se može upotrijebiti jednom. Rok valjanosti: {minutes}.',
    ignore: 'Ako ga niste zatražili, možete zanemariti ovu poruku e-pošte.',
  },
  confirm: {
    heading: 'Prijava u {app}',
    intro: 'Pritisnite gumb kako biste dovršili prijavu.',
    button: 'Prijavi se',
    notYou: 'Ako niste zatražili prijavu, možete zatvoriti ovu stranicu.',
    refusedHeading: 'Ova stranica za prijavu ne može se upotrijebiti',
    refusedText:
      'Poveznica je istekla, već je iskorištena ili je poslana s drugog web-mjesta. Ponovno otvorite poveznicu iz e-pošte ili zatražite novu.',
  },
};

export default hr;
