import type { ServerText } from './server-text.js';

const ms: ServerText = {
  email: {
    codeSubject: 'Kod pengesahan {app} anda',
    linkSubject: 'Log masuk ke {app}',
    codeIntro: 'Kod pengesahan {app} anda ialah:',
    codeUse:
      'Masukkan kod ini di tempat anda memintanya. Kod ini hanya boleh digunakan sekali dan akan tamat tempoh dalam {minutes}.',
    linkIntro: 'Log masuk ke {app} dengan pautan ini:',
    linkButton: 'Log masuk',
    linkCode: 'Atau masukkan kod ini:',
    linkUse: 'Pautan ini hanya boleh digunakan sekali dan akan tamat tempoh dalam {minutes}.',
    ignore: 'Jika anda tidak memintanya, anda boleh abaikan e-mel ini.',
  },
  confirm: {
    heading: 'Log masuk ke {app}',
    intro: 'Tekan butang untuk melengkapkan log masuk.',
    button: 'Log masuk',
    notYou: 'Jika anda tidak meminta untuk log masuk, anda boleh menutup halaman ini.',
    refusedHeading: 'Halaman log masuk ini tidak boleh digunakan',
    refusedText:
      'Halaman ini telah tamat tempoh, telah digunakan atau dihantar dari laman lain. Buka semula pautan dalam e-mel, atau minta pautan baharu.',
  },
};

export default ms;
