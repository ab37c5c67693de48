import type { LocaleStrings } from './locales/en.js';

/**
 * The locales the widget ships. English is bundled; every other one is a dynamic import, so a
 * bundler splits it into its own chunk and a page only downloads the language it shows.
 */
export const LOCALE_LOADERS: Readonly<Record<string, () => Promise<{ default: LocaleStrings }>>> = {
  af: () => import('./locales/af.js'),
  ar: () => import('./locales/ar.js'),
  ca: () => import('./locales/ca.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  eu: () => import('./locales/eu.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  gl: () => import('./locales/gl.js'),
  he: () => import('./locales/he.js'),
  is: () => import('./locales/is.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  nb: () => import('./locales/nb.js'),
  nl: () => import('./locales/nl.js'),
  nn: () => import('./locales/nn.js'),
  pl: () => import('./locales/pl.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  'pt-PT': () => import('./locales/pt-PT.js'),
  sv: () => import('./locales/sv.js'),
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
