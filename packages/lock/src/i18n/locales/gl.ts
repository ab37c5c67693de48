import type { LocaleStrings } from './en.js';

const gl: LocaleStrings = {
  heading: 'Iniciar sesión',
  close: 'Pechar',
  language: 'Idioma',
  email: {
    label: 'Correo electrónico',
    instructions:
      'Escribe o teu correo electrónico e enviarémosche un código dun só uso. Non fai falta contrasinal.',
    instructionsLink:
      'Escribe o teu correo electrónico e enviarémosche unha ligazón para iniciar sesión.',
    submit: 'Enviar código',
    submitLink: 'Enviar ligazón',
    terms: 'Acepto as condicións do servizo',
  },
  code: {
    sent: 'Enviamos un código a {{email}}.',
    resent: 'Enviamos un código novo a {{email}}.',
    label: 'Código de verificación',
    hint: 'O código de {{length}} díxitos do correo.',
    submit: 'Continuar',
    changeEmail: 'Usar outro correo',
    resend: 'Enviar un código novo',
    resendIn_one: 'Poderás pedir un código novo dentro de {{count}} segundo.',
    resendIn_other: 'Poderás pedir un código novo dentro de {{count}} segundos.',
    expiresIn: 'O código caduca dentro de {{time}}.',
    expired: 'O código caducou. Pide un novo.',
  },
  link: {
    sent: 'Enviamos unha ligazón a {{email}}.',
    instructions: 'Abre a ligazón do correo neste dispositivo para rematar de iniciar sesión.',
    resend: 'Enviar unha ligazón nova',
    enterCode: 'Prefiro escribir o código',
  },
  status: {
    sending: 'Enviando…',
    checking: 'Comprobando…',
  },
  done: 'Iniciaches sesión.',
  errors: {
    wrong_code: 'O código non é correcto ou caducou. Revísao e téntao de novo.',
    wrong_code_left_one: 'O código non é correcto. Quédache {{count}} intento.',
    wrong_code_left_other: 'O código non é correcto. Quédanche {{count}} intentos.',
    attempts_used: 'O código non é correcto e era o último intento. Pide un código novo.',
    too_many_attempts:
      'Demasiados códigos incorrectos. Agarda uns minutos e despois pide un código novo.',
    rate_limited: 'Demasiadas solicitudes. Agarda un momento e téntao de novo.',
    rate_limited_wait_one: 'Demasiadas solicitudes. Téntao de novo dentro de {{count}} segundo.',
    rate_limited_wait_other: 'Demasiadas solicitudes. Téntao de novo dentro de {{count}} segundos.',
    bad_email: 'Escribe un enderezo de correo válido.',
    code_required: 'Escribe o código do correo.',
    terms_required: 'Acepta as condicións do servizo para continuar.',
    origin_not_allowed: 'Este sitio web non ten permiso para iniciar sesión nesta aplicación.',
    network: 'Non se pode conectar co servidor. Revisa a túa conexión e téntao de novo.',
    timeout: 'O servidor tardou demasiado en responder. Téntao de novo.',
    code_expired: 'O código caducou. Pide un novo.',
    invalid_token: 'Non se puido verificar o inicio de sesión. Téntao de novo.',
    invalid_state: 'Este inicio de sesión comezouse noutro lugar ou xa se usou. Comeza de novo.',
    server: 'Algo fallou pola nosa parte. Téntao de novo máis tarde.',
  },
};

export default gl;
