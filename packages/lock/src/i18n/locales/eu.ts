import type { LocaleStrings } from './en.js';

const eu: LocaleStrings = {
  heading: 'Hasi saioa',
  close: 'Itxi',
  language: 'Hizkuntza',
  email: {
    label: 'Helbide elektronikoa',
    instructions:
      'Idatzi zure helbide elektronikoa, eta behin erabiltzeko kode bat bidaliko dizugu. Ez da pasahitzik behar.',
    instructionsLink:
      'Idatzi zure helbide elektronikoa, eta saioa hasteko esteka bat bidaliko dizugu.',
    submit: 'Bidali kodea',
    submitLink: 'Bidali esteka',
    terms: 'Zerbitzu-baldintzak onartzen ditut',
  },
  code: {
    sent: 'Kode bat bidali dugu {{email}} helbidera.',
    resent: 'Kode berri bat bidali dugu {{email}} helbidera.',
    label: 'Egiaztapen-kodea',
    hint: 'Mezu elektronikoan jaso duzun {{length}} digituko kodea.',
    submit: 'Jarraitu',
    changeEmail: 'Erabili beste helbide elektroniko bat',
    resend: 'Bidali kode berri bat',
    resendIn_one: 'Kode berri bat eskatu ahal izango duzu {{count}} segundo barru.',
    resendIn_other: 'Kode berri bat eskatu ahal izango duzu {{count}} segundo barru.',
    expiresIn: 'Kodea {{time}} barru iraungiko da.',
    expired: 'Kodea iraungi egin da. Eskatu beste bat.',
  },
  link: {
    sent: 'Esteka bat bidali dugu {{email}} helbidera.',
    instructions: 'Saioa hasteko, ireki mezu elektronikoko esteka gailu honetan.',
    resend: 'Bidali esteka berri bat',
    enterCode: 'Idatzi kodea horren ordez',
  },
  status: {
    sending: 'Bidaltzen…',
    checking: 'Egiaztatzen…',
  },
  done: 'Saioa hasi duzu.',
  errors: {
    wrong_code: 'Kodea okerra da edo iraungi egin da. Egiaztatu eta saiatu berriro.',
    wrong_code_left_one: 'Kodea okerra da. {{count}} saiakera geratzen zaizu.',
    wrong_code_left_other: 'Kodea okerra da. {{count}} saiakera geratzen zaizkizu.',
    attempts_used: 'Kodea okerra da, eta azken saiakera zen. Eskatu kode berri bat.',
    too_many_attempts: 'Kode oker gehiegi. Itxaron minutu batzuk, eta eskatu kode berri bat.',
    rate_limited: 'Eskaera gehiegi. Itxaron une batez eta saiatu berriro.',
    rate_limited_wait_one: 'Eskaera gehiegi. Saiatu berriro {{count}} segundo barru.',
    rate_limited_wait_other: 'Eskaera gehiegi. Saiatu berriro {{count}} segundo barru.',
    bad_email: 'Idatzi baliozko helbide elektroniko bat.',
    code_required: 'Idatzi mezu elektronikoan jaso duzun kodea.',
    terms_required: 'Onartu zerbitzu-baldintzak jarraitzeko.',
    origin_not_allowed: 'Webgune honek ez du baimenik aplikazio honetan saioa hasteko.',
    network: 'Ezin da zerbitzariarekin konektatu. Egiaztatu konexioa eta saiatu berriro.',
    timeout: 'Zerbitzariak gehiegi behar izan du erantzuteko. Saiatu berriro.',
    code_expired: 'Kodea iraungi egin da. Eskatu beste bat.',
    invalid_token: 'Ezin izan da saio-hasiera egiaztatu. Saiatu berriro.',
    invalid_state: 'Saio-hasiera hau beste nonbait hasi da edo dagoeneko erabili da. Hasi berriro.',
    server: 'Zerbait gaizki atera da gure aldetik. Saiatu berriro geroago.',
  },
};

export default eu;
