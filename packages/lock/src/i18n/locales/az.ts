import type { LocaleStrings } from './en.js';

const az: LocaleStrings = {
  heading: 'Daxil ol',
  close: 'Bağla',
  language: 'Dil',
  email: {
    label: 'E-poçt',
    instructions: 'E-poçt ünvanınızı daxil edin, sizə birdəfəlik kod göndərək. Parol lazım deyil.',
    instructionsLink: 'E-poçt ünvanınızı daxil edin, sizə daxil olmaq üçün keçid göndərək.',
    submit: 'Kodu göndər',
    submitLink: 'Keçidi göndər',
    terms: 'Xidmət şərtlərini qəbul edirəm',
  },
  code: {
    sent: '{{email}} ünvanına kod göndərdik.',
    resent: '{{email}} ünvanına yeni kod göndərdik.',
    label: 'Təsdiq kodu',
    hint: 'E-poçtdakı {{length}} rəqəmli kod.',
    submit: 'Davam et',
    changeEmail: 'Başqa e-poçt ünvanı işlət',
    resend: 'Yeni kod göndər',
    resendIn_one: 'Yeni kodu {{count}} saniyə sonra istəyə bilərsiniz.',
    resendIn_other: 'Yeni kodu {{count}} saniyə sonra istəyə bilərsiniz.',
    expiresIn: 'Kodun müddəti {{time}} sonra bitir.',
    expired: 'Kodun müddəti bitib. Yenisini istəyin.',
  },
  link: {
    sent: '{{email}} ünvanına keçid göndərdik.',
    instructions: 'Daxil olmanı tamamlamaq üçün e-poçtdakı keçidi bu cihazda açın.',
    resend: 'Yeni keçid göndər',
    enterCode: 'Əvəzində kodu daxil et',
  },
  status: {
    sending: 'Göndərilir…',
    checking: 'Yoxlanılır…',
  },
  done: 'Daxil oldunuz.',
  errors: {
    wrong_code: 'Bu kod yanlışdır və ya müddəti bitib. Yoxlayıb yenidən cəhd edin.',
    wrong_code_left_one: 'Bu kod yanlışdır. {{count}} cəhdiniz qaldı.',
    wrong_code_left_other: 'Bu kod yanlışdır. {{count}} cəhdiniz qaldı.',
    attempts_used: 'Bu kod yanlışdır və bu, son cəhdiniz idi. Yeni kod istəyin.',
    too_many_attempts:
      'Həddindən çox yanlış kod. Bir neçə dəqiqə gözləyin, sonra yeni kod istəyin.',
    rate_limited: 'Həddindən çox sorğu. Bir az gözləyib yenidən cəhd edin.',
    rate_limited_wait_one: 'Həddindən çox sorğu. {{count}} saniyə sonra yenidən cəhd edin.',
    rate_limited_wait_other: 'Həddindən çox sorğu. {{count}} saniyə sonra yenidən cəhd edin.',
    bad_email: 'Düzgün e-poçt ünvanı daxil edin.',
    code_required: 'E-poçtdakı kodu daxil edin.',
    terms_required: 'Davam etmək üçün xidmət şərtlərini qəbul edin.',
    origin_not_allowed: 'Bu saytın bu tətbiqə daxil olmasına icazə verilmir.',
    network: 'Serverə qoşulmaq mümkün deyil. İnternet bağlantınızı yoxlayıb yenidən cəhd edin.',
    timeout: 'Server vaxtında cavab vermədi. Yenidən cəhd edin.',
    code_expired: 'Bu kodun müddəti bitib. Yenisini istəyin.',
    invalid_token: 'Daxil olmanı təsdiqləmək mümkün olmadı. Yenidən cəhd edin.',
    invalid_state:
      'Bu daxil olma başqa yerdə başladılıb və ya artıq istifadə olunub. Yenidən başlayın.',
    server: 'Bizim tərəfdə xəta baş verdi. Bir az sonra yenidən cəhd edin.',
  },
};

export default az;
