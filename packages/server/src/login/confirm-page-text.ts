/** The words of a magic link's confirm page in one language. `{app}` is the application's name. */
export interface ConfirmPageText {
  /** Written right to left (Arabic, Hebrew, …). */
  rtl?: boolean;
  heading: string;
  intro: string;
  button: string;
  notYou: string;
  refusedHeading: string;
  refusedText: string;
}

/**
 * One entry per language, keyed by its lower-case tag: adding a language is adding an entry.
 * The languages are the widget's (packages/lock/src/i18n/locales).
 */
export const CONFIRM_PAGE_TEXT: Readonly<Record<string, ConfirmPageText>> = {
  en: {
    heading: 'Sign in to {app}',
    intro: 'Press the button to finish signing in.',
    button: 'Sign in',
    notYou: 'If you did not ask to sign in, you can close this page.',
    refusedHeading: 'This sign-in page cannot be used',
    refusedText:
      'It has expired, was already used, or was sent from another site. Open the link in the email again, or ask for a new one.',
  },
  de: {
    heading: 'Bei {app} anmelden',
    intro: 'Klicken Sie auf die Schaltfläche, um die Anmeldung abzuschließen.',
    button: 'Anmelden',
    notYou: 'Wenn Sie keine Anmeldung angefordert haben, können Sie diese Seite schließen.',
    refusedHeading: 'Diese Anmeldeseite kann nicht verwendet werden',
    refusedText:
      'Sie ist abgelaufen, wurde bereits verwendet oder von einer anderen Website gesendet. Öffnen Sie den Link aus der E-Mail erneut oder fordern Sie einen neuen an.',
  },
  es: {
    heading: 'Iniciar sesión en {app}',
    intro: 'Pulse el botón para terminar de iniciar sesión.',
    button: 'Iniciar sesión',
    notYou: 'Si no ha solicitado iniciar sesión, puede cerrar esta página.',
    refusedHeading: 'Esta página de inicio de sesión no se puede usar',
    refusedText:
      'Ha caducado, ya se ha usado o se envió desde otro sitio. Vuelva a abrir el enlace del correo o solicite uno nuevo.',
  },
  fr: {
    heading: 'Se connecter à {app}',
    intro: 'Appuyez sur le bouton pour terminer la connexion.',
    button: 'Se connecter',
    notYou: "Si vous n'avez pas demandé à vous connecter, vous pouvez fermer cette page.",
    refusedHeading: 'Cette page de connexion ne peut pas être utilisée',
    refusedText:
      "Elle a expiré, a déjà été utilisée ou a été envoyée depuis un autre site. Ouvrez de nouveau le lien de l'e-mail ou demandez-en un nouveau.",
  },
  ja: {
    heading: '{app} にログイン',
    intro: 'ボタンを押してログインを完了してください。',
    button: 'ログイン',
    notYou: 'ログインを依頼していない場合は、このページを閉じてください。',
    refusedHeading: 'このログインページは使用できません',
    refusedText:
      '有効期限が切れたか、すでに使用されたか、別のサイトから送信されました。メールのリンクをもう一度開くか、新しいリンクを依頼してください。',
  },
  ar: {
    rtl: true,
    heading: 'تسجيل الدخول إلى {app}',
    intro: 'اضغط على الزر لإكمال تسجيل الدخول.',
    button: 'تسجيل الدخول',
    notYou: 'إذا لم تطلب تسجيل الدخول، يمكنك إغلاق هذه الصفحة.',
    refusedHeading: 'لا يمكن استخدام صفحة تسجيل الدخول هذه',
    refusedText:
      'انتهت صلاحيتها أو استُخدمت من قبل أو أُرسلت من موقع آخر. افتح الرابط من البريد الإلكتروني مرة أخرى أو اطلب رابطًا جديدًا.',
  },
  he: {
    rtl: true,
    heading: 'כניסה אל {app}',
    intro: 'לחצו על הכפתור כדי להשלים את הכניסה.',
    button: 'כניסה',
    notYou: 'אם לא ביקשתם להיכנס, אפשר לסגור את הדף הזה.',
    refusedHeading: 'לא ניתן להשתמש בדף הכניסה הזה',
    refusedText:
      'תוקפו פג, כבר נעשה בו שימוש או שהוא נשלח מאתר אחר. פתחו שוב את הקישור מהמייל או בקשו קישור חדש.',
  },
};

const FALLBACK = 'en';

/**
 * The page's language for a link issued in `language` (a tag, or OIDC `ui_locales`: several,
 * space-separated, preferred first): the first with an entry, exactly or by its primary subtag
 * (`de-CH` → `de`), else English.
 */
export function confirmPageLanguage(language: string | undefined): string {
  for (const tag of (language ?? '').toLowerCase().split(' ')) {
    if (Object.hasOwn(CONFIRM_PAGE_TEXT, tag)) return tag;
    const primary = tag.split('-')[0]!;
    if (Object.hasOwn(CONFIRM_PAGE_TEXT, primary)) return primary;
  }
  return FALLBACK;
}
