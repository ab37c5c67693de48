// A copy of the widget's packages/lock/src/i18n/match-locale.ts, so the server picks the same
// language for its mail and confirm page as the widget shows (test/locales.test.ts checks that both
// agree). A copy because the server ships without the widget's source; unlike the widget, which
// matches once, it keeps the supported side worked out (localeMatcher).

/** `Intl.Locale` with its likely script and region filled in (`zh-TW` → `zh-Hant-TW`). */
function likely(tag: string): Intl.Locale | undefined {
  try {
    // Norwegian without a written standard reads Bokmål, as nearly every Norwegian text is.
    return new Intl.Locale(tag.replace(/^no(?=-|$)/i, 'nb')).maximize();
  } catch {
    return undefined;
  }
}

/**
 * The matcher of the widget's `matchLocale` for a fixed `supported` list, whose likely subtags are
 * worked out once (for fifty locales that is most of the cost; the server matches on every mail and
 * page): the locale of `supported` that suits the first of `requested` (BCP 47 tags, most wanted
 * first) that any suits: the same language, script and region; else the same language and script
 * (`zh-HK` → `zh-Hant`), preferring a regional variant when the region asked for is not the
 * language's default one (`pt-AO` → `pt-PT`, `pt` → `pt-BR`); else the same language
 * (`de-AT` → `de`, `sr-Latn` → `sr`). Undefined when nothing suits.
 */
export function localeMatcher(
  supported: readonly string[],
): (requested: readonly string[]) => string | undefined {
  const offered = supported.flatMap((tag) => {
    const locale = likely(tag);
    return locale ? [{ tag, locale }] : [];
  });
  return (requested) => {
    for (const tag of requested) {
      const wanted = likely(tag);
      if (!wanted) continue;
      const sameLanguage = offered.filter((o) => o.locale.language === wanted.language);
      const sameScript = sameLanguage.filter((o) => o.locale.script === wanted.script);
      const home = likely(wanted.language)?.region;
      const best =
        sameScript.find((o) => o.locale.region === wanted.region) ??
        sameScript.find((o) => wanted.region !== home && o.locale.region !== home) ??
        sameScript[0] ??
        sameLanguage[0];
      if (best) return best.tag;
    }
    return undefined;
  };
}
