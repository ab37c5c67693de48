import type { LocaleStrings } from './en.js';

const hu: LocaleStrings = {
  heading: 'Bejelentkezés',
  close: 'Bezárás',
  language: 'Nyelv',
  email: {
    label: 'E-mail-cím',
    instructions:
      'Adja meg az e-mail-címét, és küldünk egy egyszer használatos kódot. Nincs szükség jelszóra.',
    instructionsLink: 'Adja meg az e-mail-címét, és küldünk egy bejelentkezési linket.',
    submit: 'Kód küldése',
    submitLink: 'Link küldése',
    terms: 'Elfogadom a szolgáltatási feltételeket',
  },
  code: {
    sent: 'Kódot küldtünk ide: {{email}}.',
    resent: 'Új kódot küldtünk ide: {{email}}.',
    label: 'Ellenőrző kód',
    hint: 'Az e-mailben kapott {{length}} jegyű kód.',
    submit: 'Tovább',
    changeEmail: 'Másik e-mail-cím használata',
    resend: 'Új kód kérése',
    resendIn_one: 'Új kódot {{count}} másodperc múlva kérhet.',
    resendIn_other: 'Új kódot {{count}} másodperc múlva kérhet.',
    expiresIn: 'A kód {{time}} múlva lejár.',
    expired: 'A kód lejárt. Kérjen újat.',
  },
  link: {
    sent: 'Linket küldtünk ide: {{email}}.',
    instructions:
      'A bejelentkezés befejezéséhez nyissa meg az e-mailben kapott linket ezen az eszközön.',
    resend: 'Új link kérése',
    enterCode: 'Inkább beírom a kódot',
  },
  status: {
    sending: 'Küldés…',
    checking: 'Ellenőrzés…',
  },
  done: 'Sikeresen bejelentkezett.',
  errors: {
    wrong_code: 'A kód hibás vagy lejárt. Ellenőrizze, és próbálja újra.',
    wrong_code_left_one: 'A kód hibás. Még {{count}} próbálkozása van.',
    wrong_code_left_other: 'A kód hibás. Még {{count}} próbálkozása van.',
    attempts_used: 'A kód hibás, és ez volt az utolsó próbálkozás. Kérjen új kódot.',
    too_many_attempts: 'Túl sok hibás kód. Várjon néhány percet, majd kérjen új kódot.',
    rate_limited: 'Túl sok kérés. Várjon egy kicsit, és próbálja újra.',
    rate_limited_wait_one: 'Túl sok kérés. Próbálja újra {{count}} másodperc múlva.',
    rate_limited_wait_other: 'Túl sok kérés. Próbálja újra {{count}} másodperc múlva.',
    bad_email: 'Adjon meg egy érvényes e-mail-címet.',
    code_required: 'Írja be az e-mailben kapott kódot.',
    terms_required: 'A folytatáshoz fogadja el a szolgáltatási feltételeket.',
    origin_not_allowed: 'Ez a webhely nem jelentkezhet be ebbe az alkalmazásba.',
    network: 'A szerver nem érhető el. Ellenőrizze a kapcsolatot, és próbálja újra.',
    timeout: 'A szerver nem válaszolt időben. Próbálja újra.',
    code_expired: 'Ez a kód lejárt. Kérjen újat.',
    invalid_token: 'A bejelentkezést nem sikerült ellenőrizni. Próbálja újra.',
    invalid_state: 'Ezt a bejelentkezést máshol kezdték el, vagy már felhasználták. Kezdje újra.',
    server: 'Hiba történt a mi oldalunkon. Próbálja újra később.',
  },
};

export default hu;
