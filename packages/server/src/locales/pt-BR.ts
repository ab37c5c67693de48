import type { ServerText } from './server-text.js';

const ptBR: ServerText = {
  email: {
    codeSubject: 'Seu código de verificação para {app}',
    linkSubject: 'Fazer login em {app}',
    codeIntro: 'Seu código de verificação para {app} é:',
    codeUse: 'Digite o código onde você o pediu. Ele só funciona uma vez e expira em {minutes}.',
    linkIntro: 'Faça login em {app} com este link:',
    linkButton: 'Fazer login',
    linkCode: 'Ou digite este código:',
    linkUse: 'O link só funciona uma vez e expira em {minutes}.',
    ignore: 'Se você não pediu isso, pode ignorar este e-mail.',
  },
  confirm: {
    heading: 'Fazer login em {app}',
    intro: 'Clique no botão para concluir o login.',
    button: 'Fazer login',
    notYou: 'Se você não pediu para fazer login, pode fechar esta página.',
    refusedHeading: 'Esta página de login não pode ser usada',
    refusedText:
      'Ela expirou, já foi usada ou foi enviada por outro site. Abra de novo o link do e-mail ou peça um novo.',
  },
};

export default ptBR;
