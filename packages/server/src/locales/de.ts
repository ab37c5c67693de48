import type { ServerText } from './server-text.js';

const de: ServerText = {
  email: {
    codeSubject: 'Ihr Bestätigungscode für {app}',
    linkSubject: 'Bei {app} anmelden',
    codeIntro: 'Ihr Bestätigungscode für {app} lautet:',
    codeUse:
      'Geben Sie ihn dort ein, wo Sie ihn angefordert haben. Er gilt nur einmal und läuft in {minutes} ab.',
    linkIntro: 'Mit diesem Link melden Sie sich bei {app} an:',
    linkButton: 'Anmelden',
    linkCode: 'Oder geben Sie diesen Code ein:',
    linkUse: 'Der Link gilt nur einmal und läuft in {minutes} ab.',
    ignore: 'Wenn Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren.',
  },
  confirm: {
    heading: 'Bei {app} anmelden',
    intro: 'Klicken Sie auf die Schaltfläche, um die Anmeldung abzuschließen.',
    button: 'Anmelden',
    notYou: 'Wenn Sie keine Anmeldung angefordert haben, können Sie diese Seite schließen.',
    refusedHeading: 'Diese Anmeldeseite kann nicht verwendet werden',
    refusedText:
      'Sie ist abgelaufen, wurde bereits verwendet oder von einer anderen Website gesendet. Öffnen Sie den Link aus der E-Mail erneut oder fordern Sie einen neuen an.',
  },
};

export default de;
