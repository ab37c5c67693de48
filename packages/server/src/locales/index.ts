import ar from './ar.js';
import de from './de.js';
import en from './en.js';
import es from './es.js';
import fr from './fr.js';
import he from './he.js';
import ja from './ja.js';
import { localeMatcher } from './match-locale.js';
import type { ServerText } from './server-text.js';

/** The server's words in every locale the widget ships, keyed by the widget's tag. */
export const SERVER_TEXT: Readonly<Record<string, ServerText>> = {
  ar,
  de,
  en,
  es,
  fr,
  he,
  ja,
};

export const FALLBACK_LOCALE = 'en';

const match = localeMatcher(Object.keys(SERVER_TEXT));

/**
 * The locale for `requested` (BCP 47 tags, most wanted first), picked as the widget picks its
 * own, so the mail and the confirm page speak the language the widget showed; else English.
 */
export function serverLocale(requested: readonly string[]): string {
  return match(requested) ?? FALLBACK_LOCALE;
}

export type { ServerText } from './server-text.js';
