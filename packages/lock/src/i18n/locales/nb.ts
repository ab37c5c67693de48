import type { LocaleStrings } from './en.js';

const nb: LocaleStrings = {
  heading: 'Logg inn',
  close: 'Lukk',
  language: 'Språk',
  email: {
    label: 'E-post',
    instructions:
      'Skriv inn e-postadressen din, så sender vi deg en engangskode. Du trenger ikke passord.',
    instructionsLink: 'Skriv inn e-postadressen din, så sender vi deg en lenke for å logge inn.',
    submit: 'Send kode',
    submitLink: 'Send lenke',
    terms: 'Jeg godtar tjenestevilkårene',
  },
  code: {
    sent: 'Vi har sendt en kode til {{email}}.',
    resent: 'Vi har sendt en ny kode til {{email}}.',
    label: 'Bekreftelseskode',
    hint: 'Den {{length}}-sifrede koden fra e-posten.',
    submit: 'Fortsett',
    changeEmail: 'Bruk en annen e-postadresse',
    resend: 'Send en ny kode',
    resendIn_one: 'Du kan be om en ny kode om {{count}} sekund.',
    resendIn_other: 'Du kan be om en ny kode om {{count}} sekunder.',
    expiresIn: 'Koden utløper om {{time}}.',
    expired: 'Koden har utløpt. Be om en ny.',
  },
  link: {
    sent: 'Vi har sendt en lenke til {{email}}.',
    instructions: 'Åpne lenken i e-posten på denne enheten for å fullføre innloggingen.',
    resend: 'Send en ny lenke',
    enterCode: 'Skriv inn koden i stedet',
  },
  status: {
    sending: 'Sender…',
    checking: 'Kontrollerer…',
  },
  done: 'Du er logget inn.',
  errors: {
    wrong_code: 'Koden er feil eller har utløpt. Sjekk den og prøv igjen.',
    wrong_code_left_one: 'Koden er feil. Du har {{count}} forsøk igjen.',
    wrong_code_left_other: 'Koden er feil. Du har {{count}} forsøk igjen.',
    attempts_used: 'Koden er feil, og det var siste forsøk. Be om en ny kode.',
    too_many_attempts: 'For mange feil koder. Vent noen minutter, og be deretter om en ny kode.',
    rate_limited: 'For mange forespørsler. Vent litt og prøv igjen.',
    rate_limited_wait_one: 'For mange forespørsler. Prøv igjen om {{count}} sekund.',
    rate_limited_wait_other: 'For mange forespørsler. Prøv igjen om {{count}} sekunder.',
    bad_email: 'Skriv inn en gyldig e-postadresse.',
    code_required: 'Skriv inn koden fra e-posten.',
    terms_required: 'Godta tjenestevilkårene for å fortsette.',
    origin_not_allowed: 'Dette nettstedet har ikke lov til å logge inn i denne appen.',
    network: 'Får ikke kontakt med serveren. Sjekk tilkoblingen og prøv igjen.',
    timeout: 'Serveren brukte for lang tid på å svare. Prøv igjen.',
    code_expired: 'Koden har utløpt. Be om en ny.',
    invalid_token: 'Innloggingen kunne ikke bekreftes. Prøv igjen.',
    invalid_state:
      'Denne innloggingen ble startet et annet sted eller er allerede brukt. Start på nytt.',
    server: 'Noe gikk galt hos oss. Prøv igjen senere.',
  },
};

export default nb;
