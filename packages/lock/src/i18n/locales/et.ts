import type { LocaleStrings } from './en.js';

const et: LocaleStrings = {
  heading: 'Logi sisse',
  close: 'Sulge',
  language: 'Keel',
  email: {
    label: 'E-post',
    instructions:
      'Sisesta oma e-posti aadress ja me saadame sulle ühekordse koodi. Parooli pole vaja.',
    instructionsLink: 'Sisesta oma e-posti aadress ja me saadame sulle sisselogimislingi.',
    submit: 'Saada kood',
    submitLink: 'Saada link',
    terms: 'Nõustun kasutustingimustega',
  },
  code: {
    sent: 'Saatsime koodi aadressile {{email}}.',
    resent: 'Saatsime uue koodi aadressile {{email}}.',
    label: 'Kinnituskood',
    hint: '{{length}}-kohaline kood e-kirjast.',
    submit: 'Jätka',
    changeEmail: 'Kasuta teist e-posti aadressi',
    resend: 'Saada uus kood',
    resendIn_one: 'Uue koodi saad küsida {{count}} sekundi pärast.',
    resendIn_other: 'Uue koodi saad küsida {{count}} sekundi pärast.',
    expiresIn: 'Kood kehtib veel {{time}}.',
    expired: 'Kood on aegunud. Küsi uus.',
  },
  link: {
    sent: 'Saatsime lingi aadressile {{email}}.',
    instructions: 'Sisselogimise lõpetamiseks ava e-kirjas olev link selles seadmes.',
    resend: 'Saada uus link',
    enterCode: 'Sisesta hoopis kood',
  },
  status: {
    sending: 'Saatmine…',
    checking: 'Kontrollimine…',
  },
  done: 'Oled sisse logitud.',
  errors: {
    wrong_code: 'Kood on vale või aegunud. Kontrolli seda ja proovi uuesti.',
    wrong_code_left_one: 'Kood on vale. Sul on veel {{count}} katse.',
    wrong_code_left_other: 'Kood on vale. Sul on veel {{count}} katset.',
    attempts_used: 'Kood on vale ja see oli viimane katse. Küsi uus kood.',
    too_many_attempts: 'Liiga palju valesid koode. Oota mõni minut ja küsi siis uus kood.',
    rate_limited: 'Liiga palju päringuid. Oota hetk ja proovi uuesti.',
    rate_limited_wait_one: 'Liiga palju päringuid. Proovi uuesti {{count}} sekundi pärast.',
    rate_limited_wait_other: 'Liiga palju päringuid. Proovi uuesti {{count}} sekundi pärast.',
    bad_email: 'Sisesta kehtiv e-posti aadress.',
    code_required: 'Sisesta e-kirjas olev kood.',
    terms_required: 'Jätkamiseks nõustu kasutustingimustega.',
    origin_not_allowed: 'Sellel veebisaidil pole lubatud sellesse rakendusse sisse logida.',
    network: 'Serveriga ei saa ühendust. Kontrolli internetiühendust ja proovi uuesti.',
    timeout: 'Server ei vastanud õigel ajal. Proovi uuesti.',
    code_expired: 'See kood on aegunud. Küsi uus.',
    invalid_token: 'Sisselogimist ei õnnestunud kinnitada. Proovi uuesti.',
    invalid_state: 'Seda sisselogimist alustati mujal või see on juba kasutatud. Alusta uuesti.',
    server: 'Meie poolel läks midagi valesti. Proovi hiljem uuesti.',
  },
};

export default et;
