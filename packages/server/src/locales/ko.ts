import type { ServerText } from './server-text.js';

const ko: ServerText = {
  email: {
    codeSubject: '{app} 인증 코드',
    linkSubject: '{app} 로그인',
    codeIntro: '{app} 인증 코드:',
    codeUse: '코드를 요청한 화면에 입력하세요. 한 번만 사용할 수 있으며 {minutes} 후에 만료됩니다.',
    linkIntro: '아래 링크로 {app}에 로그인하세요.',
    linkButton: '로그인',
    linkCode: '또는 다음 코드를 입력하세요.',
    linkUse: '링크는 한 번만 사용할 수 있으며 {minutes} 후에 만료됩니다.',
    ignore: '요청하지 않으셨다면 이 이메일을 무시하셔도 됩니다.',
  },
  confirm: {
    heading: '{app} 로그인',
    intro: '버튼을 눌러 로그인을 마치세요.',
    button: '로그인',
    notYou: '로그인을 요청하지 않으셨다면 이 페이지를 닫으셔도 됩니다.',
    refusedHeading: '이 로그인 페이지는 사용할 수 없습니다',
    refusedText:
      '만료되었거나, 이미 사용되었거나, 다른 사이트에서 보낸 페이지입니다. 이메일의 링크를 다시 열거나 새 링크를 요청하세요.',
  },
};

export default ko;
