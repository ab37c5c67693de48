// Every shipped locale has every English string, in every plural form its language needs, with
// the same {{placeholders}}: a missing key or a dropped {{email}} fails CI, not a user.
import { describe, expect, it } from 'vitest';
import en, { type LocaleStrings } from '../src/i18n/locales/en.js';
import { LOCALE_LOADERS, SUPPORTED_LANGUAGES } from '../src/i18n/locales.js';

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
  it('ships en, fr, de, es, ar, he and ja', () => {
    expect([...SUPPORTED_LANGUAGES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'he', 'ja']);
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
