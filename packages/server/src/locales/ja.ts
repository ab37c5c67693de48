import type { ServerText } from './server-text.js';

const ja: ServerText = {
  email: {
    codeSubject: '{app} の確認コード',
    linkSubject: '{app} にログイン',
    codeIntro: '{app} の確認コードは次のとおりです。',
    codeUse:
      'コードを依頼した画面で入力してください。使えるのは1回だけで、{minutes}で有効期限が切れます。',
    linkIntro: '次のリンクから {app} にログインしてください。',
    linkButton: 'ログイン',
    linkCode: 'または、次のコードを入力してください：',
    linkUse: 'リンクを使えるのは1回だけで、{minutes}で有効期限が切れます。',
    ignore: '心当たりがない場合は、このメールを無視してください。',
  },
  confirm: {
    heading: '{app} にログイン',
    intro: 'ボタンを押してログインを完了してください。',
    button: 'ログイン',
    notYou: 'ログインを依頼していない場合は、このページを閉じてください。',
    refusedHeading: 'このログインページは使用できません',
    refusedText:
      '有効期限が切れたか、すでに使用されたか、別のサイトから送信されました。メールのリンクをもう一度開くか、新しいリンクを依頼してください。',
  },
};

export default ja;
