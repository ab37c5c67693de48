import type { ServerText } from './server-text.js';

const pl: ServerText = {
  email: {
    codeSubject: 'Twój kod weryfikacyjny do aplikacji {app}',
    linkSubject: 'Zaloguj się do aplikacji {app}',
    codeIntro: 'Twój kod weryfikacyjny do aplikacji {app} to:',
    codeUse: 'Wpisz go w oknie, w którym się logujesz. Działa tylko raz i wygaśnie za {minutes}.',
    linkIntro: 'Zaloguj się do aplikacji {app} za pomocą tego linku:',
    linkButton: 'Zaloguj się',
    linkCode: 'Możesz też wpisać ten kod:',
    linkUse: 'Link działa tylko raz i wygaśnie za {minutes}.',
    ignore: 'Jeśli to nie była Twoja prośba, możesz zignorować ten e-mail.',
  },
  confirm: {
    heading: 'Zaloguj się do aplikacji {app}',
    intro: 'Naciśnij przycisk, aby dokończyć logowanie.',
    button: 'Zaloguj się',
    notYou: 'Jeśli to nie Ty próbujesz się zalogować, możesz zamknąć tę stronę.',
    refusedHeading: 'Tej strony logowania nie można użyć',
    refusedText:
      'Strona wygasła, została już użyta lub wysłano ją z innej witryny. Otwórz ponownie link z e-maila albo poproś o nowy.',
  },
};

export default pl;
