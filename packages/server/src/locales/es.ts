import type { ServerText } from './server-text.js';

const es: ServerText = {
  email: {
    codeSubject: 'Tu código de verificación de {app}',
    linkSubject: 'Iniciar sesión en {app}',
    codeIntro: 'Tu código de verificación de {app} es:',
    codeUse: 'Escríbelo donde lo pediste. Solo sirve una vez y caduca en {minutes}.',
    linkIntro: 'Inicia sesión en {app} con este enlace:',
    linkButton: 'Iniciar sesión',
    linkCode: 'O escribe este código:',
    linkUse: 'El enlace solo sirve una vez y caduca en {minutes}.',
    ignore: 'Si no lo has pedido, puedes ignorar este correo.',
  },
  confirm: {
    heading: 'Iniciar sesión en {app}',
    intro: 'Pulsa el botón para terminar de iniciar sesión.',
    button: 'Iniciar sesión',
    notYou: 'Si no has pedido iniciar sesión, puedes cerrar esta página.',
    refusedHeading: 'No se puede usar esta página de inicio de sesión',
    refusedText:
      'Ha caducado, ya se ha usado o se envió desde otro sitio. Vuelve a abrir el enlace del correo o pide uno nuevo.',
  },
};

export default es;
