/**
 * The server's words in one language: the built-in verification email and the confirm page of
 * magic links. One file per language beside this one, for every locale the widget ships
 * (packages/lock/src/i18n/locales), using the same words as its glossary
 * (packages/lock/src/i18n/glossary).
 *
 * Placeholders: `{app}` is the application's name; `{minutes}` is a duration the server formats in
 * the language (`10 minutes`, `10 Minuten`, `10 دقائق`), so no plural forms are needed here.
 */
export interface ServerText {
  /** Written right to left (Arabic, Hebrew, Persian, Urdu). */
  rtl?: true;
  email: {
    /** Subject of a code mail. */
    codeSubject: string;
    /** Subject of a magic-link mail. */
    linkSubject: string;
    /** Above the code. */
    codeIntro: string;
    /** Below the code. */
    codeUse: string;
    /** Above the link (text part) or button (HTML part). */
    linkIntro: string;
    /** The button that opens the link. */
    linkButton: string;
    /** Before the code in a link mail that also shows it. */
    linkCode: string;
    /** Below the link. */
    linkUse: string;
    /** Last line of every mail. */
    ignore: string;
  };
  confirm: {
    heading: string;
    intro: string;
    button: string;
    notYou: string;
    refusedHeading: string;
    refusedText: string;
  };
}
