import type { ServerText } from './server-text.js';

// French typography: a no-break space before the colon, and the apostrophe ’.
const fr: ServerText = {
  email: {
    codeSubject: 'Votre code de vérification pour {app}',
    linkSubject: 'Connexion à {app}',
    codeIntro: 'Votre code de vérification pour {app} est\u00a0:',
    codeUse:
      'Saisissez-le là où vous l’avez demandé. Il ne sert qu’une fois et expire dans {minutes}.',
    linkIntro: 'Connectez-vous à {app} avec ce lien\u00a0:',
    linkButton: 'Se connecter',
    linkCode: 'Ou saisissez ce code\u00a0:',
    linkUse: 'Le lien ne sert qu’une fois et expire dans {minutes}.',
    ignore: 'Si vous ne l’avez pas demandé, vous pouvez ignorer cet e-mail.',
  },
  confirm: {
    heading: 'Se connecter à {app}',
    intro: 'Appuyez sur le bouton pour terminer la connexion.',
    button: 'Se connecter',
    notYou: 'Si vous n’avez pas demandé à vous connecter, vous pouvez fermer cette page.',
    refusedHeading: 'Cette page de connexion ne peut pas être utilisée',
    refusedText:
      'Elle a expiré, a déjà été utilisée ou a été envoyée depuis un autre site. Rouvrez le lien de l’e-mail ou demandez-en un nouveau.',
  },
};

export default fr;
