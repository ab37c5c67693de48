import type { ServerText } from './server-text.js';

const sr: ServerText = {
  email: {
    codeSubject: '{app}: ваш код за потврду',
    linkSubject: 'Пријава у {app}',
    codeIntro: 'Ваш код за {app} је:',
    codeUse: 'Унесите га тамо где сте га затражили. Важи једном и истиче за {minutes}.',
    linkIntro: 'Пријавите се у {app} помоћу овог линка:',
    linkButton: 'Пријави се',
    linkCode: 'Или унесите овај код:',
    linkUse: 'Линк важи једном и истиче за {minutes}.',
    ignore: 'Ако га нисте затражили, можете занемарити овај имејл.',
  },
  confirm: {
    heading: 'Пријава у {app}',
    intro: 'Притисните дугме да бисте довршили пријаву.',
    button: 'Пријави се',
    notYou: 'Ако нисте тражили пријаву, можете затворити ову страницу.',
    refusedHeading: 'Ова страница за пријаву не може да се користи',
    refusedText:
      'Линк је истекао, већ је искоришћен или је послат са другог сајта. Поново отворите линк из имејла или затражите нови.',
  },
};

export default sr;
