// Every shipped locale has every English string, in every plural form its language needs, with
// the same {{placeholders}}: a missing key or a dropped {{email}} fails CI, not a user.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES } from '../src/i18n/language-names.js';
import en, { type LocaleStrings } from '../src/i18n/locales/en.js';
import { LOCALE_LOADERS, SUPPORTED_LANGUAGES } from '../src/i18n/locales.js';

const LOCALES_DIR = new URL('../src/i18n/locales/', import.meta.url);
/** Issue 17's floor: at least this many locales... */
const MINIMUM = 50;
/**
 * ...among them every language Auth0 Lock has a dictionary for, as our locale tags (Lock's `no`
 * and `nb` are `nb`, `ua` is `uk`, `pt` is `pt-PT`, `zh` and `zh-tw` are `zh-Hans` and `zh-Hant`),
 * and the four right-to-left languages.
 */
const REQUIRED = [
  'af', 'ar', 'az', 'bg', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fr', 'he',
  'hr', 'hu', 'id', 'it', 'ja', 'ko', 'lt', 'lv', 'ms', 'nb', 'nl', 'nn', 'pl', 'pt-BR', 'pt-PT',
  'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'tr', 'uk', 'ur', 'vi', 'zh-Hans', 'zh-Hant',
]; // prettier-ignore

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Flattens `{ a: { b: 'x' } }` to `{ 'a.b': 'x' }`. */
function flatten(strings: LocaleStrings, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

/** Keys with plural suffixes grouped under their base: `errors.rate_limited_wait` → its forms. */
function group(flat: Map<string, string>): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const [key, text] of flat) {
    const base = key.replace(PLURAL, '');
    const form = PLURAL.exec(key)?.[1] ?? '';
    if (!groups.has(base)) groups.set(base, new Map());
    groups.get(base)!.set(form, text);
  }
  return groups;
}

const english = group(flatten(en));

describe('locales', () => {
  it('registers exactly the files of src/i18n/locales/, each under its own name', async () => {
    const files = readdirSync(LOCALES_DIR)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect([...SUPPORTED_LANGUAGES].sort()).toEqual(files.sort());
    expect(SUPPORTED_LANGUAGES[0]).toBe('en');
    for (const [tag, load] of Object.entries(LOCALE_LOADERS)) {
      const file = (await import(new URL(`${tag}.ts`, LOCALES_DIR).href)) as { default: unknown };
      expect((await load()).default, tag).toBe(file.default);
    }
  });

  // Fails until the translators' locales are merged in (issue 17).
  it(`ships at least ${MINIMUM} locales, among them every language of Lock's dictionaries`, () => {
    expect(SUPPORTED_LANGUAGES.length).toBeGreaterThanOrEqual(MINIMUM);
    expect(REQUIRED.filter((tag) => !SUPPORTED_LANGUAGES.includes(tag))).toEqual([]);
  });

  it('names every shipped locale in its own language for the language menu', () => {
    for (const tag of SUPPORTED_LANGUAGES) expect(LANGUAGE_NAMES[tag], tag).toBeTruthy();
  });

  // Fails until the translators' locales are merged in: the names cover issue 17's whole plan.
  it('names no locale that is not shipped', () => {
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it("the README's list of locales is LANGUAGE_NAMES", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('\n## Languages\n'),
      readme.indexOf('\n## Theming\n'),
    );
    const rows = [...section.matchAll(/^\| `([\w-]+)` +\| (.+?) +\|$/gm)];
    expect(Object.fromEntries(rows.map((row) => [row[1], row[2]]))).toEqual(LANGUAGE_NAMES);
  });

  for (const [language, load] of Object.entries(LOCALE_LOADERS)) {
    it(`${language} has every key, plural form and placeholder of English, and nothing else`, async () => {
      const locale = group(flatten((await load()).default));
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      expect([...locale.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [base, forms] of english) {
        const theirs = locale.get(base)!;
        const variables = new Set([...forms.values()].flatMap(placeholders));
        if (!forms.has('')) {
          // A plural: every category the language has, with {{count}} at least in "other"; a form
          // like Arabic's "two" may spell the number out.
          expect([...theirs.keys()].sort(), base).toEqual([...needed].sort());
          expect(placeholders(theirs.get('other')!), base).toContain('count');
          variables.delete('count');
        }
        for (const [form, text] of theirs) {
          expect(text.trim(), `${base}_${form}`).not.toBe('');
          const used = placeholders(text).filter((p) => p !== 'count' || forms.has(''));
          expect(new Set(used), `${language} ${base} ${form}`).toEqual(variables);
        }
      }
    });
  }

  it('English has the plural forms English needs', () => {
    for (const [base, forms] of english) {
      if (!forms.has('')) expect([...forms.keys()].sort(), base).toEqual(['one', 'other']);
    }
  });
});
