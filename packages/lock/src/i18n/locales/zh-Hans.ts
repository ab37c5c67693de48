import type { LocaleStrings } from './en.js';

const zhHans: LocaleStrings = {
  heading: '登录',
  close: '关闭',
  language: '语言',
  email: {
    label: '邮箱',
    instructions: '输入邮箱，我们会向您发送一次性验证码，无需密码。',
    instructionsLink: '输入邮箱，我们会向您发送登录链接。',
    submit: '发送验证码',
    submitLink: '发送链接',
    terms: '我同意服务条款',
  },
  code: {
    sent: '验证码已发送至 {{email}}。',
    resent: '新的验证码已发送至 {{email}}。',
    label: '验证码',
    hint: '邮件中的{{length}}位验证码。',
    submit: '继续',
    changeEmail: '使用其他邮箱',
    resend: '重新发送验证码',
    resendIn_other: '{{count}}秒后可重新获取验证码。',
    expiresIn: '验证码将在{{time}}后过期。',
    expired: '验证码已过期，请重新获取。',
  },
  link: {
    sent: '链接已发送至 {{email}}。',
    instructions: '请在本设备上打开邮件中的链接，以完成登录。',
    resend: '重新发送链接',
    enterCode: '改为输入验证码',
  },
  status: {
    sending: '正在发送……',
    checking: '正在验证……',
  },
  done: '您已成功登录。',
  errors: {
    wrong_code: '验证码错误或已过期，请检查后重试。',
    wrong_code_left_other: '验证码错误，您还可以尝试{{count}}次。',
    attempts_used: '验证码错误，且已是最后一次尝试。请重新获取验证码。',
    too_many_attempts: '错误次数过多。请等待几分钟，然后重新获取验证码。',
    rate_limited: '请求过于频繁，请稍后重试。',
    rate_limited_wait_other: '请求过于频繁，请在{{count}}秒后重试。',
    bad_email: '请输入有效的邮箱地址。',
    code_required: '请输入邮件中的验证码。',
    terms_required: '请同意服务条款以继续。',
    origin_not_allowed: '此网站无权登录此应用。',
    network: '无法连接到服务器。请检查网络连接后重试。',
    timeout: '服务器响应超时，请重试。',
    code_expired: '此验证码已过期，请重新获取。',
    invalid_token: '无法验证此次登录，请重试。',
    invalid_state: '此次登录已在别处发起或已被使用，请重新开始。',
    server: '我们这边出了点问题，请稍后重试。',
  },
};

export default zhHans;
