import type { LocaleStrings } from './en.js';

const tr: LocaleStrings = {
  heading: 'Giriş yap',
  close: 'Kapat',
  language: 'Dil',
  email: {
    label: 'E-posta',
    instructions:
      'E-posta adresinizi girin, size tek kullanımlık bir kod gönderelim. Şifre gerekmez.',
    instructionsLink: 'E-posta adresinizi girin, size bir giriş bağlantısı gönderelim.',
    submit: 'Kod gönder',
    submitLink: 'Bağlantı gönder',
    terms: 'Hizmet koşullarını kabul ediyorum',
  },
  code: {
    sent: '{{email}} adresine bir kod gönderdik.',
    resent: '{{email}} adresine yeni bir kod gönderdik.',
    label: 'Doğrulama kodu',
    hint: 'E-postadaki {{length}} haneli kod.',
    submit: 'Devam',
    changeEmail: 'Başka bir e-posta kullan',
    resend: 'Yeni kod gönder',
    resendIn_one: '{{count}} saniye sonra yeni kod isteyebilirsiniz.',
    resendIn_other: '{{count}} saniye sonra yeni kod isteyebilirsiniz.',
    expiresIn: 'Kodun süresi {{time}} sonra doluyor.',
    expired: 'Kodun süresi doldu. Yeni bir kod isteyin.',
  },
  link: {
    sent: '{{email}} adresine bir bağlantı gönderdik.',
    instructions: 'Girişi tamamlamak için e-postadaki bağlantıyı bu cihazda açın.',
    resend: 'Yeni bağlantı gönder',
    enterCode: 'Bunun yerine kodu gir',
  },
  status: {
    sending: 'Gönderiliyor…',
    checking: 'Kontrol ediliyor…',
  },
  done: 'Giriş yaptınız.',
  errors: {
    wrong_code: 'Bu kod yanlış veya süresi dolmuş. Kontrol edip tekrar deneyin.',
    wrong_code_left_one: 'Bu kod yanlış. {{count}} deneme hakkınız kaldı.',
    wrong_code_left_other: 'Bu kod yanlış. {{count}} deneme hakkınız kaldı.',
    attempts_used: 'Bu kod yanlış ve bu son deneme hakkınızdı. Yeni bir kod isteyin.',
    too_many_attempts: 'Çok fazla yanlış kod girildi. Birkaç dakika bekleyip yeni bir kod isteyin.',
    rate_limited: 'Çok fazla istek gönderildi. Biraz bekleyip tekrar deneyin.',
    rate_limited_wait_one: 'Çok fazla istek gönderildi. {{count}} saniye sonra tekrar deneyin.',
    rate_limited_wait_other: 'Çok fazla istek gönderildi. {{count}} saniye sonra tekrar deneyin.',
    bad_email: 'Geçerli bir e-posta adresi girin.',
    code_required: 'E-postadaki kodu girin.',
    terms_required: 'Devam etmek için hizmet koşullarını kabul edin.',
    origin_not_allowed: 'Bu web sitesinin bu uygulamaya giriş yapmasına izin verilmiyor.',
    network: 'Sunucuya ulaşılamıyor. İnternet erişiminizi kontrol edip tekrar deneyin.',
    timeout: 'Sunucu zamanında yanıt vermedi. Tekrar deneyin.',
    code_expired: 'Bu kodun süresi doldu. Yeni bir kod isteyin.',
    invalid_token: 'Giriş doğrulanamadı. Tekrar deneyin.',
    invalid_state: 'Bu giriş başka bir yerde başlatılmış veya zaten kullanılmış. Baştan başlayın.',
    server: 'Bizim tarafımızda bir sorun oluştu. Daha sonra tekrar deneyin.',
  },
};

export default tr;
