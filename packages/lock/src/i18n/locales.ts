// The registry chunk: the element reaches this module only through `import()`, and not at all on
// English pages, so neither the list of locales nor the matcher weighs on the first load.
import { matchLocale } from './match-locale.js';
import type { LocaleStrings } from './locales/en.js';

/**
 * The locales the widget ships. English is bundled; every other one is a dynamic import, so a
 * bundler splits it into its own chunk and a page only downloads the language it shows.
 */
export const LOCALE_LOADERS: Readonly<Record<string, () => Promise<{ default: LocaleStrings }>>> = {
  af: () => import('./locales/af.js'),
  ar: () => import('./locales/ar.js'),
  az: () => import('./locales/az.js'),
  bg: () => import('./locales/bg.js'),
  bn: () => import('./locales/bn.js'),
  ca: () => import('./locales/ca.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  et: () => import('./locales/et.js'),
  eu: () => import('./locales/eu.js'),
  fa: () => import('./locales/fa.js'),
  fi: () => import('./locales/fi.js'),
  fil: () => import('./locales/fil.js'),
  fr: () => import('./locales/fr.js'),
  gl: () => import('./locales/gl.js'),
  he: () => import('./locales/he.js'),
  hi: () => import('./locales/hi.js'),
  hr: () => import('./locales/hr.js'),
  hu: () => import('./locales/hu.js'),
  id: () => import('./locales/id.js'),
  is: () => import('./locales/is.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  lt: () => import('./locales/lt.js'),
  lv: () => import('./locales/lv.js'),
  ms: () => import('./locales/ms.js'),
  nb: () => import('./locales/nb.js'),
  nl: () => import('./locales/nl.js'),
  nn: () => import('./locales/nn.js'),
  pl: () => import('./locales/pl.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  'pt-PT': () => import('./locales/pt-PT.js'),
  ro: () => import('./locales/ro.js'),
  ru: () => import('./locales/ru.js'),
  sk: () => import('./locales/sk.js'),
  sl: () => import('./locales/sl.js'),
  sr: () => import('./locales/sr.js'),
  sv: () => import('./locales/sv.js'),
  sw: () => import('./locales/sw.js'),
  th: () => import('./locales/th.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  ur: () => import('./locales/ur.js'),
  vi: () => import('./locales/vi.js'),
  'zh-Hans': () => import('./locales/zh-Hans.js'),
  'zh-Hant': () => import('./locales/zh-Hant.js'),
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
