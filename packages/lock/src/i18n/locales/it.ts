import type { LocaleStrings } from './en.js';

const it: LocaleStrings = {
  heading: 'Accedi',
  close: 'Chiudi',
  language: 'Lingua',
  email: {
    label: 'Email',
    instructions:
      'Inserisci la tua email e ti invieremo un codice monouso. Non serve alcuna password.',
    instructionsLink: 'Inserisci la tua email e ti invieremo un link per accedere.',
    submit: 'Invia codice',
    submitLink: 'Invia link',
    terms: 'Accetto i termini di servizio',
  },
  code: {
    sent: 'Abbiamo inviato un codice a {{email}}.',
    resent: 'Abbiamo inviato un nuovo codice a {{email}}.',
    label: 'Codice di verifica',
    hint: 'Il codice di {{length}} cifre ricevuto via email.',
    submit: 'Continua',
    changeEmail: 'Usa un’altra email',
    resend: 'Invia un nuovo codice',
    resendIn_one: 'Potrai richiedere un nuovo codice tra {{count}} secondo.',
    resendIn_many: 'Potrai richiedere un nuovo codice tra {{count}} di secondi.',
    resendIn_other: 'Potrai richiedere un nuovo codice tra {{count}} secondi.',
    expiresIn: 'Il codice scade tra {{time}}.',
    expired: 'Il codice è scaduto. Richiedine uno nuovo.',
  },
  link: {
    sent: 'Abbiamo inviato un link a {{email}}.',
    instructions: 'Apri il link dell’email su questo dispositivo per completare l’accesso.',
    resend: 'Invia un nuovo link',
    enterCode: 'Inserisci invece il codice',
  },
  status: {
    sending: 'Invio in corso…',
    checking: 'Verifica in corso…',
  },
  done: 'Accesso effettuato.',
  errors: {
    wrong_code: 'Il codice è errato o scaduto. Controllalo e riprova.',
    wrong_code_left_one: 'Il codice è errato. Ti resta {{count}} tentativo.',
    wrong_code_left_many: 'Il codice è errato. Ti restano {{count}} di tentativi.',
    wrong_code_left_other: 'Il codice è errato. Ti restano {{count}} tentativi.',
    attempts_used: 'Il codice è errato ed era l’ultimo tentativo. Richiedi un nuovo codice.',
    too_many_attempts:
      'Troppi codici errati. Attendi qualche minuto, poi richiedi un nuovo codice.',
    rate_limited: 'Troppe richieste. Attendi un momento e riprova.',
    rate_limited_wait_one: 'Troppe richieste. Riprova tra {{count}} secondo.',
    rate_limited_wait_many: 'Troppe richieste. Riprova tra {{count}} di secondi.',
    rate_limited_wait_other: 'Troppe richieste. Riprova tra {{count}} secondi.',
    bad_email: 'Inserisci un indirizzo email valido.',
    code_required: 'Inserisci il codice ricevuto via email.',
    terms_required: 'Accetta i termini di servizio per continuare.',
    origin_not_allowed: 'Questo sito web non è autorizzato ad accedere a questa applicazione.',
    network: 'Impossibile raggiungere il server. Controlla la connessione e riprova.',
    timeout: 'Il server ha impiegato troppo tempo a rispondere. Riprova.',
    code_expired: 'Il codice è scaduto. Richiedine uno nuovo.',
    invalid_token: 'Non è stato possibile verificare l’accesso. Riprova.',
    invalid_state: 'Questo accesso è stato avviato altrove o è già stato usato. Ricomincia.',
    server: 'Si è verificato un problema da parte nostra. Riprova più tardi.',
  },
};

export default it;
