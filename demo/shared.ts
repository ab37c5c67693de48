// What every demo page shares: the navigation, the language and theme switches, the profile.
import type { PasswordlessLock } from 'passwordless-lock';
// The widget's own lists (its language menu's), from its source: one list of locales and names.
import { LANGUAGE_NAMES } from '../packages/lock/src/i18n/language-names.js';
import { SUPPORTED_LANGUAGES } from '../packages/lock/src/i18n/locales.js';

export const domain = 'http://localhost:3000';

const pages: [string, string][] = [
  ['./', 'The tag'],
  ['./js-api.html', 'JS API'],
  ['./inline.html', 'Inline'],
  ['./magic-link.html', 'Magic link'],
  ['./custom-ui.html', 'Custom UI'],
  ['./csp.html', 'Strict CSP'],
];

/** Adds the page navigation at the top of `<body>`. */
export function addNavigation(): void {
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Demo pages');
  const list = document.createElement('ul');
  const here = location.pathname.replace(/\/index\.html$/, '/');
  for (const [href, label] of pages) {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = label;
    if (new URL(href, location.href).pathname === here) link.setAttribute('aria-current', 'page');
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  nav.append(list);
  document.body.prepend(nav);
}

/**
 * Adds "Language" and "Theme" selects to the page's `<header>` and applies them to `lock`, now and
 * on each change; their values are kept in the URL so a reload keeps them.
 */
export function addSwitches(lock: PasswordlessLock): void {
  const params = new URLSearchParams(location.search);
  const settings = {
    language: params.get('language') ?? '',
    theme: (params.get('theme') ?? 'auto') as PasswordlessLock['theme'],
  };
  const language = select('Language', [
    ['', 'Browser default'],
    ...SUPPORTED_LANGUAGES.map((code): [string, string] => [code, LANGUAGE_NAMES[code] ?? code]),
  ]);
  const theme = select('Theme', [
    ['auto', 'Auto (system)'],
    ['light', 'Light'],
    ['dark', 'Dark'],
  ]);
  language.select.value = settings.language;
  theme.select.value = settings.theme;
  const apply = () => {
    lock.language = settings.language;
    lock.theme = settings.theme;
  };
  const update = () => {
    settings.language = language.select.value;
    settings.theme = theme.select.value as PasswordlessLock['theme'];
    const url = new URL(location.href);
    url.searchParams.set('language', settings.language);
    url.searchParams.set('theme', settings.theme);
    history.replaceState(null, '', url);
    apply();
  };
  language.select.addEventListener('change', update);
  theme.select.addEventListener('change', update);
  const box = document.createElement('div');
  box.className = 'switches';
  box.append(language.label, theme.label);
  document.querySelector('header')!.append(box);
  apply();
}

function select(label: string, options: [string, string][]) {
  const element = document.createElement('label');
  element.textContent = `${label} `;
  const control = document.createElement('select');
  for (const [value, text] of options) control.add(new Option(text, value));
  element.append(control);
  return { label: element, select: control };
}

/**
 * Shows the profile in the "Your profile" region, added at the end of `<main>` the first time.
 * Built with DOM calls, not markup strings, so it also runs under Trusted Types.
 */
export function showProfile(user: { name?: string; email?: string; picture?: string }): void {
  const section =
    document.querySelector<HTMLElement>('#profile') ??
    document.querySelector('main')!.appendChild(document.createElement('section'));
  section.id = 'profile';
  section.setAttribute('aria-labelledby', 'profile-title');
  const heading = Object.assign(document.createElement('h2'), {
    id: 'profile-title',
    textContent: 'Your profile',
  });
  const picture = Object.assign(document.createElement('img'), {
    src: user.picture ?? '',
    alt: 'Profile picture',
    width: 64,
    height: 64,
  });
  const details = document.createElement('dl');
  for (const [term, value] of [
    ['Name', user.name],
    ['Email', user.email],
  ]) {
    details.append(
      Object.assign(document.createElement('dt'), { textContent: term }),
      Object.assign(document.createElement('dd'), { textContent: value ?? '' }),
    );
  }
  section.replaceChildren(heading, picture, details);
  section.hidden = false;
}
