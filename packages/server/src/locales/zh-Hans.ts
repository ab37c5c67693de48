import type { ServerText } from './server-text.js';

const zhHans: ServerText = {
  email: {
    codeSubject: '您的 {app} 验证码',
    linkSubject: '登录 {app}',
    codeIntro: '您的 {app} 验证码是：',
    codeUse: '请在发起请求的页面输入此验证码。验证码仅可使用一次，将在{minutes}后过期。',
    linkIntro: '通过以下链接登录 {app}：',
    linkButton: '登录',
    linkCode: '或输入此验证码：',
    linkUse: '此链接仅可使用一次，将在{minutes}后过期。',
    ignore: '如果这不是您本人的请求，请忽略此邮件。',
  },
  confirm: {
    heading: '登录 {app}',
    intro: '点击按钮即可完成登录。',
    button: '登录',
    notYou: '如果您没有请求登录，可以关闭此页面。',
    refusedHeading: '无法使用此登录页面',
    refusedText: '该页面已过期、已被使用，或来自其他网站。请重新打开邮件中的链接，或重新获取链接。',
  },
};

export default zhHans;
