import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchLocale as widgetMatchLocale } from '../../lock/src/i18n/match-locale.js';
import {
  FALLBACK_LOCALE,
  allServerText,
  serverLocale,
  type ServerText,
} from '../src/locales/index.js';
import { localeMatcher } from '../src/locales/match-locale.js';
import { serverTextsProblems } from '../src/locales/check.js';
import { WIDGET_I18N as I18N, WIDGET_LOCALES } from './widget-locales.js';

const SERVER_TEXT = await allServerText();
const RIGHT_TO_LEFT = ['ar', 'fa', 'he', 'ur'];

/** Every string of a ServerText with its path (`email.codeSubject`). */
function strings(text: ServerText): Array<[string, string]> {
  return Object.entries(text).flatMap(([part, value]) =>
    typeof value === 'object'
      ? Object.entries(value as Record<string, string>).map(([key, string]): [string, string] => [
          `${part}.${key}`,
          string,
        ])
      : [],
  );
}

const placeholders = (text: string) => (text.match(/\{[^{}]*\}/g) ?? []).sort();

describe("the server's locales", () => {
  it("are the widget's, every one", () => {
    expect(WIDGET_LOCALES.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(SERVER_TEXT).sort()).toEqual(WIDGET_LOCALES);
  });

  it("fill every string, with exactly English's placeholders", () => {
    const english = new Map(strings(SERVER_TEXT[FALLBACK_LOCALE]!));
    expect(english.size).toBe(15);
    for (const [tag, text] of Object.entries(SERVER_TEXT)) {
      const own = new Map(strings(text));
      expect({ tag, keys: [...own.keys()].sort() }).toEqual({
        tag,
        keys: [...english.keys()].sort(),
      });
      for (const [key, string] of own) {
        expect({ tag, key, empty: string.trim() === '' }).toEqual({ tag, key, empty: false });
        expect({ tag, key, placeholders: placeholders(string) }).toEqual({
          tag,
          key,
          placeholders: placeholders(english.get(key)!),
        });
      }
    }
  });

  it('are right to left exactly for Arabic, Hebrew, Persian and Urdu', () => {
    const rtl = Object.entries(SERVER_TEXT)
      .filter(([, text]) => text.rtl)
      .map(([tag]) => tag);
    expect(rtl.sort()).toEqual(RIGHT_TO_LEFT.filter((tag) => tag in SERVER_TEXT));
    expect(rtl.length).toBeGreaterThanOrEqual(2);
  });

  it('fail the check the build runs when one has a wrong placeholder or an empty string', () => {
    expect(serverTextsProblems(SERVER_TEXT)).toEqual([]);
    const en = SERVER_TEXT.en!;
    const wrong = { ...en, email: { ...en.email, codeUse: 'Expires in {minute}.' } };
    expect(serverTextsProblems({ en, xx: wrong })).toEqual([
      'locales/xx.ts email.codeUse has {minute}, English has {minutes}',
    ]);
    const empty = { ...en, confirm: { ...en.confirm, button: ' ' } };
    expect(serverTextsProblems({ en, xx: empty })).toEqual([
      'locales/xx.ts confirm.button is missing or empty',
    ]);
  });
});

