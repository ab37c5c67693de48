import type { LocaleStrings } from './en.js';

const ptPT: LocaleStrings = {
  heading: 'Iniciar sessão',
  close: 'Fechar',
  language: 'Idioma',
  email: {
    label: 'Email',
    instructions:
      'Introduza o seu email e enviamos-lhe um código de utilização única. Não precisa de palavra-passe.',
    instructionsLink: 'Introduza o seu email e enviamos-lhe uma ligação para iniciar sessão.',
    submit: 'Enviar código',
    submitLink: 'Enviar ligação',
    terms: 'Aceito os termos de utilização',
  },
  code: {
    sent: 'Enviámos um código para {{email}}.',
    resent: 'Enviámos um novo código para {{email}}.',
    label: 'Código de verificação',
    hint: 'O código de {{length}} dígitos que recebeu por email.',
    submit: 'Continuar',
    changeEmail: 'Utilizar outro email',
    resend: 'Enviar novo código',
    resendIn_one: 'Pode pedir um novo código daqui a {{count}} segundo.',
    resendIn_many: 'Pode pedir um novo código daqui a {{count}} de segundos.',
    resendIn_other: 'Pode pedir um novo código daqui a {{count}} segundos.',
    expiresIn: 'O código expira daqui a {{time}}.',
    expired: 'O código expirou. Peça um novo.',
  },
  link: {
    sent: 'Enviámos uma ligação para {{email}}.',
    instructions: 'Abra a ligação do email neste dispositivo para concluir o início de sessão.',
    resend: 'Enviar nova ligação',
    enterCode: 'Prefiro introduzir o código',
  },
  status: {
    sending: 'A enviar…',
    checking: 'A verificar…',
  },
  done: 'Sessão iniciada.',
  errors: {
    wrong_code: 'O código está incorreto ou expirou. Verifique-o e tente novamente.',
    wrong_code_left_one: 'O código está incorreto. Resta-lhe {{count}} tentativa.',
    wrong_code_left_many: 'O código está incorreto. Restam-lhe {{count}} de tentativas.',
    wrong_code_left_other: 'O código está incorreto. Restam-lhe {{count}} tentativas.',
    attempts_used: 'O código está incorreto e era a última tentativa. Peça um novo código.',
    too_many_attempts:
      'Demasiados códigos incorretos. Aguarde alguns minutos e peça um novo código.',
    rate_limited: 'Demasiados pedidos. Aguarde um momento e tente novamente.',
    rate_limited_wait_one: 'Demasiados pedidos. Tente novamente daqui a {{count}} segundo.',
    rate_limited_wait_many: 'Demasiados pedidos. Tente novamente daqui a {{count}} de segundos.',
    rate_limited_wait_other: 'Demasiados pedidos. Tente novamente daqui a {{count}} segundos.',
    bad_email: 'Introduza um endereço de email válido.',
    code_required: 'Introduza o código que recebeu por email.',
    terms_required: 'Aceite os termos de utilização para continuar.',
    origin_not_allowed: 'Este site não tem permissão para iniciar sessão nesta aplicação.',
    network: 'Não foi possível contactar o servidor. Verifique a ligação à rede e tente novamente.',
    timeout: 'O servidor demorou demasiado a responder. Tente novamente.',
    code_expired: 'O código expirou. Peça um novo.',
    invalid_token: 'Não foi possível verificar o início de sessão. Tente novamente.',
    invalid_state: 'Este início de sessão começou noutro local ou já foi utilizado. Recomece.',
    server: 'Ocorreu um erro do nosso lado. Tente novamente mais tarde.',
  },
};

export default ptPT;
