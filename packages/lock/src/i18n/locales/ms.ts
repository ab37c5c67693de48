import type { LocaleStrings } from './en.js';

const ms: LocaleStrings = {
  heading: 'Log masuk',
  close: 'Tutup',
  language: 'Bahasa',
  email: {
    label: 'E-mel',
    instructions:
      'Masukkan e-mel anda dan kami akan menghantar kod sekali guna. Kata laluan tidak diperlukan.',
    instructionsLink: 'Masukkan e-mel anda dan kami akan menghantar pautan untuk log masuk.',
    submit: 'Hantar kod',
    submitLink: 'Hantar pautan',
    terms: 'Saya menerima terma perkhidmatan',
  },
  code: {
    sent: 'Kami telah menghantar kod ke {{email}}.',
    resent: 'Kami telah menghantar kod baharu ke {{email}}.',
    label: 'Kod pengesahan',
    hint: 'Kod {{length}} digit daripada e-mel.',
    submit: 'Teruskan',
    changeEmail: 'Guna e-mel lain',
    resend: 'Hantar kod baharu',
    resendIn_other: 'Anda boleh meminta kod baharu dalam {{count}} saat.',
    expiresIn: 'Kod akan tamat tempoh dalam {{time}}.',
    expired: 'Kod telah tamat tempoh. Minta kod baharu.',
  },
  link: {
    sent: 'Kami telah menghantar pautan ke {{email}}.',
    instructions: 'Buka pautan dalam e-mel pada peranti ini untuk melengkapkan log masuk.',
    resend: 'Hantar pautan baharu',
    enterCode: 'Masukkan kod sebagai ganti',
  },
  status: {
    sending: 'Menghantar…',
    checking: 'Menyemak…',
  },
  done: 'Anda telah log masuk.',
  errors: {
    wrong_code: 'Kod itu salah atau telah tamat tempoh. Semak dan cuba lagi.',
    wrong_code_left_other: 'Kod itu salah. Anda ada {{count}} cubaan lagi.',
    attempts_used: 'Kod itu salah, dan itu cubaan terakhir. Minta kod baharu.',
    too_many_attempts:
      'Terlalu banyak kod yang salah. Tunggu beberapa minit, kemudian minta kod baharu.',
    rate_limited: 'Terlalu banyak permintaan. Tunggu sebentar dan cuba lagi.',
    rate_limited_wait_other: 'Terlalu banyak permintaan. Cuba lagi dalam {{count}} saat.',
    bad_email: 'Masukkan alamat e-mel yang sah.',
    code_required: 'Masukkan kod daripada e-mel.',
    terms_required: 'Terima terma perkhidmatan untuk meneruskan.',
    origin_not_allowed: 'Laman web ini tidak dibenarkan log masuk ke aplikasi ini.',
    network: 'Pelayan tidak dapat dihubungi. Semak sambungan anda dan cuba lagi.',
    timeout: 'Pelayan mengambil masa terlalu lama untuk menjawab. Cuba lagi.',
    code_expired: 'Kod itu telah tamat tempoh. Minta kod baharu.',
    invalid_token: 'Log masuk tidak dapat disahkan. Cuba lagi.',
    invalid_state: 'Log masuk ini dimulakan di tempat lain atau telah digunakan. Mulakan semula.',
    server: 'Berlaku ralat di pihak kami. Cuba lagi kemudian.',
  },
};

export default ms;
