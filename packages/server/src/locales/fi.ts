import type { ServerText } from './server-text.js';

const fi: ServerText = {
  email: {
    codeSubject: 'Vahvistuskoodisi palveluun {app}',
    linkSubject: 'Kirjaudu palveluun {app}',
    codeIntro: 'Vahvistuskoodisi palveluun {app} on:',
    codeUse: 'Kirjoita se kohtaan, jossa pyysit sitä. Se toimii kerran ja on voimassa {minutes}.',
    linkIntro: 'Kirjaudu palveluun {app} tällä linkillä:',
    linkButton: 'Kirjaudu sisään',
    linkCode: 'Tai anna tämä koodi:',
    linkUse: 'Linkki toimii kerran ja on voimassa {minutes}.',
    ignore: 'Jos et pyytänyt tätä, voit jättää tämän sähköpostin huomiotta.',
  },
  confirm: {
    heading: 'Kirjaudu palveluun {app}',
    intro: 'Viimeistele kirjautuminen painamalla painiketta.',
    button: 'Kirjaudu sisään',
    notYou: 'Jos et pyytänyt kirjautumista, voit sulkea tämän sivun.',
    refusedHeading: 'Tätä kirjautumissivua ei voi käyttää',
    refusedText:
      'Se on vanhentunut, jo käytetty tai lähetetty toiselta sivustolta. Avaa sähköpostissa oleva linkki uudelleen tai pyydä uusi.',
  },
};

export default fi;
