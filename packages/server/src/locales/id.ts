import type { ServerText } from './server-text.js';

const id: ServerText = {
  email: {
    codeSubject: 'Kode verifikasi {app} Anda',
    linkSubject: 'Masuk ke {app}',
    codeIntro: 'Kode verifikasi {app} Anda adalah:',
    codeUse:
      'Masukkan kode ini di tempat Anda memintanya. Kode hanya berlaku sekali dan akan kedaluwarsa dalam {minutes}.',
    linkIntro: 'Masuk ke {app} dengan tautan ini:',
    linkButton: 'Masuk',
    linkCode: 'Atau masukkan kode ini:',
    linkUse: 'Tautan hanya berlaku sekali dan akan kedaluwarsa dalam {minutes}.',
    ignore: 'Jika Anda tidak memintanya, abaikan saja email ini.',
  },
  confirm: {
    heading: 'Masuk ke {app}',
    intro: 'Tekan tombol untuk menyelesaikan proses masuk.',
    button: 'Masuk',
    notYou: 'Jika Anda tidak meminta untuk masuk, Anda dapat menutup halaman ini.',
    refusedHeading: 'Halaman masuk ini tidak dapat digunakan',
    refusedText:
      'Halaman ini sudah kedaluwarsa, sudah digunakan, atau dikirim dari situs lain. Buka lagi tautan di email, atau minta tautan baru.',
  },
};

export default id;
