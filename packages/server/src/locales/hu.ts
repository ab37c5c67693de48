import type { ServerText } from './server-text.js';

const hu: ServerText = {
  email: {
    codeSubject: '{app}: az Ön ellenőrző kódja',
    linkSubject: 'Bejelentkezés ide: {app}',
    codeIntro: 'Az Ön ellenőrző kódja ({app}):',
    codeUse: 'Írja be ott, ahol kérte. Egyszer használható, és {minutes} múlva lejár.',
    linkIntro: 'Bejelentkezés ide: {app}. Használja ezt a linket:',
    linkButton: 'Bejelentkezés',
    linkCode: 'Vagy írja be ezt a kódot:',
    linkUse: 'A link egyszer használható, és {minutes} múlva lejár.',
    ignore: 'Ha nem Ön kérte, nyugodtan figyelmen kívül hagyhatja ezt az e-mailt.',
  },
  confirm: {
    heading: 'Bejelentkezés ide: {app}',
    intro: 'A bejelentkezés befejezéséhez nyomja meg a gombot.',
    button: 'Bejelentkezés',
    notYou: 'Ha nem Ön próbált bejelentkezni, bezárhatja ezt az oldalt.',
    refusedHeading: 'Ez a bejelentkezési oldal nem használható',
    refusedText:
      'A link lejárt, már felhasználták, vagy egy másik webhelyről küldték. Nyissa meg újra az e-mailben kapott linket, vagy kérjen újat.',
  },
};

export default hu;
