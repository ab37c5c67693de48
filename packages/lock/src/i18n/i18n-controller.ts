import { createInstance, type i18n, type TOptions } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import en from './en.js';

/**
 * Translates for one widget with its own i18next instance: the page may use the global i18next
 * for itself, with other languages and options, and must not see our strings or changes.
 */
export class I18nController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #i18n: i18n;
  readonly #onLanguageChanged = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost, language = 'en') {
    this.#host = host;
    this.#i18n = createInstance();
    // With bundled resources and initAsync off, init finishes before it returns, so the first
    // render already has its strings.
    void this.#i18n.init({
      lng: language,
      fallbackLng: 'en',
      resources: { en: { translation: en } },
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

  /** The language asked for (what the server is told), e.g. `fr-CA`. */
  get language(): string {
    return this.#i18n.language;
  }

  /** The language the strings actually come from, e.g. `en` while `fr` is not bundled. */
  get resolvedLanguage(): string {
    return this.#i18n.resolvedLanguage ?? 'en';
  }

  /** Text direction of the language asked for. */
  get dir(): 'ltr' | 'rtl' {
    return this.#i18n.dir(this.resolvedLanguage);
  }

  setLanguage(language: string): void {
    if (language && language !== this.#i18n.language) void this.#i18n.changeLanguage(language);
  }

  t(key: string, options?: TOptions): string {
    return this.#i18n.t(key, options ?? {}) as string;
  }
}
