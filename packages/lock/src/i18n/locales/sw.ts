import type { LocaleStrings } from './en.js';

const sw: LocaleStrings = {
  heading: 'Ingia',
  close: 'Funga',
  language: 'Lugha',
  email: {
    label: 'Barua pepe',
    instructions:
      'Weka barua pepe yako nasi tutakutumia msimbo wa kutumia mara moja. Hakuna haja ya nenosiri.',
    instructionsLink: 'Weka barua pepe yako nasi tutakutumia kiungo cha kuingia.',
    submit: 'Tuma msimbo',
    submitLink: 'Tuma kiungo',
    terms: 'Ninakubali sheria na masharti ya huduma',
  },
  code: {
    sent: 'Tumetuma msimbo kwa {{email}}.',
    resent: 'Tumetuma msimbo mpya kwa {{email}}.',
    label: 'Msimbo wa uthibitishaji',
    hint: 'Msimbo wa tarakimu {{length}} ulio kwenye barua pepe.',
    submit: 'Endelea',
    changeEmail: 'Tumia barua pepe nyingine',
    resend: 'Tuma msimbo mpya',
    resendIn_one: 'Unaweza kuomba msimbo mpya baada ya sekunde {{count}}.',
    resendIn_other: 'Unaweza kuomba msimbo mpya baada ya sekunde {{count}}.',
    expiresIn: 'Muda wa msimbo utaisha baada ya {{time}}.',
    expired: 'Muda wa msimbo umeisha. Omba msimbo mpya.',
  },
  link: {
    sent: 'Tumetuma kiungo kwa {{email}}.',
    instructions:
      'Fungua kiungo kilicho kwenye barua pepe ukitumia kifaa hiki ili umalize kuingia.',
    resend: 'Tuma kiungo kipya',
    enterCode: 'Weka msimbo badala yake',
  },
  status: {
    sending: 'Inatuma…',
    checking: 'Inakagua…',
  },
  done: 'Umeingia.',
  errors: {
    wrong_code: 'Msimbo huo si sahihi au muda wake umeisha. Uangalie kisha ujaribu tena.',
    wrong_code_left_one: 'Msimbo huo si sahihi. Umebakiwa na jaribio {{count}}.',
    wrong_code_left_other: 'Msimbo huo si sahihi. Umebakiwa na majaribio {{count}}.',
    attempts_used: 'Msimbo huo si sahihi, na hilo lilikuwa jaribio la mwisho. Omba msimbo mpya.',
    too_many_attempts: 'Misimbo mingi isiyo sahihi. Subiri dakika chache, kisha uombe msimbo mpya.',
    rate_limited: 'Maombi ni mengi mno. Subiri kidogo kisha ujaribu tena.',
    rate_limited_wait_one: 'Maombi ni mengi mno. Jaribu tena baada ya sekunde {{count}}.',
    rate_limited_wait_other: 'Maombi ni mengi mno. Jaribu tena baada ya sekunde {{count}}.',
    bad_email: 'Weka anwani sahihi ya barua pepe.',
    code_required: 'Weka msimbo ulio kwenye barua pepe.',
    terms_required: 'Kubali sheria na masharti ya huduma ili uendelee.',
    origin_not_allowed: 'Tovuti hii hairuhusiwi kuingia kwenye programu hii.',
    network: 'Imeshindwa kufikia seva. Angalia muunganisho wako kisha ujaribu tena.',
    timeout: 'Seva imechukua muda mrefu mno kujibu. Jaribu tena.',
    code_expired: 'Muda wa msimbo huo umeisha. Omba msimbo mpya.',
    invalid_token: 'Imeshindwa kuthibitisha kuingia kwako. Jaribu tena.',
    invalid_state: 'Kuingia huku kulianzishwa mahali pengine au tayari kumetumika. Anza upya.',
    server: 'Hitilafu imetokea upande wetu. Jaribu tena baadaye.',
  },
};

export default sw;
