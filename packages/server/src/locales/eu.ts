import type { ServerText } from './server-text.js';

const eu: ServerText = {
  email: {
    codeSubject: 'Zure {app} egiaztapen-kodea',
    linkSubject: 'Hasi saioa {app} aplikazioan',
    codeIntro: 'Hona hemen zure {app} egiaztapen-kodea:',
    codeUse:
      'Idatzi eskatu duzun lekuan. Behin bakarrik balio du, eta {minutes} barru iraungiko da.',
    linkIntro: 'Hasi saioa {app} aplikazioan esteka honekin:',
    linkButton: 'Hasi saioa',
    linkCode: 'Edo idatzi kode hau:',
    linkUse: 'Estekak behin bakarrik balio du, eta {minutes} barru iraungiko da.',
    ignore: 'Zuk eskatu ez baduzu, ez egin kasurik mezu elektroniko honi.',
  },
  confirm: {
    heading: 'Hasi saioa {app} aplikazioan',
    intro: 'Sakatu botoia saio-hasiera osatzeko.',
    button: 'Hasi saioa',
    notYou: 'Zuk ez baduzu saioa hasteko eskatu, itxi dezakezu orri hau.',
    refusedHeading: 'Saio-hasierako orri hau ezin da erabili',
    refusedText:
      'Iraungi egin da, dagoeneko erabili da edo beste webgune batetik bidali da. Ireki berriro mezu elektronikoko esteka, edo eskatu beste bat.',
  },
};

export default eu;
