/**
 * Every locale the widget ships (`en`, `de`, `pt-BR`, `zh-Hant`, …), for a page's own language
 * switch. Asynchronous: the list lives in the lazy registry chunk, off the first load.
 *
 * @returns The locale tags, English first.
 */
export async function supportedLanguages(): Promise<readonly string[]> {
  return (await import('./locales.js')).SUPPORTED_LANGUAGES;
}
