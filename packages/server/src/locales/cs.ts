import type { ServerText } from './server-text.js';

const cs: ServerText = {
  email: {
    codeSubject: 'Váš ověřovací kód pro {app}',
    linkSubject: 'Přihlášení do {app}',
    codeIntro: 'Váš ověřovací kód pro {app}:',
    codeUse:
      'Zadejte ho tam, kde jste o něj požádali. Kód je jednorázový, doba platnosti: {minutes}.',
    linkIntro: 'Přihlaste se do {app} tímto odkazem:',
    linkButton: 'Přihlásit se',
    linkCode: 'Nebo zadejte tento kód:',
    linkUse: 'Odkaz je jednorázový, doba platnosti: {minutes}.',
    ignore: 'Pokud jste o nic nežádali, můžete tento e-mail ignorovat.',
  },
  confirm: {
    heading: 'Přihlášení do {app}',
    intro: 'Přihlášení dokončíte stisknutím tlačítka.',
    button: 'Přihlásit se',
    notYou: 'Pokud jste se nechtěli přihlásit, můžete tuto stránku zavřít.',
    refusedHeading: 'Tuto přihlašovací stránku nelze použít',
    refusedText:
      'Odkaz vypršel, už byl použit nebo byl odeslán z jiného webu. Otevřete odkaz z e-mailu znovu, nebo požádejte o nový.',
  },
};

export default cs;
