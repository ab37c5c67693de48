import type { ServerText } from './server-text.js';

const az: ServerText = {
  email: {
    codeSubject: '{app} təsdiq kodunuz',
    linkSubject: '{app} tətbiqinə daxil olun',
    codeIntro: '{app} təsdiq kodunuz:',
    codeUse:
      'Kodu tələb etdiyiniz ekrana daxil edin. Kod birdəfəlikdir və müddəti {minutes} sonra bitir.',
    linkIntro: 'Bu keçidlə {app} tətbiqinə daxil olun:',
    linkButton: 'Daxil ol',
    linkCode: 'Və ya bu kodu daxil edin:',
    linkUse: 'Keçid birdəfəlikdir və müddəti {minutes} sonra bitir.',
    ignore: 'Bunu siz istəməmisinizsə, bu e-poçtu nəzərə almaya bilərsiniz.',
  },
  confirm: {
    heading: '{app} tətbiqinə daxil olun',
    intro: 'Daxil olmanı tamamlamaq üçün düyməni basın.',
    button: 'Daxil ol',
    notYou: 'Daxil olmaq istəməmisinizsə, bu səhifəni bağlaya bilərsiniz.',
    refusedHeading: 'Bu daxil olma səhifəsindən istifadə etmək olmaz',
    refusedText:
      'Keçidin müddəti bitib, o artıq istifadə olunub və ya başqa saytdan göndərilib. E-poçtdakı keçidi yenidən açın və ya yenisini istəyin.',
  },
};

export default az;
