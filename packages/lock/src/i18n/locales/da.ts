import type { LocaleStrings } from './en.js';

const da: LocaleStrings = {
  heading: 'Log ind',
  close: 'Luk',
  language: 'Sprog',
  email: {
    label: 'E-mail',
    instructions:
      'Indtast din e-mailadresse, så sender vi dig en engangskode. Du behøver ingen adgangskode.',
    instructionsLink: 'Indtast din e-mailadresse, så sender vi dig et link til at logge ind.',
    submit: 'Send kode',
    submitLink: 'Send link',
    terms: 'Jeg accepterer servicevilkårene',
  },
  code: {
    sent: 'Vi har sendt en kode til {{email}}.',
    resent: 'Vi har sendt en ny kode til {{email}}.',
    label: 'Bekræftelseskode',
    hint: 'Den {{length}}-cifrede kode fra e-mailen.',
    submit: 'Fortsæt',
    changeEmail: 'Brug en anden e-mailadresse',
    resend: 'Send en ny kode',
    resendIn_one: 'Du kan bede om en ny kode om {{count}} sekund.',
    resendIn_other: 'Du kan bede om en ny kode om {{count}} sekunder.',
    expiresIn: 'Koden udløber om {{time}}.',
    expired: 'Koden er udløbet. Bed om en ny.',
  },
  link: {
    sent: 'Vi har sendt et link til {{email}}.',
    instructions: 'Åbn linket i e-mailen på denne enhed for at gøre dit login færdigt.',
    resend: 'Send et nyt link',
    enterCode: 'Indtast koden i stedet',
  },
  status: {
    sending: 'Sender…',
    checking: 'Kontrollerer…',
  },
  done: 'Du er logget ind.',
  errors: {
    wrong_code: 'Koden er forkert eller udløbet. Tjek den, og prøv igen.',
    wrong_code_left_one: 'Koden er forkert. Du har {{count}} forsøg tilbage.',
    wrong_code_left_other: 'Koden er forkert. Du har {{count}} forsøg tilbage.',
    attempts_used: 'Koden er forkert, og det var dit sidste forsøg. Bed om en ny kode.',
    too_many_attempts: 'For mange forkerte koder. Vent et par minutter, og bed så om en ny kode.',
    rate_limited: 'For mange forespørgsler. Vent et øjeblik, og prøv igen.',
    rate_limited_wait_one: 'For mange forespørgsler. Prøv igen om {{count}} sekund.',
    rate_limited_wait_other: 'For mange forespørgsler. Prøv igen om {{count}} sekunder.',
    bad_email: 'Indtast en gyldig e-mailadresse.',
    code_required: 'Indtast koden fra e-mailen.',
    terms_required: 'Accepter servicevilkårene for at fortsætte.',
    origin_not_allowed: 'Dette websted har ikke tilladelse til at logge ind i denne app.',
    network: 'Serveren kan ikke nås. Tjek din forbindelse, og prøv igen.',
    timeout: 'Serveren var for længe om at svare. Prøv igen.',
    code_expired: 'Koden er udløbet. Bed om en ny.',
    invalid_token: 'Dit login kunne ikke bekræftes. Prøv igen.',
    invalid_state: 'Dette login blev startet et andet sted eller er allerede brugt. Start forfra.',
    server: 'Der gik noget galt hos os. Prøv igen senere.',
  },
};

export default da;
