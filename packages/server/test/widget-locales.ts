import fs from 'node:fs';

/** The widget's i18n folder (packages/lock/src/i18n). */
export const WIDGET_I18N = new URL('../../lock/src/i18n/', import.meta.url);

/** The widget's locales, read from its files: the list stays right as locales are merged in. */
export const WIDGET_LOCALES = fs
  .readdirSync(new URL('locales/', WIDGET_I18N))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -'.ts'.length))
  .sort();
