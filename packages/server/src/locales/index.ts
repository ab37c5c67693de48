import en from './en.js';
import { localeMatcher } from './match-locale.js';
import type { ServerText } from './server-text.js';

export const FALLBACK_LOCALE = 'en';

/**
 * The server's words in every locale the widget ships, keyed by the widget's tag. English is
 * always loaded; any other locale's file on its first mail or page (fifty modules were a twentieth
 * of a start).
 */
const LOCALE_FILES: Readonly<Record<string, () => Promise<{ default: ServerText }>>> = {
  af: () => import('./af.js'),
  ar: () => import('./ar.js'),
  az: () => import('./az.js'),
  bg: () => import('./bg.js'),
  bn: () => import('./bn.js'),
  ca: () => import('./ca.js'),
  cs: () => import('./cs.js'),
  da: () => import('./da.js'),
  de: () => import('./de.js'),
  el: () => import('./el.js'),
  en: async () => ({ default: en }),
  es: () => import('./es.js'),
  et: () => import('./et.js'),
  eu: () => import('./eu.js'),
  fa: () => import('./fa.js'),
  fi: () => import('./fi.js'),
  fil: () => import('./fil.js'),
  fr: () => import('./fr.js'),
  gl: () => import('./gl.js'),
  he: () => import('./he.js'),
  hi: () => import('./hi.js'),
  hr: () => import('./hr.js'),
  hu: () => import('./hu.js'),
  id: () => import('./id.js'),
  is: () => import('./is.js'),
  it: () => import('./it.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  lt: () => import('./lt.js'),
  lv: () => import('./lv.js'),
  ms: () => import('./ms.js'),
  nb: () => import('./nb.js'),
  nl: () => import('./nl.js'),
  nn: () => import('./nn.js'),
  pl: () => import('./pl.js'),
  'pt-BR': () => import('./pt-BR.js'),
  'pt-PT': () => import('./pt-PT.js'),
  ro: () => import('./ro.js'),
  ru: () => import('./ru.js'),
  sk: () => import('./sk.js'),
  sl: () => import('./sl.js'),
  sr: () => import('./sr.js'),
  sv: () => import('./sv.js'),
  sw: () => import('./sw.js'),
  th: () => import('./th.js'),
  tr: () => import('./tr.js'),
  uk: () => import('./uk.js'),
  ur: () => import('./ur.js'),
  vi: () => import('./vi.js'),
  'zh-Hans': () => import('./zh-Hans.js'),
  'zh-Hant': () => import('./zh-Hant.js'),
};

/** The tags of the server's locales. */
export const SERVER_LOCALES: readonly string[] = Object.keys(LOCALE_FILES);

const loaded = new Map<string, Promise<ServerText>>();

/** The words of `tag`, one of {@link SERVER_LOCALES} (as {@link serverLocale} picks them). */
export function serverText(tag: string): Promise<ServerText> {
  let text = loaded.get(tag);
  if (!text) {
    const load = LOCALE_FILES[tag];
    if (!load) throw new Error(`no server locale ${tag}`);
    text = load().then((file) => file.default);
    loaded.set(tag, text);
  }
  return text;
}

/** Every locale's words, by tag: for what checks them all (the build, tests). */
export async function allServerText(): Promise<Record<string, ServerText>> {
  const texts = await Promise.all(SERVER_LOCALES.map(serverText));
  return Object.fromEntries(SERVER_LOCALES.map((tag, i) => [tag, texts[i]!]));
}

const match = localeMatcher(SERVER_LOCALES);

/**
 * The locale for `requested` (BCP 47 tags, most wanted first), picked as the widget picks its
 * own, so the mail and the confirm page speak the language the widget showed; else English.
 */
export function serverLocale(requested: readonly string[]): string {
  return match(requested) ?? FALLBACK_LOCALE;
}

export type { ServerText } from './server-text.js';