describe("the server's locale matcher", () => {
  const requests = [
    ...WIDGET_LOCALES,
    ...WIDGET_LOCALES.map((tag) => tag.toUpperCase()),
    ...['de-AT', 'de-CH', 'fr-CA', 'fr-BE', 'es-MX', 'es-419', 'en-GB', 'en-US', 'ja-JP'],
    ...['ar-EG', 'ar-SA', 'he-IL', 'fa-IR', 'ur-PK', 'iw', 'iw-IL', 'ko-KR', 'sv-FI'],
    ...['zh', 'zh-CN', 'zh-SG', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hans', 'zh-Hant', 'zh-Hant-CN'],
    ...['pt', 'pt-BR', 'pt-PT', 'pt-AO', 'pt-MZ', 'no', 'no-NO', 'nb', 'nb-NO', 'nn', 'nn-NO'],
    ...['sr', 'sr-Latn', 'sr-Cyrl-RS', 'sr-ME', 'fil-PH', 'tl', 'ms-MY', 'sw-KE', 'eu-ES'],
    ...['kl', 'tlh', 'xx-YY', '', '*', 'en_US', 'de-', '123', 'not a tag', '"><script>'],
  ];
  const sets = [
    WIDGET_LOCALES,
    Object.keys(SERVER_TEXT),
    ['en', 'pt-BR', 'pt-PT', 'zh-Hans', 'zh-Hant', 'nb', 'sr'],
  ];

  it("answers as the widget's for every tag, alone, in lists, and in every locale set", () => {
    for (const supported of sets) {
      const matchLocale = localeMatcher(supported);
      for (const tag of requests) {
        expect({ tag, match: matchLocale([tag]) }).toEqual({
          tag,
          match: widgetMatchLocale([tag], supported),
        });
      }
      for (const list of [['kl', 'de-AT', 'fr'], ['garbage', 'zh-TW'], ['xx'], []]) {
        expect(matchLocale(list)).toBe(widgetMatchLocale(list, supported));
      }
    }
  });

  it('falls back to English, and takes the first tag that matches', () => {
    expect(serverLocale(['kl', 'tlh'])).toBe('en');
    expect(serverLocale([])).toBe('en');
    expect(serverLocale(['kl', 'de-AT', 'fr'])).toBe('de');
    expect(serverLocale(['iw'])).toBe('he');
  });
});

interface Glossary {
  register: string;
  code: string[];
  email: string[];
  logIn: string[];
}

type Tree = { [key: string]: string | Tree };

function at(tree: Tree, path: string): string {
  const value = path
    .split('.')
    .reduce<string | Tree | undefined>(
      (node, key) => (typeof node === 'object' ? node[key] : undefined),
      tree,
    );
  if (typeof value !== 'string') throw new Error(`no string at ${path}`);
  return value;
}

/** Brief section 3: where each glossary word must appear. */
const RULES: Array<{
  where: 'widget' | 'server';
  path: string;
  word: keyof Omit<Glossary, 'register'>;
}> = [
  { where: 'widget', path: 'heading', word: 'logIn' },
  { where: 'widget', path: 'code.label', word: 'code' },
  { where: 'widget', path: 'errors.code_required', word: 'code' },
  { where: 'widget', path: 'email.label', word: 'email' },
  { where: 'server', path: 'email.codeSubject', word: 'code' },
  { where: 'server', path: 'email.codeIntro', word: 'code' },
  { where: 'server', path: 'email.linkSubject', word: 'logIn' },
  { where: 'server', path: 'email.linkButton', word: 'logIn' },
  { where: 'server', path: 'confirm.heading', word: 'logIn' },
  { where: 'server', path: 'confirm.button', word: 'logIn' },
  { where: 'server', path: 'email.ignore', word: 'email' },
];

describe('every glossary', () => {
  const glossaries = fs
    .readdirSync(new URL('glossary/', I18N))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();

  it('is there for every widget locale', () => {
    expect(glossaries).toEqual(WIDGET_LOCALES);
  });

  it('has its words where the widget and the mail use them', async () => {
    for (const tag of glossaries) {
      const glossary = JSON.parse(
        fs.readFileSync(new URL(`glossary/${tag}.json`, I18N), 'utf8'),
      ) as Glossary;
      expect({ tag, register: glossary.register.length > 10 }).toEqual({ tag, register: true });
      const widget = ((await import(`../../lock/src/i18n/locales/${tag}.ts`)) as { default: Tree })
        .default;
      const server = SERVER_TEXT[tag] as unknown as Tree;
      for (const { where, path, word } of RULES) {
        const text = at(where === 'widget' ? widget : server, path).toLowerCase();
        const forms = glossary[word];
        expect({
          tag,
          where,
          path,
          forms,
          found: forms.some((form) => text.includes(form.toLowerCase())),
        }).toEqual({
          tag,
          where,
          path,
          forms,
          found: true,
        });
      }
    }
  });
});
