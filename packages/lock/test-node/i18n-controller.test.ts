// Language negotiation and loading, with a registry the test controls: which locales exist, when
// the registry and each locale's chunk arrive, and which of them fail. The last test uses the
// real registry and locale files.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nController, type LocaleRegistry } from '../src/i18n/i18n-controller.js';
import { negotiate, SUPPORTED_LANGUAGES } from '../src/i18n/locales.js';
import type { LocaleStrings } from '../src/i18n/locales/en.js';

/** Locales of the test's registry, with the strings each one's chunk holds. */
const HEADINGS: Record<string, string> = {
  de: 'Anmelden',
  fa: 'ورود',
  fr: 'Connexion',
  nb: 'Logg inn',
  'pt-BR': 'Entrar',
  ur: 'لاگ ان',
  'zh-Hant': '登入',
};
const SUPPORTED = ['en', ...Object.keys(HEADINGS)];

/** A promise settled by the test. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const host = (): ReactiveControllerHost => ({
  addController: (_: ReactiveController) => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
});

/**
 * A controller whose registry lists {@link SUPPORTED}. `gate(locale)` holds that locale's chunk
 * until the test releases it; `registryLoads` counts imports of the registry.
 */
function setup() {
  const gates = new Map<string, ReturnType<typeof deferred<void>>>();
  const registry: LocaleRegistry = {
    negotiate: (candidates) => negotiate(candidates, SUPPORTED),
    LOCALE_LOADERS: Object.fromEntries(
      Object.entries(HEADINGS).map(([locale, heading]) => [
        locale,
        async () => {
          await gates.get(locale)?.promise;
          return { default: { heading } as LocaleStrings };
        },
      ]),
    ),
  };
  const loadRegistry = vi.fn(async () => registry);
  const i18n = new I18nController(host(), loadRegistry);
  const gate = (locale: string) => {
    const gated = deferred<void>();
    gates.set(locale, gated);
    return gated;
  };
  return { i18n, loadRegistry, gate };
}

afterEach(() => vi.restoreAllMocks());

describe('negotiate', () => {
  it.each([
    [['de-AT'], 'de', 'de-AT'],
    [['pt-BR'], 'pt-BR', 'pt-BR'],
    [['pt'], 'pt-BR', 'pt'],
    [['zh-TW'], 'zh-Hant', 'zh-TW'],
    [['no'], 'nb', 'no'],
    // navigator.languages-style lists: the first tag some locale suits wins, as asked.
    [['xx', 'fr-CA', 'de'], 'fr', 'fr-CA'],
    [['ko-KR', 'ja', 'de-CH'], 'de', 'de-CH'],
    [['not a tag', 'en-GB', 'de'], 'en', 'en-GB'],
    [['xx', 'ko'], 'en', 'en'],
    [[], 'en', 'en'],
  ])('%j gives the %s strings and tells the server %s', (candidates, locale, requested) => {
    expect(negotiate(candidates, SUPPORTED)).toEqual({ locale, requested });
  });
});

