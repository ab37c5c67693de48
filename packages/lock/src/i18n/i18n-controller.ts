import { createInstance, type i18n, type TOptions } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import en, { type DictionaryOverrides } from './locales/en.js';
import type * as locales from './locales.js';

const STRINGS = 'translation';
const OVERRIDES = 'overrides';
/** Tags that mean English, which is bundled: no need for the registry to know. */
const ENGLISH = /^en(-|$)/i;

/** The registry chunk (`locales.ts`): the loaders of the locales and the negotiation. */
export type LocaleRegistry = Pick<typeof locales, 'LOCALE_LOADERS' | 'negotiate'>;

/**
 * The languages a widget is asked for, most wanted first: its own settings (the `language`
 * option, the `lang` attribute), then the browser's.
 */
export function languageCandidates(...own: (string | null | undefined)[]): string[] {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
  return [...own, ...browser].filter((tag): tag is string => !!tag);
}

/**
 * Starts fetching the registry and the strings `candidates` lead to, for a widget not on the page
 * yet, so that its `setLanguage` finds them in the browser's module cache. Failures are left for
 * `setLanguage` to report.
 */
export function prefetchLanguage(candidates: readonly string[]): void {
  if (ENGLISH.test(candidates[0] ?? 'en')) return;
  import('./locales.js')
    .then(({ negotiate, LOCALE_LOADERS }) => LOCALE_LOADERS[negotiate(candidates).locale]?.())
    .catch(() => undefined);
}

/**
 * Translates for one widget with its own i18next instance: the page may use the global i18next
 * for itself, with other languages and options, and must not see our strings or changes.
 *
 * Strings are looked up in the `languageDictionary` overrides first, then in the locale, then in
 * English.
 */
export class I18nController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #i18n: i18n;
  readonly #onLanguageChanged = () => this.#host.requestUpdate();
  #requested = 'en';
  #overrides: DictionaryOverrides = {};
  #loading: Promise<void> = Promise.resolve();
  /** Counts `setLanguage` calls: only the latest one may switch the language. */
  #calls = 0;
  readonly #loadRegistry: () => Promise<LocaleRegistry>;

  /** @param loadRegistry - Imports the registry chunk; tests give their own registry. */
  constructor(
    host: ReactiveControllerHost,
    loadRegistry: () => Promise<LocaleRegistry> = () => import('./locales.js'),
  ) {
    this.#host = host;
    this.#loadRegistry = loadRegistry;
    this.#i18n = createInstance();
    // With bundled resources and initAsync off, init finishes before it returns, so the first
    // render already has its strings.
    void this.#i18n.init({
      lng: 'en',
      fallbackLng: 'en',
      ns: [OVERRIDES, STRINGS],
      defaultNS: OVERRIDES,
      fallbackNS: STRINGS,
      resources: { en: { [STRINGS]: en } },
      initAsync: false,
      // Lit escapes what it renders; escaping here too would show "&amp;" in an email address.
      interpolation: { escapeValue: false },
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#i18n.on('languageChanged', this.#onLanguageChanged);
  }

  hostDisconnected(): void {
    this.#i18n.off('languageChanged', this.#onLanguageChanged);
  }

  /** The language asked for, as given (e.g. `fr-CA`): what the server is told for the mail. */
  get language(): string {
    return this.#requested;
  }

  /** The locale the strings come from, e.g. `fr` for `fr-CA`, `zh-Hant` for `zh-TW`. */
  get locale(): string {
    return this.#i18n.language;
  }

  /** Text direction of the locale. */
  get dir(): 'ltr' | 'rtl' {
    return this.#i18n.dir(this.locale);
  }

  /** Settles when the strings of the last language asked for are in use. */
  get ready(): Promise<void> {
    return this.#loading;
  }

  /**
   * Switches to the first of `candidates` the widget has strings for, loading the registry chunk
   * and the locale's chunk first; English (bundled) needs neither. A later call wins over one
   * still loading; when a chunk cannot be loaded, the widget stays in English, still usable.
   *
   * @param candidates - Language tags, most wanted first (the option, `lang`, the browser's).
   */
  setLanguage(candidates: readonly string[]): Promise<void> {
    const call = ++this.#calls;
    const first = candidates[0] ?? 'en';
    const picked = ENGLISH.test(first)
      ? Promise.resolve({ locale: 'en', requested: first })
      : this.#load(candidates);
    this.#loading = picked.then(async ({ locale, requested }) => {
      if (call !== this.#calls) return;
      this.#requested = requested;
      this.#applyOverrides(locale);
      if (this.#i18n.language !== locale) await this.#i18n.changeLanguage(locale);
    });
    return this.#loading;
  }

  /** Replaces the `languageDictionary` overrides (a partial tree of the English dictionary). */
  setOverrides(overrides: DictionaryOverrides | null | undefined): void {
    this.#overrides = overrides ?? {};
    this.#applyOverrides(this.locale);
    this.#host.requestUpdate();
  }

  /** Looks up a string. Bound to this controller, so templates and the menu take it as is. */
  readonly t = (key: string | string[], options?: TOptions): string =>
    this.#i18n.t(key, options ?? {}) as string;

  /** Negotiates in the registry chunk and adds the strings of the locale it picks. */
  async #load(candidates: readonly string[]): Promise<locales.Negotiated> {
    try {
      const registry = await this.#loadRegistry();
      const picked = registry.negotiate(candidates);
      const load = registry.LOCALE_LOADERS[picked.locale];
      if (load && !this.#i18n.hasResourceBundle(picked.locale, STRINGS)) {
        this.#i18n.addResourceBundle(picked.locale, STRINGS, (await load()).default);
      }
      return picked;
    } catch (error) {
      // A chunk that fails to load (offline, blocked) leaves the widget in English, still usable,
      // and the mail in English too.
      console.warn(`passwordless-lock: could not load the strings for "${candidates[0]}"`, error);
      return { locale: 'en', requested: 'en' };
    }
  }

  /** English too: it is the fallback, and a stale English override would shadow the locale. */
  #applyOverrides(locale: string): void {
    for (const lng of new Set(['en', locale])) {
      this.#i18n.removeResourceBundle(lng, OVERRIDES);
      this.#i18n.addResourceBundle(lng, OVERRIDES, this.#overrides, true, true);
    }
  }
}
