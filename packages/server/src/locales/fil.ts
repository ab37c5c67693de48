import type { ServerText } from './server-text.js';

const fil: ServerText = {
  email: {
    codeSubject: 'Ang verification code mo sa {app}',
    linkSubject: 'Mag-log in sa {app}',
    codeIntro: 'Ang verification code mo sa {app}:',
    codeUse:
      'Ilagay ito kung saan mo ito hiningi. Isang beses lang ito magagamit at mag-e-expire ito pagkalipas ng {minutes}.',
    linkIntro: 'Mag-log in sa {app} gamit ang link na ito:',
    linkButton: 'Mag-log in',
    linkCode: 'O ilagay ang code na ito:',
    linkUse: 'Isang beses lang magagamit ang link at mag-e-expire ito pagkalipas ng {minutes}.',
    ignore: 'Kung hindi mo ito hiningi, puwede mong balewalain ang email na ito.',
  },
  confirm: {
    heading: 'Mag-log in sa {app}',
    intro: 'Pindutin ang button para matapos ang pag-log in.',
    button: 'Mag-log in',
    notYou: 'Kung hindi ka humiling na mag-log in, puwede mong isara ang page na ito.',
    refusedHeading: 'Hindi magagamit ang page na ito sa pag-log in',
    refusedText:
      'Nag-expire na ito, nagamit na, o ipinadala mula sa ibang site. Buksan muli ang link sa email, o humingi ng bagong link.',
  },
};

export default fil;
