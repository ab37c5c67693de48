// Its own module, imported only by the lazy language menu, so pages without the menu never
// download it. The demo's language switch imports it from here too.

/** Each shipped language in its own name, as people look for it. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  ar: 'العربية',
  he: 'עברית',
  ja: '日本語',
};