describe('I18nController', () => {
  it('takes English without loading the registry when English comes first', async () => {
    const { i18n, loadRegistry } = setup();
    await i18n.setLanguage(['en-GB', 'de']);
    await i18n.setLanguage(['EN']);
    expect(loadRegistry).not.toHaveBeenCalled();
    expect([i18n.locale, i18n.language, i18n.dir]).toEqual(['en', 'EN', 'ltr']);
    expect(i18n.t('heading')).toBe('Log in');
  });

  it('loads the registry and the matched locale, and tells the server the tag as asked', async () => {
    const { i18n, loadRegistry } = setup();
    await i18n.setLanguage(['de-AT', 'en']);
    expect(loadRegistry).toHaveBeenCalledOnce();
    expect([i18n.locale, i18n.language, i18n.dir]).toEqual(['de', 'de-AT', 'ltr']);
    expect(i18n.t('heading')).toBe('Anmelden');
    // Strings missing from a locale come from English.
    expect(i18n.t('close')).toBe('Close');
  });

  it.each([
    ['pt-BR', 'pt-BR', 'ltr'],
    ['zh-TW', 'zh-Hant', 'ltr'],
    ['fa-IR', 'fa', 'rtl'],
    ['ur', 'ur', 'rtl'],
    ['no', 'nb', 'ltr'],
  ])('%s shows the %s strings, %s', async (tag, locale, dir) => {
    const { i18n } = setup();
    await i18n.setLanguage([tag]);
    expect([i18n.locale, i18n.language, i18n.dir]).toEqual([locale, tag, dir]);
    expect(i18n.t('heading')).toBe(HEADINGS[locale]);
  });

  it('falls back to English, and tells the server English, when no candidate suits', async () => {
    const { i18n } = setup();
    await i18n.setLanguage(['de']);
    await i18n.setLanguage(['ko', 'xx']);
    expect([i18n.locale, i18n.language]).toEqual(['en', 'en']);
    expect(i18n.t('heading')).toBe('Log in');
  });

  it('lets a later language win over one still loading', async () => {
    const { i18n, gate } = setup();
    const german = gate('de');
    const first = i18n.setLanguage(['de']);
    await i18n.setLanguage(['fr']);
    expect(i18n.locale).toBe('fr');
    german.resolve();
    await first;
    expect([i18n.locale, i18n.language]).toEqual(['fr', 'fr']);
    expect(i18n.t('heading')).toBe('Connexion');
  });

  it('lets English, which loads nothing, win over a locale still loading', async () => {
    const { i18n, gate } = setup();
    const german = gate('de');
    const first = i18n.setLanguage(['de']);
    const ready = i18n.ready;
    await i18n.setLanguage(['en-US']);
    german.resolve();
    await Promise.all([first, ready]);
    expect([i18n.locale, i18n.language]).toEqual(['en', 'en-US']);
  });

  it('is ready only once the last language asked for is in use', async () => {
    const { i18n, gate } = setup();
    const french = gate('fr');
    void i18n.setLanguage(['de']);
    void i18n.setLanguage(['fr']);
    let ready = false;
    const waiting = i18n.ready.then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ready).toBe(false);
    french.resolve();
    await waiting;
    expect(i18n.locale).toBe('fr');
  });

  it('stays in English, usable, when the registry chunk cannot be loaded, and retries later', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { i18n, loadRegistry } = setup();
    loadRegistry.mockRejectedValueOnce(
      new TypeError('Failed to fetch dynamically imported module'),
    );
    await i18n.setLanguage(['de']);
    expect([i18n.locale, i18n.language]).toEqual(['en', 'en']);
    expect(i18n.t('heading')).toBe('Log in');
    expect(warn).toHaveBeenCalledOnce();
    await i18n.setLanguage(['de']);
    expect(i18n.locale).toBe('de');
  });

  it('stays in English when the locale chunk cannot be loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { i18n, gate } = setup();
    gate('fr').reject(new TypeError('Failed to fetch dynamically imported module'));
    await i18n.setLanguage(['fr-CA']);
    expect([i18n.locale, i18n.language, i18n.t('heading')]).toEqual(['en', 'en', 'Log in']);
    expect(warn.mock.calls[0]?.[0]).toContain('fr-CA');
  });

  it('loads every shipped locale from the real registry, with its direction', async () => {
    const rtl = ['ar', 'fa', 'he', 'ur'];
    for (const locale of SUPPORTED_LANGUAGES) {
      const i18n = new I18nController(host());
      await i18n.setLanguage([locale]);
      expect([i18n.locale, i18n.dir], locale).toEqual([
        locale,
        rtl.includes(locale) ? 'rtl' : 'ltr',
      ]);
      if (locale !== 'en') expect(i18n.t('heading'), locale).not.toBe('Log in');
    }
  });
});
