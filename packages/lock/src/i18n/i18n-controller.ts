import { createInstance, type i18n, type TOptions } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import en, { type DictionaryOverrides } from './locales/en.js';
import { LOCALE_LOADERS, matchLanguage } from './locales.js';

const STRINGS = 'translation';
const OVERRIDES = 'overrides';

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

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
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

  /** The language the strings come from, e.g. `fr` for `fr-CA`, `en` for `pt`. */
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
   * Switches to the first of `candidates` the widget has strings for, loading its chunk first.
   *
   * @param candidates - Language tags, most wanted first (the option, `lang`, the browser's).
   */
  setLanguage(candidates: readonly string[]): Promise<void> {
    const requested = candidates.find(Boolean) ?? 'en';
    const locale = matchLanguage(candidates);
    this.#requested = matchLanguage([requested]) === locale ? requested : locale;
    this.#loading = this.#load(locale).then(async () => {
      // A later call may have asked for another language while this chunk was loading.
      if (matchLanguage([this.#requested]) !== locale) return;
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

  async #load(locale: string): Promise<void> {
    if (this.#i18n.hasResourceBundle(locale, STRINGS)) return;
    const load = LOCALE_LOADERS[locale];
    if (!load) return;
    try {
      const { default: strings } = await load();
      this.#i18n.addResourceBundle(locale, STRINGS, strings);
    } catch (error) {
      // A chunk that fails to load (offline, blocked) leaves the widget in English, still usable.
      console.warn(`passwordless-lock: could not load the "${locale}" strings`, error);
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
