// The build's removal of i18next methods the widget never calls (scripts/build-plugins.mjs): what
// is left still does everything the widget asks of i18next, and the build stops if i18next changes
// under the list.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as I18next from 'i18next';
import { parseAst } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripUnusedI18nextMethods } from '../scripts/build-plugins.mjs';

const id = createRequire(import.meta.url)
  .resolve('i18next')
  .replace(/[\\/]dist[\\/].*$/, '/dist/esm/i18next.js');
const STRIPPED = ['cloneInstance', 'use', 'loadNamespaces', 'loadLanguages', 'getFixedT'];

let source: string;
let dir: string;

beforeAll(async () => {
  source = await readFile(id, 'utf8');
  dir = await mkdtemp(join(tmpdir(), 'i18next-trim-'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

function strip(code: string): string {
  const plugin = stripUnusedI18nextMethods() as unknown as {
    transform: (this: { parse: typeof parseAst }, code: string, id: string) => { code: string };
  };
  return plugin.transform.call({ parse: parseAst }, code, id).code;
}

describe("stripping i18next's unused methods", () => {
  it('leaves an i18next that translates, plurals and switches language as the widget does', async () => {
    const file = join(dir, 'i18next.mjs');
    await writeFile(file, strip(source));
    const { createInstance } = (await import(pathToFileURL(file).href)) as typeof I18next;
    const i18n = createInstance();
    for (const name of STRIPPED) expect(name in i18n, name).toBe(false);

    void i18n.init({
      lng: 'en',
      fallbackLng: 'en',
      ns: ['overrides', 'translation'],
      defaultNS: 'overrides',
      fallbackNS: 'translation',
      resources: {
        en: {
          translation: { hi: 'Hi {{name}}', n_one: '{{count}} try', n_other: '{{count}} tries' },
        },
      },
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    expect(i18n.t('hi', { name: 'Ada & co' })).toBe('Hi Ada & co');
    expect(i18n.t('n', { count: 2 })).toBe('2 tries');

    i18n.addResourceBundle('ar', 'translation', { hi: 'مرحبا {{name}}' });
    i18n.addResourceBundle('en', 'overrides', { hi: 'Hello {{name}}' }, true, true);
    expect(i18n.t('hi', { name: 'Ada' })).toBe('Hello Ada');
    i18n.removeResourceBundle('en', 'overrides');
    expect(i18n.hasResourceBundle('en', 'overrides')).toBe(false);
    const changed: string[] = [];
    i18n.on('languageChanged', (lng: string) => changed.push(lng));
    await i18n.changeLanguage('ar');
    expect(changed).toEqual(['ar']);
    expect([i18n.language, i18n.dir(i18n.language)]).toEqual(['ar', 'rtl']);
    expect(i18n.t('hi', { name: 'Ada' })).toBe('مرحبا Ada');
    expect(i18n.hasResourceBundle('ar', 'translation')).toBe(true);
  });

  it('stops the build when i18next uses a stripped method or no longer has one', () => {
    expect(() => strip(`${source}\nsomething.getFixedT();`)).toThrow(/used: getFixedT/);
    expect(() => strip(source.replace('hydrate(resources', 'hydrated(resources'))).toThrow(
      /missing: hydrate/,
    );
  });
});
