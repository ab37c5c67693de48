import type { LocaleStrings } from './en.js';

const ca: LocaleStrings = {
  heading: 'Inicia la sessió',
  close: 'Tanca',
  language: 'Llengua',
  email: {
    label: 'Correu electrònic',
    instructions:
      'Introduïu el vostre correu electrònic i us enviarem un codi d’un sol ús. No cal cap contrasenya.',
    instructionsLink:
      'Introduïu el vostre correu electrònic i us enviarem un enllaç per iniciar la sessió.',
    submit: 'Envia el codi',
    submitLink: 'Envia l’enllaç',
    terms: 'Accepto les condicions del servei',
  },
  code: {
    sent: 'Hem enviat un codi a {{email}}.',
    resent: 'Hem enviat un codi nou a {{email}}.',
    label: 'Codi de verificació',
    hint: 'El codi de {{length}} xifres del correu.',
    submit: 'Continua',
    changeEmail: 'Utilitza un altre correu',
    resend: 'Envia un codi nou',
    resendIn_one: 'Podreu demanar un codi nou d’aquí a {{count}} segon.',
    resendIn_many: 'Podreu demanar un codi nou d’aquí a {{count}} de segons.',
    resendIn_other: 'Podreu demanar un codi nou d’aquí a {{count}} segons.',
    expiresIn: 'El codi caduca d’aquí a {{time}}.',
    expired: 'El codi ha caducat. Demaneu-ne un de nou.',
  },
  link: {
    sent: 'Hem enviat un enllaç a {{email}}.',
    instructions: 'Obriu l’enllaç del correu en aquest dispositiu per acabar d’iniciar la sessió.',
    resend: 'Envia un enllaç nou',
    enterCode: 'Prefereixo introduir el codi',
  },
  status: {
    sending: 'S’està enviant…',
    checking: 'S’està comprovant…',
  },
  done: 'Heu iniciat la sessió.',
  errors: {
    wrong_code: 'El codi no és correcte o ha caducat. Reviseu-lo i torneu-ho a provar.',
    wrong_code_left_one: 'El codi no és correcte. Us queda {{count}} intent.',
    wrong_code_left_many: 'El codi no és correcte. Us queden {{count}} d’intents.',
    wrong_code_left_other: 'El codi no és correcte. Us queden {{count}} intents.',
    attempts_used: 'El codi no és correcte i era l’últim intent. Demaneu un codi nou.',
    too_many_attempts: 'Massa codis incorrectes. Espereu uns minuts i demaneu un codi nou.',
    rate_limited: 'Massa sol·licituds. Espereu un moment i torneu-ho a provar.',
    rate_limited_wait_one: 'Massa sol·licituds. Torneu-ho a provar d’aquí a {{count}} segon.',
    rate_limited_wait_many: 'Massa sol·licituds. Torneu-ho a provar d’aquí a {{count}} de segons.',
    rate_limited_wait_other: 'Massa sol·licituds. Torneu-ho a provar d’aquí a {{count}} segons.',
    bad_email: 'Introduïu una adreça de correu vàlida.',
    code_required: 'Introduïu el codi del correu.',
    terms_required: 'Accepteu les condicions del servei per continuar.',
    origin_not_allowed: 'Aquest lloc web no té permís per iniciar la sessió en aquesta aplicació.',
    network: 'No es pot connectar amb el servidor. Comproveu la connexió i torneu-ho a provar.',
    timeout: 'El servidor ha trigat massa a respondre. Torneu-ho a provar.',
    code_expired: 'El codi ha caducat. Demaneu-ne un de nou.',
    invalid_token: 'No s’ha pogut verificar l’inici de sessió. Torneu-ho a provar.',
    invalid_state:
      'Aquest inici de sessió s’ha començat en un altre lloc o ja s’ha utilitzat. Torneu a començar.',
    server: 'Alguna cosa ha fallat per part nostra. Torneu-ho a provar més tard.',
  },
};

export default ca;
