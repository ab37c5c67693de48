import type { LocaleStrings } from './en.js';

const zhHant: LocaleStrings = {
  heading: '登入',
  close: '關閉',
  language: '語言',
  email: {
    label: '電子郵件',
    instructions: '輸入電子郵件地址，我們會寄一組一次性驗證碼給你，不需要密碼。',
    instructionsLink: '輸入電子郵件地址，我們會寄登入連結給你。',
    submit: '傳送驗證碼',
    submitLink: '傳送連結',
    terms: '我同意服務條款',
  },
  code: {
    sent: '驗證碼已寄到 {{email}}。',
    resent: '新的驗證碼已寄到 {{email}}。',
    label: '驗證碼',
    hint: '電子郵件中的 {{length}} 位數驗證碼。',
    submit: '繼續',
    changeEmail: '改用其他電子郵件',
    resend: '重新傳送驗證碼',
    resendIn_other: '{{count}} 秒後即可重新取得驗證碼。',
    expiresIn: '驗證碼將在 {{time}}後過期。',
    expired: '驗證碼已過期，請重新取得。',
  },
  link: {
    sent: '連結已寄到 {{email}}。',
    instructions: '請在這部裝置上開啟電子郵件中的連結，以完成登入。',
    resend: '重新傳送連結',
    enterCode: '改為輸入驗證碼',
  },
  status: {
    sending: '傳送中……',
    checking: '驗證中……',
  },
  done: '你已登入。',
  errors: {
    wrong_code: '驗證碼錯誤或已過期，請確認後再試一次。',
    wrong_code_left_other: '驗證碼錯誤，你還可以再試 {{count}} 次。',
    attempts_used: '驗證碼錯誤，而且這是最後一次嘗試。請重新取得驗證碼。',
    too_many_attempts: '輸入錯誤的次數過多。請等幾分鐘，再重新取得驗證碼。',
    rate_limited: '要求次數過多，請稍候再試。',
    rate_limited_wait_other: '要求次數過多，請在 {{count}} 秒後再試一次。',
    bad_email: '請輸入有效的電子郵件地址。',
    code_required: '請輸入電子郵件中的驗證碼。',
    terms_required: '請同意服務條款以繼續。',
    origin_not_allowed: '這個網站無權登入這個應用程式。',
    network: '無法連線到伺服器。請檢查網路連線，然後再試一次。',
    timeout: '伺服器回應時間過長，請再試一次。',
    code_expired: '這組驗證碼已過期，請重新取得。',
    invalid_token: '無法驗證這次登入，請再試一次。',
    invalid_state: '這次登入是從其他地方開始的，或已經使用過。請重新開始。',
    server: '我們這邊發生問題，請稍後再試。',
  },
};

export default zhHant;
