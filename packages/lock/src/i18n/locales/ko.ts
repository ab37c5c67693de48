import type { LocaleStrings } from './en.js';

const ko: LocaleStrings = {
  heading: '로그인',
  close: '닫기',
  language: '언어',
  email: {
    label: '이메일',
    instructions: '이메일을 입력하시면 일회용 코드를 보내 드립니다. 비밀번호는 필요 없습니다.',
    instructionsLink: '이메일을 입력하시면 로그인 링크를 보내 드립니다.',
    submit: '코드 보내기',
    submitLink: '링크 보내기',
    terms: '서비스 약관에 동의합니다',
  },
  code: {
    sent: '{{email}} 주소로 코드를 보냈습니다.',
    resent: '{{email}} 주소로 새 코드를 보냈습니다.',
    label: '인증 코드',
    hint: '이메일로 받은 {{length}}자리 코드입니다.',
    submit: '계속',
    changeEmail: '다른 이메일 사용',
    resend: '새 코드 보내기',
    resendIn_other: '{{count}}초 후에 새 코드를 요청할 수 있습니다.',
    expiresIn: '코드는 {{time}} 후에 만료됩니다.',
    expired: '코드가 만료되었습니다. 새 코드를 요청하세요.',
  },
  link: {
    sent: '{{email}} 주소로 링크를 보냈습니다.',
    instructions: '로그인을 마치려면 이 기기에서 이메일의 링크를 여세요.',
    resend: '새 링크 보내기',
    enterCode: '대신 코드 입력하기',
  },
  status: {
    sending: '보내는 중…',
    checking: '확인하는 중…',
  },
  done: '로그인되었습니다.',
  errors: {
    wrong_code: '코드가 틀렸거나 만료되었습니다. 확인한 후 다시 시도하세요.',
    wrong_code_left_other: '코드가 틀렸습니다. {{count}}번 더 시도할 수 있습니다.',
    attempts_used: '코드가 틀렸습니다. 마지막 시도였으니 새 코드를 요청하세요.',
    too_many_attempts: '틀린 코드를 너무 많이 입력했습니다. 몇 분 기다린 후 새 코드를 요청하세요.',
    rate_limited: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
    rate_limited_wait_other: '요청이 너무 많습니다. {{count}}초 후에 다시 시도하세요.',
    bad_email: '올바른 이메일 주소를 입력하세요.',
    code_required: '이메일로 받은 코드를 입력하세요.',
    terms_required: '계속하려면 서비스 약관에 동의하세요.',
    origin_not_allowed: '이 웹사이트에서는 이 애플리케이션에 로그인할 수 없습니다.',
    network: '서버에 연결할 수 없습니다. 인터넷 연결을 확인한 후 다시 시도하세요.',
    timeout: '서버가 너무 오랫동안 응답하지 않았습니다. 다시 시도하세요.',
    code_expired: '코드가 만료되었습니다. 새 코드를 요청하세요.',
    invalid_token: '로그인을 확인하지 못했습니다. 다시 시도하세요.',
    invalid_state:
      '이 로그인은 다른 곳에서 시작되었거나 이미 사용되었습니다. 처음부터 다시 시작하세요.',
    server: '서비스에 문제가 발생했습니다. 나중에 다시 시도하세요.',
  },
};

export default ko;
