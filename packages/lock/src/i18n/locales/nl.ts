import type { LocaleStrings } from './en.js';

const nl: LocaleStrings = {
  heading: 'Inloggen',
  close: 'Sluiten',
  language: 'Taal',
  email: {
    label: 'E-mailadres',
    instructions:
      'Vul je e-mailadres in, dan sturen we je een eenmalige code. Geen wachtwoord nodig.',
    instructionsLink: 'Vul je e-mailadres in, dan sturen we je een link om in te loggen.',
    submit: 'Code versturen',
    submitLink: 'Link versturen',
    terms: 'Ik ga akkoord met de servicevoorwaarden',
  },
  code: {
    sent: 'We hebben een code naar {{email}} gestuurd.',
    resent: 'We hebben een nieuwe code naar {{email}} gestuurd.',
    label: 'Verificatiecode',
    hint: 'De code van {{length}} cijfers uit de e-mail.',
    submit: 'Doorgaan',
    changeEmail: 'Ander e-mailadres gebruiken',
    resend: 'Nieuwe code versturen',
    resendIn_one: 'Je kunt over {{count}} seconde een nieuwe code aanvragen.',
    resendIn_other: 'Je kunt over {{count}} seconden een nieuwe code aanvragen.',
    expiresIn: 'De code verloopt over {{time}}.',
    expired: 'De code is verlopen. Vraag een nieuwe aan.',
  },
  link: {
    sent: 'We hebben een link naar {{email}} gestuurd.',
    instructions: 'Open de link uit de e-mail op dit apparaat om het inloggen af te ronden.',
    resend: 'Nieuwe link versturen',
    enterCode: 'In plaats daarvan de code invullen',
  },
  status: {
    sending: 'Versturen…',
    checking: 'Controleren…',
  },
  done: 'Je bent ingelogd.',
  errors: {
    wrong_code: 'Deze code is onjuist of verlopen. Controleer hem en probeer het opnieuw.',
    wrong_code_left_one: 'Deze code is onjuist. Je hebt nog {{count}} poging.',
    wrong_code_left_other: 'Deze code is onjuist. Je hebt nog {{count}} pogingen.',
    attempts_used: 'Deze code is onjuist en dat was je laatste poging. Vraag een nieuwe code aan.',
    too_many_attempts:
      'Te veel onjuiste codes. Wacht een paar minuten en vraag dan een nieuwe code aan.',
    rate_limited: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
    rate_limited_wait_one: 'Te veel verzoeken. Probeer het over {{count}} seconde opnieuw.',
    rate_limited_wait_other: 'Te veel verzoeken. Probeer het over {{count}} seconden opnieuw.',
    bad_email: 'Vul een geldig e-mailadres in.',
    code_required: 'Vul de code uit de e-mail in.',
    terms_required: 'Ga akkoord met de servicevoorwaarden om door te gaan.',
    origin_not_allowed: 'Deze website mag niet inloggen bij deze app.',
    network: 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
    timeout: 'De server deed er te lang over om te antwoorden. Probeer het opnieuw.',
    code_expired: 'Deze code is verlopen. Vraag een nieuwe aan.',
    invalid_token: 'Het inloggen kon niet worden geverifieerd. Probeer het opnieuw.',
    invalid_state: 'Deze inlogpoging is ergens anders gestart of al gebruikt. Begin opnieuw.',
    server: 'Er ging bij ons iets mis. Probeer het later opnieuw.',
  },
};

export default nl;
