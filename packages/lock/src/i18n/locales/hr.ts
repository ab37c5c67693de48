import type { LocaleStrings } from './en.js';

const hr: LocaleStrings = {
  heading: 'Prijava',
  close: 'Zatvori',
  language: 'Jezik',
  email: {
    label: 'E-pošta',
    instructions:
      'Unesite adresu e-pošte i poslat ćemo vam jednokratni kôd. Lozinka nije potrebna.',
    instructionsLink: 'Unesite adresu e-pošte i poslat ćemo vam poveznicu za prijavu.',
    submit: 'Pošalji kôd',
    submitLink: 'Pošalji poveznicu',
    terms: 'Prihvaćam uvjete korištenja',
  },
  code: {
    sent: 'Poslali smo kôd na {{email}}.',
    resent: 'Poslali smo novi kôd na {{email}}.',
    label: 'Kôd za potvrdu',
    hint: '{{length}}-znamenkasti kôd iz e-pošte.',
    submit: 'Nastavi',
    changeEmail: 'Upotrijebi drugu adresu e-pošte',
    resend: 'Pošalji novi kôd',
    resendIn_one: 'Novi kôd možete zatražiti za {{count}} sekundu.',
    resendIn_few: 'Novi kôd možete zatražiti za {{count}} sekunde.',
    resendIn_other: 'Novi kôd možete zatražiti za {{count}} sekundi.',
    expiresIn: 'Vrijeme do isteka koda: {{time}}.',
    expired: 'Kôd je istekao. Zatražite novi.',
  },
  link: {
    sent: 'Poslali smo poveznicu na {{email}}.',
    instructions: 'Otvorite poveznicu iz e-pošte na ovom uređaju kako biste dovršili prijavu.',
    resend: 'Pošalji novu poveznicu',
    enterCode: 'Unesi kôd iz e-pošte',
  },
  status: {
    sending: 'Slanje…',
    checking: 'Provjera…',
  },
  done: 'Prijavljeni ste.',
  errors: {
    wrong_code: 'Kôd je pogrešan ili je istekao. Provjerite ga i pokušajte ponovno.',
    wrong_code_left_one: 'Kôd je pogrešan. Imate još {{count}} pokušaj.',
    wrong_code_left_few: 'Kôd je pogrešan. Imate još {{count}} pokušaja.',
    wrong_code_left_other: 'Kôd je pogrešan. Imate još {{count}} pokušaja.',
    attempts_used: 'Kôd je pogrešan, a to je bio posljednji pokušaj. Zatražite novi kôd.',
    too_many_attempts:
      'Previše pogrešnih kodova. Pričekajte nekoliko minuta, a zatim zatražite novi kôd.',
    rate_limited: 'Previše zahtjeva. Pričekajte trenutak i pokušajte ponovno.',
    rate_limited_wait_one: 'Previše zahtjeva. Pokušajte ponovno za {{count}} sekundu.',
    rate_limited_wait_few: 'Previše zahtjeva. Pokušajte ponovno za {{count}} sekunde.',
    rate_limited_wait_other: 'Previše zahtjeva. Pokušajte ponovno za {{count}} sekundi.',
    bad_email: 'Unesite valjanu adresu e-pošte.',
    code_required: 'Unesite kôd iz e-pošte.',
    terms_required: 'Prihvatite uvjete korištenja kako biste nastavili.',
    origin_not_allowed: 'Ovom web-mjestu nije dopuštena prijava u ovu aplikaciju.',
    network: 'Poslužitelj nije dostupan. Provjerite vezu i pokušajte ponovno.',
    timeout: 'Poslužitelj nije odgovorio na vrijeme. Pokušajte ponovno.',
    code_expired: 'Ovaj je kôd istekao. Zatražite novi.',
    invalid_token: 'Prijavu nije bilo moguće potvrditi. Pokušajte ponovno.',
    invalid_state:
      'Ova je prijava započeta negdje drugdje ili je već iskorištena. Počnite ispočetka.',
    server: 'Došlo je do pogreške na našoj strani. Pokušajte ponovno poslije.',
  },
};

export default hr;
