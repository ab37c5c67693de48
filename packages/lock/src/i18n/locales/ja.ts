import type { LocaleStrings } from './en.js';

const ja: LocaleStrings = {
  heading: 'ログイン',
  close: '閉じる',
  language: '言語',
  email: {
    label: 'メールアドレス',
    instructions:
      'メールアドレスを入力すると、ワンタイムコードをお送りします。パスワードは不要です。',
    instructionsLink: 'メールアドレスを入力すると、ログイン用のリンクをお送りします。',
    submit: 'コードを送信',
    submitLink: 'リンクを送信',
    terms: '利用規約に同意します',
  },
  code: {
    sent: '{{email}} にコードを送信しました。',
    resent: '{{email}} に新しいコードを送信しました。',
    label: '確認コード',
    hint: 'メールに記載された{{length}}桁のコードです。',
    submit: '続ける',
    changeEmail: '別のメールアドレスを使う',
    resend: '新しいコードを送信',
    resendIn_other: '新しいコードは{{count}}秒後に再送信できます。',
    expiresIn: 'コードの有効期限まであと{{time}}です。',
    expired: 'コードの有効期限が切れました。新しいコードを送信してください。',
  },
  link: {
    sent: '{{email}} にリンクを送信しました。',
    instructions: 'ログインを完了するには、この端末でメール内のリンクを開いてください。',
    resend: '新しいリンクを送信',
    enterCode: '代わりにコードを入力',
  },
  status: {
    sending: '送信しています…',
    checking: '確認しています…',
  },
  done: 'ログインしました。',
  errors: {
    wrong_code: 'コードが正しくないか、有効期限が切れています。確認してもう一度お試しください。',
    wrong_code_left_other: 'コードが正しくありません。あと{{count}}回お試しいただけます。',
    attempts_used:
      'コードが正しくありません。試行回数の上限に達しました。新しいコードを送信してください。',
    too_many_attempts: '誤ったコードが多すぎます。数分待ってから、新しいコードを送信してください。',
    rate_limited: 'リクエストが多すぎます。しばらく待ってからもう一度お試しください。',
    rate_limited_wait_other: 'リクエストが多すぎます。{{count}}秒後にもう一度お試しください。',
    bad_email: '有効なメールアドレスを入力してください。',
    code_required: 'メールに記載されたコードを入力してください。',
    terms_required: '続けるには利用規約に同意してください。',
    origin_not_allowed: 'このウェブサイトからはこのアプリケーションにログインできません。',
    network: 'サーバーに接続できません。接続を確認して、もう一度お試しください。',
    timeout: 'サーバーの応答に時間がかかりすぎています。もう一度お試しください。',
    code_expired: 'コードの有効期限が切れました。新しいコードを送信してください。',
    invalid_token: 'ログインを確認できませんでした。もう一度お試しください。',
    invalid_state:
      'このログインは別の場所で開始されたか、すでに使用されています。最初からやり直してください。',
    server: '問題が発生しました。しばらくしてからもう一度お試しください。',
  },
};

export default ja;
