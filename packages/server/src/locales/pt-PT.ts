import type { ServerText } from './server-text.js';

const ptPT: ServerText = {
  email: {
    codeSubject: 'O seu código de verificação para {app}',
    linkSubject: 'Iniciar sessão em {app}',
    codeIntro: 'O seu código de verificação para {app} é:',
    codeUse: 'Introduza-o onde o pediu. Só funciona uma vez e expira daqui a {minutes}.',
    linkIntro: 'Inicie sessão em {app} com esta ligação:',
    linkButton: 'Iniciar sessão',
    linkCode: 'Ou introduza este código:',
    linkUse: 'A ligação só funciona uma vez e expira daqui a {minutes}.',
    ignore: 'Se não fez este pedido, pode ignorar este email.',
  },
  confirm: {
    heading: 'Iniciar sessão em {app}',
    intro: 'Prima o botão para concluir o início de sessão.',
    button: 'Iniciar sessão',
    notYou: 'Se não pediu para iniciar sessão, pode fechar esta página.',
    refusedHeading: 'Não é possível utilizar esta página de início de sessão',
    refusedText:
      'Expirou, já foi utilizada ou foi enviada a partir de outro site. Abra novamente a ligação do email ou peça uma nova.',
  },
};

export default ptPT;
