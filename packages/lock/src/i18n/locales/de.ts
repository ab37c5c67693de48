import type { LocaleStrings } from './en.js';

const de: LocaleStrings = {
  heading: 'Anmelden',
  close: 'Schließen',
  language: 'Sprache',
  email: {
    label: 'E-Mail',
    instructions:
      'Geben Sie Ihre E-Mail-Adresse ein, dann senden wir Ihnen einen Einmalcode. Kein Passwort nötig.',
    instructionsLink: 'Geben Sie Ihre E-Mail-Adresse ein, dann senden wir Ihnen einen Anmeldelink.',
    submit: 'Code senden',
    submitLink: 'Link senden',
    terms: 'Ich akzeptiere die Nutzungsbedingungen',
  },
  code: {
    sent: 'Wir haben einen Code an {{email}} gesendet.',
    resent: 'Wir haben einen neuen Code an {{email}} gesendet.',
    label: 'Bestätigungscode',
    hint: 'Der {{length}}-stellige Code aus der E-Mail.',
    submit: 'Weiter',
    changeEmail: 'Andere E-Mail-Adresse verwenden',
    resend: 'Neuen Code anfordern',
    resendIn_one: 'Einen neuen Code können Sie in {{count}} Sekunde anfordern.',
    resendIn_other: 'Einen neuen Code können Sie in {{count}} Sekunden anfordern.',
    expiresIn: 'Der Code läuft in {{time}} ab.',
    expired: 'Der Code ist abgelaufen. Fordern Sie einen neuen an.',
  },
  link: {
    sent: 'Wir haben einen Link an {{email}} gesendet.',
    instructions:
      'Öffnen Sie den Link aus der E-Mail auf diesem Gerät, um die Anmeldung abzuschließen.',
    resend: 'Neuen Link anfordern',
    enterCode: 'Stattdessen den Code eingeben',
  },
  status: {
    sending: 'Wird gesendet…',
    checking: 'Wird geprüft…',
  },
  done: 'Sie sind angemeldet.',
  errors: {
    wrong_code:
      'Dieser Code ist falsch oder abgelaufen. Prüfen Sie ihn und versuchen Sie es erneut.',
    wrong_code_left_one: 'Dieser Code ist falsch. Sie haben noch {{count}} Versuch.',
    wrong_code_left_other: 'Dieser Code ist falsch. Sie haben noch {{count}} Versuche.',
    attempts_used:
      'Dieser Code ist falsch, und das war der letzte Versuch. Fordern Sie einen neuen Code an.',
    too_many_attempts:
      'Zu viele falsche Codes. Warten Sie einige Minuten und fordern Sie dann einen neuen Code an.',
    rate_limited: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
    rate_limited_wait_one: 'Zu viele Anfragen. Versuchen Sie es in {{count}} Sekunde erneut.',
    rate_limited_wait_other: 'Zu viele Anfragen. Versuchen Sie es in {{count}} Sekunden erneut.',
    bad_email: 'Geben Sie eine gültige E-Mail-Adresse ein.',
    code_required: 'Geben Sie den Code aus der E-Mail ein.',
    terms_required: 'Akzeptieren Sie die Nutzungsbedingungen, um fortzufahren.',
    origin_not_allowed: 'Diese Website darf sich nicht bei dieser Anwendung anmelden.',
    network:
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    timeout: 'Der Server hat zu lange nicht geantwortet. Versuchen Sie es erneut.',
    code_expired: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen an.',
    invalid_token: 'Die Anmeldung konnte nicht überprüft werden. Versuchen Sie es erneut.',
    invalid_state:
      'Diese Anmeldung wurde anderswo begonnen oder schon verwendet. Beginnen Sie von vorn.',
    server: 'Bei uns ist etwas schiefgelaufen. Versuchen Sie es später erneut.',
  },
};

export default de;
