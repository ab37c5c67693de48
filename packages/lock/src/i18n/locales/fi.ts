import type { LocaleStrings } from './en.js';

const fi: LocaleStrings = {
  heading: 'Kirjaudu sisään',
  close: 'Sulje',
  language: 'Kieli',
  email: {
    label: 'Sähköpostiosoite',
    instructions:
      'Anna sähköpostiosoitteesi, niin lähetämme sinulle kertakäyttöisen koodin. Salasanaa ei tarvita.',
    instructionsLink: 'Anna sähköpostiosoitteesi, niin lähetämme sinulle kirjautumislinkin.',
    submit: 'Lähetä koodi',
    submitLink: 'Lähetä linkki',
    terms: 'Hyväksyn käyttöehdot',
  },
  code: {
    sent: 'Lähetimme koodin osoitteeseen {{email}}.',
    resent: 'Lähetimme uuden koodin osoitteeseen {{email}}.',
    label: 'Vahvistuskoodi',
    hint: 'Sähköpostissa saamasi {{length}}-numeroinen koodi.',
    submit: 'Jatka',
    changeEmail: 'Käytä toista sähköpostiosoitetta',
    resend: 'Lähetä uusi koodi',
    resendIn_one: 'Voit pyytää uutta koodia {{count}} sekunnin kuluttua.',
    resendIn_other: 'Voit pyytää uutta koodia {{count}} sekunnin kuluttua.',
    expiresIn: 'Koodi on voimassa vielä {{time}}.',
    expired: 'Koodi on vanhentunut. Pyydä uusi.',
  },
  link: {
    sent: 'Lähetimme linkin osoitteeseen {{email}}.',
    instructions:
      'Viimeistele kirjautuminen avaamalla sähköpostissa oleva linkki tällä laitteella.',
    resend: 'Lähetä uusi linkki',
    enterCode: 'Anna sen sijaan koodi',
  },
  status: {
    sending: 'Lähetetään…',
    checking: 'Tarkistetaan…',
  },
  done: 'Olet kirjautunut sisään.',
  errors: {
    wrong_code: 'Koodi on väärä tai vanhentunut. Tarkista se ja yritä uudelleen.',
    wrong_code_left_one: 'Koodi on väärä. Sinulla on {{count}} yritys jäljellä.',
    wrong_code_left_other: 'Koodi on väärä. Sinulla on {{count}} yritystä jäljellä.',
    attempts_used: 'Koodi on väärä, ja se oli viimeinen yritys. Pyydä uusi koodi.',
    too_many_attempts:
      'Liian monta väärää koodia. Odota muutama minuutti ja pyydä sitten uusi koodi.',
    rate_limited: 'Liian monta pyyntöä. Odota hetki ja yritä uudelleen.',
    rate_limited_wait_one: 'Liian monta pyyntöä. Yritä uudelleen {{count}} sekunnin kuluttua.',
    rate_limited_wait_other: 'Liian monta pyyntöä. Yritä uudelleen {{count}} sekunnin kuluttua.',
    bad_email: 'Anna kelvollinen sähköpostiosoite.',
    code_required: 'Anna sähköpostissa saamasi koodi.',
    terms_required: 'Hyväksy käyttöehdot jatkaaksesi.',
    origin_not_allowed: 'Tämä sivusto ei saa kirjautua tähän sovellukseen.',
    network: 'Palvelimeen ei saada yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
    timeout: 'Palvelin ei vastannut ajoissa. Yritä uudelleen.',
    code_expired: 'Koodi on vanhentunut. Pyydä uusi.',
    invalid_token: 'Kirjautumista ei voitu vahvistaa. Yritä uudelleen.',
    invalid_state: 'Tämä kirjautuminen aloitettiin muualla tai se on jo käytetty. Aloita alusta.',
    server: 'Jokin meni vikaan meidän päässämme. Yritä myöhemmin uudelleen.',
  },
};

export default fi;
