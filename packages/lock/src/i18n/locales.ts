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

/**
 * The first of `requested` (BCP 47 tags, most wanted first) the widget has strings for, matching
 * `fr-CA` to `fr`; `en` when none matches.
 */
export function matchLanguage(requested: readonly string[]): string {
  for (const tag of requested) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (SUPPORTED_LANGUAGES.includes(base)) return base;
  }
  return 'en';
}
