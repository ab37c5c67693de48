import type { ServerText } from './server-text.js';

const sk: ServerText = {
  email: {
    codeSubject: 'Váš overovací kód pre {app}',
    linkSubject: 'Prihlásenie do {app}',
    codeIntro: 'Váš overovací kód pre {app}:',
    codeUse: 'Zadajte ho tam, kde ste oň požiadali. Kód je jednorazový, doba platnosti: {minutes}.',
    linkIntro: 'Prihláste sa do {app} týmto odkazom:',
    linkButton: 'Prihlásiť sa',
    linkCode: 'Alebo zadajte tento kód:',
    linkUse: 'Odkaz je jednorazový, doba platnosti: {minutes}.',
    ignore: 'Ak ste o nič nežiadali, môžete tento e-mail ignorovať.',
  },
  confirm: {
    heading: 'Prihlásenie do {app}',
    intro: 'Prihlásenie dokončíte stlačením tlačidla.',
    button: 'Prihlásiť sa',
    notYou: 'Ak ste sa nechceli prihlásiť, môžete túto stránku zavrieť.',
    refusedHeading: 'Túto prihlasovaciu stránku nemožno použiť',
    refusedText:
      'Odkaz vypršal, už bol použitý alebo bol odoslaný z iného webu. Otvorte odkaz z e-mailu znova alebo si vyžiadajte nový.',
  },
};

export default sk;
