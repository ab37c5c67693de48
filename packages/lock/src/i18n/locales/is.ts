import type { LocaleStrings } from './en.js';

const is: LocaleStrings = {
  heading: 'Innskráning',
  close: 'Loka',
  language: 'Tungumál',
  email: {
    label: 'Netfang',
    instructions: 'Sláðu inn netfangið þitt og við sendum þér einnota kóða. Ekkert lykilorð þarf.',
    instructionsLink: 'Sláðu inn netfangið þitt og við sendum þér tengil til að skrá þig inn.',
    submit: 'Senda kóða',
    submitLink: 'Senda tengil',
    terms: 'Ég samþykki þjónustuskilmálana',
  },
  code: {
    sent: 'Við sendum kóða á {{email}}.',
    resent: 'Við sendum nýjan kóða á {{email}}.',
    label: 'Staðfestingarkóði',
    hint: '{{length}} stafa kóðinn úr tölvupóstinum.',
    submit: 'Áfram',
    changeEmail: 'Nota annað netfang',
    resend: 'Senda nýjan kóða',
    resendIn_one: 'Þú getur beðið um nýjan kóða eftir {{count}} sekúndu.',
    resendIn_other: 'Þú getur beðið um nýjan kóða eftir {{count}} sekúndur.',
    expiresIn: 'Kóðinn rennur út eftir {{time}}.',
    expired: 'Kóðinn er útrunninn. Biddu um nýjan.',
  },
  link: {
    sent: 'Við sendum tengil á {{email}}.',
    instructions: 'Opnaðu tengilinn í tölvupóstinum á þessu tæki til að ljúka innskráningunni.',
    resend: 'Senda nýjan tengil',
    enterCode: 'Slá frekar inn kóðann',
  },
  status: {
    sending: 'Sendi…',
    checking: 'Athuga…',
  },
  done: 'Innskráning tókst.',
  errors: {
    wrong_code: 'Kóðinn er rangur eða útrunninn. Athugaðu hann og reyndu aftur.',
    wrong_code_left_one: 'Kóðinn er rangur. Þú átt {{count}} tilraun eftir.',
    wrong_code_left_other: 'Kóðinn er rangur. Þú átt {{count}} tilraunir eftir.',
    attempts_used: 'Kóðinn er rangur og þetta var síðasta tilraunin. Biddu um nýjan kóða.',
    too_many_attempts:
      'Of margir rangir kóðar. Bíddu í nokkrar mínútur og biddu svo um nýjan kóða.',
    rate_limited: 'Of margar beiðnir. Bíddu aðeins og reyndu aftur.',
    rate_limited_wait_one: 'Of margar beiðnir. Reyndu aftur eftir {{count}} sekúndu.',
    rate_limited_wait_other: 'Of margar beiðnir. Reyndu aftur eftir {{count}} sekúndur.',
    bad_email: 'Sláðu inn gilt netfang.',
    code_required: 'Sláðu inn kóðann úr tölvupóstinum.',
    terms_required: 'Samþykktu þjónustuskilmálana til að halda áfram.',
    origin_not_allowed: 'Þetta vefsvæði hefur ekki heimild til að skrá sig inn í þetta forrit.',
    network: 'Ekki næst samband við netþjóninn. Athugaðu tenginguna og reyndu aftur.',
    timeout: 'Netþjónninn var of lengi að svara. Reyndu aftur.',
    code_expired: 'Kóðinn er útrunninn. Biddu um nýjan.',
    invalid_token: 'Ekki tókst að staðfesta innskráninguna. Reyndu aftur.',
    invalid_state:
      'Þessi innskráning var hafin annars staðar eða hefur þegar verið notuð. Byrjaðu upp á nýtt.',
    server: 'Eitthvað fór úrskeiðis hjá okkur. Reyndu aftur síðar.',
  },
};

export default is;
