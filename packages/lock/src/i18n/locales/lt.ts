import type { LocaleStrings } from './en.js';

const lt: LocaleStrings = {
  heading: 'Prisijungimas',
  close: 'Uždaryti',
  language: 'Kalba',
  email: {
    label: 'El. paštas',
    instructions:
      'Įveskite el. pašto adresą ir atsiųsime jums vienkartinį kodą. Slaptažodžio nereikia.',
    instructionsLink: 'Įveskite el. pašto adresą ir atsiųsime jums nuorodą prisijungti.',
    submit: 'Siųsti kodą',
    submitLink: 'Siųsti nuorodą',
    terms: 'Sutinku su paslaugų teikimo sąlygomis',
  },
  code: {
    sent: 'Išsiuntėme kodą adresu {{email}}.',
    resent: 'Išsiuntėme naują kodą adresu {{email}}.',
    label: 'Patvirtinimo kodas',
    hint: '{{length}} skaitmenų kodas iš el. laiško.',
    submit: 'Tęsti',
    changeEmail: 'Naudoti kitą el. pašto adresą',
    resend: 'Siųsti naują kodą',
    resendIn_one: 'Naujo kodo galėsite paprašyti po {{count}} sekundės.',
    resendIn_few: 'Naujo kodo galėsite paprašyti po {{count}} sekundžių.',
    resendIn_many: 'Naujo kodo galėsite paprašyti po {{count}} sekundės.',
    resendIn_other: 'Naujo kodo galėsite paprašyti po {{count}} sekundžių.',
    expiresIn: 'Iki kodo galiojimo pabaigos: {{time}}.',
    expired: 'Kodo galiojimas baigėsi. Paprašykite naujo.',
  },
  link: {
    sent: 'Išsiuntėme nuorodą adresu {{email}}.',
    instructions:
      'Norėdami baigti prisijungti, šiame įrenginyje atidarykite nuorodą iš el. laiško.',
    resend: 'Siųsti naują nuorodą',
    enterCode: 'Geriau įvesti kodą',
  },
  status: {
    sending: 'Siunčiama…',
    checking: 'Tikrinama…',
  },
  done: 'Prisijungėte.',
  errors: {
    wrong_code: 'Kodas neteisingas arba nebegalioja. Patikrinkite jį ir bandykite dar kartą.',
    wrong_code_left_one: 'Kodas neteisingas. Liko {{count}} bandymas.',
    wrong_code_left_few: 'Kodas neteisingas. Liko {{count}} bandymai.',
    wrong_code_left_many: 'Kodas neteisingas. Liko {{count}} bandymo.',
    wrong_code_left_other: 'Kodas neteisingas. Liko {{count}} bandymų.',
    attempts_used: 'Kodas neteisingas, ir tai buvo paskutinis bandymas. Paprašykite naujo kodo.',
    too_many_attempts:
      'Per daug neteisingų kodų. Palaukite kelias minutes ir paprašykite naujo kodo.',
    rate_limited: 'Per daug užklausų. Šiek tiek palaukite ir bandykite dar kartą.',
    rate_limited_wait_one: 'Per daug užklausų. Bandykite dar kartą po {{count}} sekundės.',
    rate_limited_wait_few: 'Per daug užklausų. Bandykite dar kartą po {{count}} sekundžių.',
    rate_limited_wait_many: 'Per daug užklausų. Bandykite dar kartą po {{count}} sekundės.',
    rate_limited_wait_other: 'Per daug užklausų. Bandykite dar kartą po {{count}} sekundžių.',
    bad_email: 'Įveskite galiojantį el. pašto adresą.',
    code_required: 'Įveskite kodą iš el. laiško.',
    terms_required: 'Norėdami tęsti, sutikite su paslaugų teikimo sąlygomis.',
    origin_not_allowed: 'Šiai svetainei neleidžiama prisijungti prie šios programos.',
    network: 'Nepavyksta pasiekti serverio. Patikrinkite ryšį ir bandykite dar kartą.',
    timeout: 'Serveris per ilgai neatsakė. Bandykite dar kartą.',
    code_expired: 'Šis kodas nebegalioja. Paprašykite naujo.',
    invalid_token: 'Nepavyko patvirtinti prisijungimo. Bandykite dar kartą.',
    invalid_state: 'Šis prisijungimas pradėtas kitur arba jau panaudotas. Pradėkite iš naujo.',
    server: 'Mūsų pusėje įvyko klaida. Bandykite vėliau.',
  },
};

export default lt;
