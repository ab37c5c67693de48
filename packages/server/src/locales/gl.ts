import type { ServerText } from './server-text.js';

const gl: ServerText = {
  email: {
    codeSubject: 'O teu código de verificación para {app}',
    linkSubject: 'Inicia sesión en {app}',
    codeIntro: 'O teu código de verificación para {app} é:',
    codeUse: 'Escríbeo onde o pediches. Só funciona unha vez e caduca dentro de {minutes}.',
    linkIntro: 'Inicia sesión en {app} con esta ligazón:',
    linkButton: 'Iniciar sesión',
    linkCode: 'Ou escribe este código:',
    linkUse: 'A ligazón só funciona unha vez e caduca dentro de {minutes}.',
    ignore: 'Se non o pediches, podes ignorar este correo.',
  },
  confirm: {
    heading: 'Inicia sesión en {app}',
    intro: 'Preme o botón para rematar de iniciar sesión.',
    button: 'Iniciar sesión',
    notYou: 'Se non pediches iniciar sesión, podes pechar esta páxina.',
    refusedHeading: 'Non se pode usar esta páxina de inicio de sesión',
    refusedText:
      'Caducou, xa se usou ou enviouse desde outro sitio. Abre de novo a ligazón do correo ou pide unha nova.',
  },
};

export default gl;
