import af from './af.js';
import ar from './ar.js';
import az from './az.js';
import bg from './bg.js';
import bn from './bn.js';
import ca from './ca.js';
import cs from './cs.js';
import da from './da.js';
import de from './de.js';
import el from './el.js';
import en from './en.js';
import es from './es.js';
import et from './et.js';
import eu from './eu.js';
import fa from './fa.js';
import fi from './fi.js';
import fil from './fil.js';
import fr from './fr.js';
import gl from './gl.js';
import he from './he.js';
import hi from './hi.js';
import hr from './hr.js';
import hu from './hu.js';
import id from './id.js';
import is from './is.js';
import it from './it.js';
import ja from './ja.js';
import ko from './ko.js';
import lt from './lt.js';
import lv from './lv.js';
import ms from './ms.js';
import nb from './nb.js';
import nl from './nl.js';
import nn from './nn.js';
import pl from './pl.js';
import ptBR from './pt-BR.js';
import ptPT from './pt-PT.js';
import ro from './ro.js';
import ru from './ru.js';
import sk from './sk.js';
import sl from './sl.js';
import sr from './sr.js';
import sv from './sv.js';
import sw from './sw.js';
import th from './th.js';
import tr from './tr.js';
import uk from './uk.js';
import ur from './ur.js';
import vi from './vi.js';
import zhHans from './zh-Hans.js';
import zhHant from './zh-Hant.js';
import { localeMatcher } from './match-locale.js';
import type { ServerText } from './server-text.js';

/** The server's words in every locale the widget ships, keyed by the widget's tag. */
export const SERVER_TEXT: Readonly<Record<string, ServerText>> = {
  af,
  ar,
  az,
  bg,
  bn,
  ca,
  cs,
  da,
  de,
  el,
  en,
  es,
  et,
  eu,
  fa,
  fi,
  fil,
  fr,
  gl,
  he,
  hi,
  hr,
  hu,
  id,
  is,
  it,
  ja,
  ko,
  lt,
  lv,
  ms,
  nb,
  nl,
  nn,
  pl,
  'pt-BR': ptBR,
  'pt-PT': ptPT,
  ro,
  ru,
  sk,
  sl,
  sr,
  sv,
  sw,
  th,
  tr,
  uk,
  ur,
  vi,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
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
