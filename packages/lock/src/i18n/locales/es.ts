import type { LocaleStrings } from './en.js';

const es: LocaleStrings = {
  heading: 'Iniciar sesión',
  close: 'Cerrar',
  language: 'Idioma',
  email: {
    label: 'Correo electrónico',
    instructions:
      'Escribe tu correo electrónico y te enviaremos un código de un solo uso. Sin contraseñas.',
    instructionsLink:
      'Escribe tu correo electrónico y te enviaremos un enlace para iniciar sesión.',
    submit: 'Enviar código',
    submitLink: 'Enviar enlace',
    terms: 'Acepto las condiciones del servicio',
  },
  code: {
    sent: 'Hemos enviado un código a {{email}}.',
    resent: 'Hemos enviado un código nuevo a {{email}}.',
    label: 'Código de verificación',
    hint: 'El código de {{length}} cifras del correo.',
    submit: 'Continuar',
    changeEmail: 'Usar otro correo',
    resend: 'Enviar un código nuevo',
    resendIn_one: 'Podrás pedir un código nuevo dentro de {{count}} segundo.',
    resendIn_many: 'Podrás pedir un código nuevo dentro de {{count}} de segundos.',
    resendIn_other: 'Podrás pedir un código nuevo dentro de {{count}} segundos.',
    expiresIn: 'El código caduca en {{time}}.',
    expired: 'El código ha caducado. Pide uno nuevo.',
  },
  link: {
    sent: 'Hemos enviado un enlace a {{email}}.',
    instructions: 'Abre el enlace del correo en este dispositivo para terminar de iniciar sesión.',
    resend: 'Enviar un enlace nuevo',
    enterCode: 'Introducir el código en su lugar',
  },
  status: {
    sending: 'Enviando…',
    checking: 'Comprobando…',
  },
  done: 'Has iniciado sesión.',
  errors: {
    wrong_code: 'El código no es correcto o ha caducado. Revísalo y vuelve a intentarlo.',
    wrong_code_left_one: 'El código no es correcto. Te queda {{count}} intento.',
    wrong_code_left_many: 'El código no es correcto. Te quedan {{count}} de intentos.',
    wrong_code_left_other: 'El código no es correcto. Te quedan {{count}} intentos.',
    attempts_used: 'El código no es correcto y era el último intento. Pide un código nuevo.',
    too_many_attempts:
      'Demasiados códigos incorrectos. Espera unos minutos y pide un código nuevo.',
    rate_limited: 'Demasiadas solicitudes. Espera un momento y vuelve a intentarlo.',
    rate_limited_wait_one: 'Demasiadas solicitudes. Vuelve a intentarlo en {{count}} segundo.',
    rate_limited_wait_many: 'Demasiadas solicitudes. Vuelve a intentarlo en {{count}} de segundos.',
    rate_limited_wait_other: 'Demasiadas solicitudes. Vuelve a intentarlo en {{count}} segundos.',
    bad_email: 'Escribe una dirección de correo válida.',
    code_required: 'Escribe el código del correo.',
    terms_required: 'Acepta las condiciones del servicio para continuar.',
    origin_not_allowed: 'Este sitio web no tiene permiso para iniciar sesión en esta aplicación.',
    network: 'No se puede conectar con el servidor. Revisa tu conexión y vuelve a intentarlo.',
    timeout: 'El servidor ha tardado demasiado en responder. Vuelve a intentarlo.',
    code_expired: 'El código ha caducado. Pide uno nuevo.',
    invalid_token: 'No se ha podido verificar el inicio de sesión. Vuelve a intentarlo.',
    invalid_state:
      'Este inicio de sesión se empezó en otro lugar o ya se ha usado. Empieza de nuevo.',
    server: 'Algo ha fallado por nuestra parte. Inténtalo de nuevo más tarde.',
  },
};

export default es;
