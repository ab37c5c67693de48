import type { LocaleStrings } from './en.js';

const nn: LocaleStrings = {
  heading: 'Logg inn',
  close: 'Lukk',
  language: 'Språk',
  email: {
    label: 'E-post',
    instructions:
      'Skriv inn e-postadressa di, så sender vi deg ein eingongskode. Du treng ikkje passord.',
    instructionsLink: 'Skriv inn e-postadressa di, så sender vi deg ei lenkje for å logge inn.',
    submit: 'Send kode',
    submitLink: 'Send lenkje',
    terms: 'Eg godtek tenestevilkåra',
  },
  code: {
    sent: 'Vi har sendt ein kode til {{email}}.',
    resent: 'Vi har sendt ein ny kode til {{email}}.',
    label: 'Stadfestingskode',
    hint: 'Den {{length}}-sifra koden frå e-posten.',
    submit: 'Hald fram',
    changeEmail: 'Bruk ei anna e-postadresse',
    resend: 'Send ein ny kode',
    resendIn_one: 'Du kan be om ein ny kode om {{count}} sekund.',
    resendIn_other: 'Du kan be om ein ny kode om {{count}} sekund.',
    expiresIn: 'Koden går ut om {{time}}.',
    expired: 'Koden har gått ut. Be om ein ny.',
  },
  link: {
    sent: 'Vi har sendt ei lenkje til {{email}}.',
    instructions: 'Opne lenkja i e-posten på denne eininga for å fullføre innlogginga.',
    resend: 'Send ei ny lenkje',
    enterCode: 'Skriv inn koden i staden',
  },
  status: {
    sending: 'Sender…',
    checking: 'Kontrollerer…',
  },
  done: 'Du er logga inn.',
  errors: {
    wrong_code: 'Koden er feil eller har gått ut. Sjekk han og prøv igjen.',
    wrong_code_left_one: 'Koden er feil. Du har {{count}} forsøk att.',
    wrong_code_left_other: 'Koden er feil. Du har {{count}} forsøk att.',
    attempts_used: 'Koden er feil, og det var siste forsøket. Be om ein ny kode.',
    too_many_attempts: 'For mange feil kodar. Vent nokre minutt, og be så om ein ny kode.',
    rate_limited: 'For mange førespurnader. Vent litt og prøv igjen.',
    rate_limited_wait_one: 'For mange førespurnader. Prøv igjen om {{count}} sekund.',
    rate_limited_wait_other: 'For mange førespurnader. Prøv igjen om {{count}} sekund.',
    bad_email: 'Skriv inn ei gyldig e-postadresse.',
    code_required: 'Skriv inn koden frå e-posten.',
    terms_required: 'Godta tenestevilkåra for å halde fram.',
    origin_not_allowed: 'Denne nettstaden har ikkje løyve til å logge inn i denne appen.',
    network: 'Får ikkje kontakt med tenaren. Sjekk tilkoplinga og prøv igjen.',
    timeout: 'Tenaren brukte for lang tid på å svare. Prøv igjen.',
    code_expired: 'Koden har gått ut. Be om ein ny.',
    invalid_token: 'Innlogginga kunne ikkje stadfestast. Prøv igjen.',
    invalid_state:
      'Denne innlogginga vart starta ein annan stad eller er allereie brukt. Start på nytt.',
    server: 'Noko gjekk gale hos oss. Prøv igjen seinare.',
  },
};

export default nn;
