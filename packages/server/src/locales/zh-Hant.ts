import type { ServerText } from './server-text.js';

const zhHant: ServerText = {
  email: {
    codeSubject: '你的 {app} 驗證碼',
    linkSubject: '登入 {app}',
    codeIntro: '你的 {app} 驗證碼是：',
    codeUse: '請在提出要求的地方輸入這組驗證碼。驗證碼只能使用一次，將在 {minutes}後過期。',
    linkIntro: '使用這個連結登入 {app}：',
    linkButton: '登入',
    linkCode: '或輸入這組驗證碼：',
    linkUse: '這個連結只能使用一次，將在 {minutes}後過期。',
    ignore: '如果你沒有提出這項要求，可以忽略這封電子郵件。',
  },
  confirm: {
    heading: '登入 {app}',
    intro: '按下按鈕即可完成登入。',
    button: '登入',
    notYou: '如果你沒有要求登入，可以關閉這個頁面。',
    refusedHeading: '無法使用這個登入頁面',
    refusedText:
      '這個頁面已過期、已使用過，或是從其他網站傳來的。請重新開啟電子郵件中的連結，或重新取得連結。',
  },
};

export default zhHant;
