import type { LocaleStrings } from './en.js';

const sv: LocaleStrings = {
  heading: 'Logga in',
  close: 'Stäng',
  language: 'Språk',
  email: {
    label: 'E-post',
    instructions: 'Ange din e-postadress så skickar vi en engångskod. Inget lösenord behövs.',
    instructionsLink: 'Ange din e-postadress så skickar vi en länk för att logga in.',
    submit: 'Skicka kod',
    submitLink: 'Skicka länk',
    terms: 'Jag godkänner användarvillkoren',
  },
  code: {
    sent: 'Vi har skickat en kod till {{email}}.',
    resent: 'Vi har skickat en ny kod till {{email}}.',
    label: 'Verifieringskod',
    hint: 'Koden med {{length}} siffror från e-postmeddelandet.',
    submit: 'Fortsätt',
    changeEmail: 'Använd en annan e-postadress',
    resend: 'Skicka en ny kod',
    resendIn_one: 'Du kan begära en ny kod om {{count}} sekund.',
    resendIn_other: 'Du kan begära en ny kod om {{count}} sekunder.',
    expiresIn: 'Koden går ut om {{time}}.',
    expired: 'Koden har gått ut. Begär en ny.',
  },
  link: {
    sent: 'Vi har skickat en länk till {{email}}.',
    instructions:
      'Öppna länken i e-postmeddelandet på den här enheten för att slutföra inloggningen.',
    resend: 'Skicka en ny länk',
    enterCode: 'Ange koden i stället',
  },
  status: {
    sending: 'Skickar…',
    checking: 'Kontrollerar…',
  },
  done: 'Du är inloggad.',
  errors: {
    wrong_code: 'Koden är fel eller har gått ut. Kontrollera den och försök igen.',
    wrong_code_left_one: 'Koden är fel. Du har {{count}} försök kvar.',
    wrong_code_left_other: 'Koden är fel. Du har {{count}} försök kvar.',
    attempts_used: 'Koden är fel, och det var ditt sista försök. Begär en ny kod.',
    too_many_attempts: 'För många felaktiga koder. Vänta några minuter och begär sedan en ny kod.',
    rate_limited: 'För många förfrågningar. Vänta en stund och försök igen.',
    rate_limited_wait_one: 'För många förfrågningar. Försök igen om {{count}} sekund.',
    rate_limited_wait_other: 'För många förfrågningar. Försök igen om {{count}} sekunder.',
    bad_email: 'Ange en giltig e-postadress.',
    code_required: 'Ange koden från e-postmeddelandet.',
    terms_required: 'Godkänn användarvillkoren för att fortsätta.',
    origin_not_allowed: 'Den här webbplatsen får inte logga in i den här appen.',
    network: 'Det går inte att nå servern. Kontrollera anslutningen och försök igen.',
    timeout: 'Servern tog för lång tid att svara. Försök igen.',
    code_expired: 'Koden har gått ut. Begär en ny.',
    invalid_token: 'Inloggningen kunde inte verifieras. Försök igen.',
    invalid_state:
      'Den här inloggningen påbörjades någon annanstans eller har redan använts. Börja om.',
    server: 'Något gick fel hos oss. Försök igen senare.',
  },
};

export default sv;
