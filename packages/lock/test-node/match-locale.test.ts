import { describe, expect, it } from 'vitest';
import { matchLocale } from '../src/i18n/match-locale.js';

const SUPPORTED = ['en', 'de', 'fr', 'nb', 'nn', 'pt-BR', 'pt-PT', 'sr', 'zh-Hans', 'zh-Hant'];

describe('matchLocale', () => {
  it.each([
    ['de', 'de'],
    ['DE-at', 'de'],
    ['fr-CA', 'fr'],
    ['en-GB', 'en'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-PT'],
    ['pt-AO', 'pt-PT'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['no', 'nb'],
    ['no-NO', 'nb'],
    ['nb-NO', 'nb'],
    ['nn', 'nn'],
    ['sr-Latn', 'sr'],
  ])('matches %s to %s', (tag, locale) => {
    expect(matchLocale([tag], SUPPORTED)).toBe(locale);
  });

  it('takes the first requested tag that matches, skipping unknown and malformed ones', () => {
    expect(matchLocale(['xx', 'not a tag', 'de-CH', 'fr'], SUPPORTED)).toBe('de');
    expect(matchLocale(['ja', 'ko'], SUPPORTED)).toBeUndefined();
    expect(matchLocale([], SUPPORTED)).toBeUndefined();
  });

  it('matches legacy codes through their canonical form', () => {
    expect(matchLocale(['iw'], ['en', 'he'])).toBe('he');
    expect(matchLocale(['tl'], ['en', 'fil'])).toBe('fil');
  });
});
