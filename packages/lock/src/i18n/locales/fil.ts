import type { LocaleStrings } from './en.js';

const fil: LocaleStrings = {
  heading: 'Mag-log in',
  close: 'Isara',
  language: 'Wika',
  email: {
    label: 'Email',
    instructions:
      'Ilagay ang email mo at padadalhan ka namin ng code na isang beses lang magagamit. Hindi kailangan ng password.',
    instructionsLink: 'Ilagay ang email mo at padadalhan ka namin ng link para mag-log in.',
    submit: 'Ipadala ang code',
    submitLink: 'Ipadala ang link',
    terms: 'Tinatanggap ko ang mga tuntunin ng serbisyo',
  },
  code: {
    sent: 'Nagpadala kami ng code sa {{email}}.',
    resent: 'Nagpadala kami ng bagong code sa {{email}}.',
    label: 'Verification code',
    hint: 'Ang {{length}}-digit na code mula sa email.',
    submit: 'Magpatuloy',
    changeEmail: 'Gumamit ng ibang email',
    resend: 'Magpadala ng bagong code',
    resendIn_one: 'Puwede kang humingi ng bagong code pagkalipas ng {{count}} segundo.',
    resendIn_other: 'Puwede kang humingi ng bagong code pagkalipas ng {{count}} segundo.',
    expiresIn: 'Mag-e-expire ang code pagkalipas ng {{time}}.',
    expired: 'Nag-expire na ang code. Humingi ng bago.',
  },
  link: {
    sent: 'Nagpadala kami ng link sa {{email}}.',
    instructions: 'Buksan ang link sa email gamit ang device na ito para matapos ang pag-log in.',
    resend: 'Magpadala ng bagong link',
    enterCode: 'Ilagay na lang ang code',
  },
  status: {
    sending: 'Ipinapadala…',
    checking: 'Sinusuri…',
  },
  done: 'Naka-log in ka na.',
  errors: {
    wrong_code: 'Mali o nag-expire na ang code na iyan. Suriin ito at subukang muli.',
    wrong_code_left_one: 'Mali ang code na iyan. May {{count}} subok ka pa.',
    wrong_code_left_other: 'Mali ang code na iyan. May {{count}} subok ka pa.',
    attempts_used: 'Mali ang code na iyan, at iyon na ang huling subok. Humingi ng bagong code.',
    too_many_attempts:
      'Masyadong maraming maling code. Maghintay nang ilang minuto, saka humingi ng bagong code.',
    rate_limited: 'Masyadong maraming request. Maghintay sandali at subukang muli.',
    rate_limited_wait_one:
      'Masyadong maraming request. Subukang muli pagkalipas ng {{count}} segundo.',
    rate_limited_wait_other:
      'Masyadong maraming request. Subukang muli pagkalipas ng {{count}} segundo.',
    bad_email: 'Maglagay ng wastong email address.',
    code_required: 'Ilagay ang code mula sa email.',
    terms_required: 'Tanggapin ang mga tuntunin ng serbisyo para magpatuloy.',
    origin_not_allowed: 'Hindi pinapayagang mag-log in ang website na ito sa application na ito.',
    network: 'Hindi maabot ang server. Suriin ang koneksyon mo at subukang muli.',
    timeout: 'Masyadong natagalan ang pagsagot ng server. Subukang muli.',
    code_expired: 'Nag-expire na ang code na iyan. Humingi ng bago.',
    invalid_token: 'Hindi ma-verify ang pag-log in. Subukang muli.',
    invalid_state: 'Sinimulan sa ibang lugar o nagamit na ang pag-log in na ito. Magsimulang muli.',
    server: 'Nagkaproblema sa panig namin. Subukang muli mamaya.',
  },
};

export default fil;
