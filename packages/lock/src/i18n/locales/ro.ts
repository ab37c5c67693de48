import type { LocaleStrings } from './en.js';

const ro: LocaleStrings = {
  heading: 'Conectare',
  close: 'Închideți',
  language: 'Limbă',
  email: {
    label: 'E-mail',
    instructions:
      'Introduceți adresa de e-mail și vă vom trimite un cod de unică folosință. Nu aveți nevoie de parolă.',
    instructionsLink: 'Introduceți adresa de e-mail și vă vom trimite un link de conectare.',
    submit: 'Trimiteți codul',
    submitLink: 'Trimiteți linkul',
    terms: 'Accept condițiile de utilizare',
  },
  code: {
    sent: 'Am trimis un cod la {{email}}.',
    resent: 'Am trimis un cod nou la {{email}}.',
    label: 'Cod de verificare',
    hint: 'Codul de {{length}} cifre din e-mail.',
    submit: 'Continuați',
    changeEmail: 'Folosiți altă adresă de e-mail',
    resend: 'Trimiteți un cod nou',
    resendIn_one: 'Puteți cere un cod nou peste {{count}} secundă.',
    resendIn_few: 'Puteți cere un cod nou peste {{count}} secunde.',
    resendIn_other: 'Puteți cere un cod nou peste {{count}} de secunde.',
    expiresIn: 'Codul expiră în {{time}}.',
    expired: 'Codul a expirat. Cereți unul nou.',
  },
  link: {
    sent: 'Am trimis un link la {{email}}.',
    instructions: 'Deschideți linkul din e-mail pe acest dispozitiv pentru a finaliza conectarea.',
    resend: 'Trimiteți un link nou',
    enterCode: 'Introduceți codul din e-mail',
  },
  status: {
    sending: 'Se trimite…',
    checking: 'Se verifică…',
  },
  done: 'V-ați conectat.',
  errors: {
    wrong_code: 'Codul este greșit sau a expirat. Verificați-l și încercați din nou.',
    wrong_code_left_one: 'Codul este greșit. Mai aveți {{count}} încercare.',
    wrong_code_left_few: 'Codul este greșit. Mai aveți {{count}} încercări.',
    wrong_code_left_other: 'Codul este greșit. Mai aveți {{count}} de încercări.',
    attempts_used: 'Codul este greșit și a fost ultima încercare. Cereți un cod nou.',
    too_many_attempts:
      'Prea multe coduri greșite. Așteptați câteva minute, apoi cereți un cod nou.',
    rate_limited: 'Prea multe solicitări. Așteptați puțin și încercați din nou.',
    rate_limited_wait_one: 'Prea multe solicitări. Încercați din nou peste {{count}} secundă.',
    rate_limited_wait_few: 'Prea multe solicitări. Încercați din nou peste {{count}} secunde.',
    rate_limited_wait_other: 'Prea multe solicitări. Încercați din nou peste {{count}} de secunde.',
    bad_email: 'Introduceți o adresă de e-mail validă.',
    code_required: 'Introduceți codul din e-mail.',
    terms_required: 'Acceptați condițiile de utilizare pentru a continua.',
    origin_not_allowed: 'Acest site nu are permisiunea de a se conecta la această aplicație.',
    network: 'Serverul nu poate fi contactat. Verificați conexiunea și încercați din nou.',
    timeout: 'Serverul nu a răspuns la timp. Încercați din nou.',
    code_expired: 'Acest cod a expirat. Cereți unul nou.',
    invalid_token: 'Conectarea nu a putut fi verificată. Încercați din nou.',
    invalid_state:
      'Această conectare a fost începută în altă parte sau a fost deja folosită. Începeți din nou.',
    server: 'A apărut o eroare la noi. Încercați din nou mai târziu.',
  },
};

export default ro;
