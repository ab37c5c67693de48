import type { ServerText } from './server-text.js';

const he: ServerText = {
  rtl: true,
  email: {
    codeSubject: 'קוד האימות שלך ל־{app}',
    linkSubject: 'התחברות אל {app}',
    codeIntro: 'קוד האימות שלך ל־{app} הוא:',
    codeUse:
      'יש להזין אותו במקום שבו הוא התבקש. אפשר להשתמש בו פעם אחת בלבד, והתוקף שלו יפוג בעוד {minutes}.',
    linkIntro: 'אפשר להתחבר אל {app} דרך הקישור הזה:',
    linkButton: 'התחברות',
    linkCode: 'אפשר גם להזין את הקוד הזה:',
    linkUse: 'אפשר להשתמש בקישור פעם אחת בלבד, והתוקף שלו יפוג בעוד {minutes}.',
    ignore: 'אם לא ביקשת אותו, אפשר להתעלם מהאימייל הזה.',
  },
  confirm: {
    heading: 'התחברות אל {app}',
    intro: 'יש ללחוץ על הכפתור כדי להשלים את ההתחברות.',
    button: 'התחברות',
    notYou: 'אם לא ביקשת להתחבר, אפשר לסגור את הדף הזה.',
    refusedHeading: 'לא ניתן להשתמש בדף ההתחברות הזה',
    refusedText:
      'תוקפו פג, כבר נעשה בו שימוש או שהוא נשלח מאתר אחר. יש לפתוח שוב את הקישור מהאימייל או לבקש קישור חדש.',
  },
};

export default he;
