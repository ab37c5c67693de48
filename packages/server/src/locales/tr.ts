import type { ServerText } from './server-text.js';

const tr: ServerText = {
  email: {
    codeSubject: '{app} doğrulama kodunuz',
    linkSubject: '{app} uygulamasına giriş yapın',
    codeIntro: '{app} doğrulama kodunuz:',
    codeUse:
      'Kodu talep ettiğiniz ekrana girin. Tek kullanımlıktır ve süresi {minutes} sonra dolar.',
    linkIntro: 'Bu bağlantıyla {app} uygulamasına giriş yapın:',
    linkButton: 'Giriş yap',
    linkCode: 'Veya şu kodu girin:',
    linkUse: 'Bağlantı tek kullanımlıktır ve süresi {minutes} sonra dolar.',
    ignore: 'Bunu siz istemediyseniz bu e-postayı yok sayabilirsiniz.',
  },
  confirm: {
    heading: '{app} uygulamasına giriş yapın',
    intro: 'Girişi tamamlamak için düğmeye basın.',
    button: 'Giriş yap',
    notYou: 'Giriş yapmak istemediyseniz bu sayfayı kapatabilirsiniz.',
    refusedHeading: 'Bu giriş sayfası kullanılamaz',
    refusedText:
      'Bağlantının süresi dolmuş, bağlantı zaten kullanılmış ya da başka bir siteden gönderilmiş. E-postadaki bağlantıyı yeniden açın veya yeni bir tane isteyin.',
  },
};

export default tr;
