import type { ServerText } from './server-text.js';

const PLACEHOLDER = /\{[a-z]+\}/g;

/**
 * What is wrong with any locale of `texts`, measured against its English (`en`). The build runs
 * it (scripts/build.mjs), so a locale file with a problem cannot ship.
 */
export function serverTextsProblems(texts: Readonly<Record<string, ServerText>>): string[] {
  const english = texts.en;
  if (!english) return ['locales/en.ts is missing'];
  return Object.entries(texts).flatMap(([tag, text]) => serverTextProblems(tag, text, english));
}

/**
 * What is wrong with `text`, the server text of locale `tag`, measured against English: a
 * missing or empty string, or other placeholders than English has in the same place. Empty when
 * nothing is.
 */
export function serverTextProblems(tag: string, text: ServerText, english: ServerText): string[] {
  const problems: string[] = [];
  for (const [part, strings] of Object.entries(english) as Array<[string, unknown]>) {
    if (typeof strings !== 'object' || strings === null) continue;
    for (const [key, englishString] of Object.entries(strings as Record<string, string>)) {
      const at = `locales/${tag}.ts ${part}.${key}`;
      const value = (text as unknown as Record<string, Record<string, unknown> | undefined>)[
        part
      ]?.[key];
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push(`${at} is missing or empty`);
      } else if (placeholders(value) !== placeholders(englishString)) {
        problems.push(
          `${at} has ${placeholders(value) || 'no placeholders'}, English has ${placeholders(englishString) || 'none'}`,
        );
      }
    }
  }
  return problems;
}

function placeholders(text: string): string {
  return [...text.matchAll(PLACEHOLDER)]
    .map((match) => match[0])
    .sort()
    .join(' ');
}
