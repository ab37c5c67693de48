// The registry chunk: the element reaches this module only through `import()`, and not at all on
// English pages, so neither the list of locales nor the matcher weighs on the first load.
import { matchLocale } from './match-locale.js';
import type { LocaleStrings } from './locales/en.js';

/**
 * The locales the widget ships. English is bundled; every other one is a dynamic import, so a
 * bundler splits it into its own chunk and a page only downloads the language it shows.
 */
export const LOCALE_LOADERS: Readonly<Record<string, () => Promise<{ default: LocaleStrings }>>> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  ja: () => import('./locales/ja.js'),
};

/** Every language code the widget has strings for. */
export const SUPPORTED_LANGUAGES: readonly string[] = ['en', ...Object.keys(LOCALE_LOADERS)];

/** A locale of the widget, and the language tag that led to it. */
export interface Negotiated {
  /** The locale whose strings are shown, e.g. `de` or `zh-Hant`. */
  locale: string;
  /** The tag as asked, e.g. `de-AT`: what the server is told, so the mail can be regional. */
  requested: string;
}

/**
 * The locale for the first of `candidates` (BCP 47 tags, most wanted first) that one of
 * `supported` suits, by {@link matchLocale}'s rules (`de-AT` → `de`, `zh-TW` → `zh-Hant`);
 * English when none does.
 */
export function negotiate(
  candidates: readonly string[],
  supported: readonly string[] = SUPPORTED_LANGUAGES,
): Negotiated {
  for (const requested of candidates) {
    const locale = matchLocale([requested], supported);
    if (locale) return { locale, requested };
  }
  return { locale: 'en', requested: 'en' };
}
