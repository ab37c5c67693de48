import type { LocaleStrings } from './en.js';

const af: LocaleStrings = {
  heading: 'Meld aan',
  close: 'Maak toe',
  language: 'Taal',
  email: {
    label: 'E-posadres',
    instructions:
      'Tik jou e-posadres in, dan stuur ons vir jou ’n eenmalige kode. Geen wagwoord nodig nie.',
    instructionsLink: 'Tik jou e-posadres in, dan stuur ons vir jou ’n skakel om aan te meld.',
    submit: 'Stuur kode',
    submitLink: 'Stuur skakel',
    terms: 'Ek aanvaar die diensbepalings',
  },
  code: {
    sent: 'Ons het ’n kode na {{email}} gestuur.',
    resent: 'Ons het ’n nuwe kode na {{email}} gestuur.',
    label: 'Verifikasiekode',
    hint: 'Die kode van {{length}} syfers uit die e-pos.',
    submit: 'Gaan voort',
    changeEmail: 'Gebruik ’n ander e-posadres',
    resend: 'Stuur ’n nuwe kode',
    resendIn_one: 'Jy kan oor {{count}} sekonde ’n nuwe kode aanvra.',
    resendIn_other: 'Jy kan oor {{count}} sekondes ’n nuwe kode aanvra.',
    expiresIn: 'Die kode verval oor {{time}}.',
    expired: 'Die kode het verval. Vra ’n nuwe een aan.',
  },
  link: {
    sent: 'Ons het ’n skakel na {{email}} gestuur.',
    instructions: 'Maak die skakel in die e-pos op hierdie toestel oop om klaar aan te meld.',
    resend: 'Stuur ’n nuwe skakel',
    enterCode: 'Tik eerder die kode in',
  },
  status: {
    sending: 'Stuur tans…',
    checking: 'Kontroleer tans…',
  },
  done: 'Jy is aangemeld.',
  errors: {
    wrong_code: 'Die kode is verkeerd of het verval. Gaan dit na en probeer weer.',
    wrong_code_left_one: 'Die kode is verkeerd. Jy het nog {{count}} poging oor.',
    wrong_code_left_other: 'Die kode is verkeerd. Jy het nog {{count}} pogings oor.',
    attempts_used: 'Die kode is verkeerd, en dit was jou laaste poging. Vra ’n nuwe kode aan.',
    too_many_attempts: 'Te veel verkeerde kodes. Wag ’n paar minute en vra dan ’n nuwe kode aan.',
    rate_limited: 'Te veel versoeke. Wag ’n oomblik en probeer weer.',
    rate_limited_wait_one: 'Te veel versoeke. Probeer weer oor {{count}} sekonde.',
    rate_limited_wait_other: 'Te veel versoeke. Probeer weer oor {{count}} sekondes.',
    bad_email: 'Tik ’n geldige e-posadres in.',
    code_required: 'Tik die kode uit die e-pos in.',
    terms_required: 'Aanvaar die diensbepalings om voort te gaan.',
    origin_not_allowed: 'Hierdie webwerf mag nie by hierdie toepassing aanmeld nie.',
    network: 'Die bediener kan nie bereik word nie. Gaan jou verbinding na en probeer weer.',
    timeout: 'Die bediener het te lank geneem om te antwoord. Probeer weer.',
    code_expired: 'Die kode het verval. Vra ’n nuwe een aan.',
    invalid_token: 'Die aanmelding kon nie geverifieer word nie. Probeer weer.',
    invalid_state:
      'Hierdie aanmelding is elders begin of is reeds gebruik. Begin weer van voor af.',
    server: 'Iets het aan ons kant verkeerd geloop. Probeer later weer.',
  },
};

export default af;
