import type { LocaleStrings } from './en.js';

const id: LocaleStrings = {
  heading: 'Masuk',
  close: 'Tutup',
  language: 'Bahasa',
  email: {
    label: 'Email',
    instructions:
      'Masukkan email Anda, lalu kami akan mengirimkan kode sekali pakai. Tidak perlu kata sandi.',
    instructionsLink: 'Masukkan email Anda, lalu kami akan mengirimkan tautan untuk masuk.',
    submit: 'Kirim kode',
    submitLink: 'Kirim tautan',
    terms: 'Saya menyetujui persyaratan layanan',
  },
  code: {
    sent: 'Kami telah mengirim kode ke {{email}}.',
    resent: 'Kami telah mengirim kode baru ke {{email}}.',
    label: 'Kode verifikasi',
    hint: 'Kode {{length}} digit dari email.',
    submit: 'Lanjutkan',
    changeEmail: 'Gunakan email lain',
    resend: 'Kirim kode baru',
    resendIn_other: 'Anda dapat meminta kode baru dalam {{count}} detik.',
    expiresIn: 'Kode akan kedaluwarsa dalam {{time}}.',
    expired: 'Kode sudah kedaluwarsa. Minta kode baru.',
  },
  link: {
    sent: 'Kami telah mengirim tautan ke {{email}}.',
    instructions: 'Buka tautan di email pada perangkat ini untuk menyelesaikan proses masuk.',
    resend: 'Kirim tautan baru',
    enterCode: 'Masukkan kode sebagai gantinya',
  },
  status: {
    sending: 'Mengirim…',
    checking: 'Memeriksa…',
  },
  done: 'Anda sudah masuk.',
  errors: {
    wrong_code: 'Kode salah atau sudah kedaluwarsa. Periksa, lalu coba lagi.',
    wrong_code_left_other: 'Kode salah. Anda dapat mencoba {{count}} kali lagi.',
    attempts_used: 'Kode salah, dan itu percobaan terakhir. Minta kode baru.',
    too_many_attempts:
      'Terlalu banyak kode yang salah. Tunggu beberapa menit, lalu minta kode baru.',
    rate_limited: 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
    rate_limited_wait_other: 'Terlalu banyak permintaan. Coba lagi dalam {{count}} detik.',
    bad_email: 'Masukkan alamat email yang valid.',
    code_required: 'Masukkan kode dari email.',
    terms_required: 'Setujui persyaratan layanan untuk melanjutkan.',
    origin_not_allowed: 'Situs web ini tidak diizinkan masuk ke aplikasi ini.',
    network: 'Tidak dapat terhubung ke server. Periksa koneksi Anda, lalu coba lagi.',
    timeout: 'Server terlalu lama merespons. Coba lagi.',
    code_expired: 'Kode ini sudah kedaluwarsa. Minta kode baru.',
    invalid_token: 'Proses masuk tidak dapat diverifikasi. Coba lagi.',
    invalid_state:
      'Proses masuk ini dimulai di tempat lain atau sudah digunakan. Mulai lagi dari awal.',
    server: 'Terjadi kesalahan di pihak kami. Coba lagi nanti.',
  },
};

export default id;
