import { escapeHtml } from '../escape-html.js';
import { serverLocale, serverText, type ServerText } from '../locales/index.js';
import type { VerificationEmailContext } from './templates.js';

// LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE (UAX #9): in a right-to-left text part they
// keep `123456` and the link in their own order, whatever surrounds them.
const LRI = '\u2066';
const PDI = '\u2069';

/** Requested languages whose matched locale is remembered (oldest forgotten first). */
const MATCHES_KEPT = 256;

/** The parts of the built-in mail; `from` is always the tenant's (it has a default). */
export interface BuiltInParts {
  subject: string;
  text: string;
  html: string;
}

interface LocaleEmail {
  tag: string;
  words: ServerText['email'];
  rtl: boolean;
  minutes: Intl.NumberFormat;
}

/**
 * The built-in verification email in every locale of the server text. A locale's parts are made
 * on its first mail: a start builds none. The build and test/locales.test.ts check every locale
 * file (locales/check.ts), so one with an empty string or a wrong placeholder cannot ship.
 */
export class BuiltInEmails {
  readonly #locales = new Map<string, Promise<LocaleEmail>>();
  /** Requested language → its locale's tag (see {@link BuiltInEmails.#tagFor}). */
  readonly #matched = new Map<string, string>();

  constructor(private readonly defaultLanguage: string) {}

  /**
   * The locale of the request's language, else of the tenant's default language, else English.
   * Matching works out likely subtags (`Intl.Locale.maximize`), the most costly part of a mail:
   * it is remembered per requested language, for the {@link MATCHES_KEPT} last asked.
   */
  #tagFor(requestLanguage: string): string {
    let tag = this.#matched.get(requestLanguage);
    if (tag === undefined) {
      tag = serverLocale([requestLanguage, this.defaultLanguage]);
      // The header is the client's to choose: what is kept stays bounded.
      if (this.#matched.size >= MATCHES_KEPT) {
        this.#matched.delete(this.#matched.keys().next().value!);
      }
      this.#matched.set(requestLanguage, tag);
    }
    return tag;
  }

  #localeFor(requestLanguage: string): Promise<LocaleEmail> {
    const tag = this.#tagFor(requestLanguage);
    let locale = this.#locales.get(tag);
    if (!locale) {
      locale = serverText(tag).then((text) => ({
        tag,
        words: text.email,
        rtl: text.rtl === true,
        minutes: new Intl.NumberFormat(tag, { style: 'unit', unit: 'minute', unitDisplay: 'long' }),
      }));
      this.#locales.set(tag, locale);
    }
    return locale;
  }

  async render(context: VerificationEmailContext): Promise<BuiltInParts> {
    const locale = await this.#localeFor(context.request_language);
    const values = {
      app: context.application.name,
      minutes: locale.minutes.format(context.expires_in_minutes),
    };
    const { words } = locale;
    const link = context.send === 'link';
    return {
      subject: fill(link ? words.linkSubject : words.codeSubject, values),
      text: renderText(locale, context, values),
      html: renderHtml(locale, context, values),
    };
  }
}

type Values = Readonly<Record<'app' | 'minutes', string>>;

function fill(text: string, values: Values): string {
  return text.replace(/\{(app|minutes)\}/g, (_, name: keyof Values) => values[name]);
}

function renderText(locale: LocaleEmail, context: VerificationEmailContext, values: Values) {
  const { words, rtl } = locale;
  const line = (text: string) => fill(text, values);
  const code = rtl ? `${LRI}${context.code}${PDI}` : context.code;
  // The isolate of the link ends with its line (UAX #9 X8): a PDI right after the URL would be
  // taken into it by the linkifiers of mail clients.
  const paragraphs =
    context.send === 'link'
      ? [
          line(words.linkIntro),
          rtl ? `${LRI}${context.link}` : context.link,
          ...(context.include_code ? [`${line(words.linkCode)} ${code}`] : []),
          line(words.linkUse),
        ]
      : [line(words.codeIntro), code, line(words.codeUse)];
  return `${[...paragraphs, line(words.ignore)].join('\n\n')}\n`;
}

function renderHtml(locale: LocaleEmail, context: VerificationEmailContext, values: Values) {
  const { words, tag } = locale;
  const escaped = { app: escapeHtml(values.app), minutes: escapeHtml(values.minutes) };
  const line = (text: string) => fill(escapeHtml(text), escaped);
  // Isolated in every mail, so the digits keep their order in right-to-left ones.
  const isolate = (element: string, style: string) =>
    `<${element} dir="ltr" style="${style}unicode-bidi: isolate">${escapeHtml(context.code)}</${element}>`;
  const dir = locale.rtl ? 'rtl' : 'ltr';
  const paragraphs =
    context.send === 'link'
      ? [
          `<p>${line(words.linkIntro)}</p>`,
          `<p><a href="${escapeHtml(context.link)}" style="display: inline-block; padding: 10px 18px; background: #0b7285; color: #fff; border-radius: 6px; text-decoration: none">${line(words.linkButton)}</a></p>`,
          ...(context.include_code
            ? [`<p>${line(words.linkCode)} ${isolate('strong', 'letter-spacing: 2px; ')}</p>`]
            : []),
          `<p>${line(words.linkUse)}</p>`,
        ]
      : [
          `<p>${line(words.codeIntro)}</p>`,
          `<p style="font-size: 28px; font-weight: 600; letter-spacing: 4px">${isolate('span', '')}</p>`,
          `<p>${line(words.codeUse)}</p>`,
        ];
  // `dir` again on the wrapper: webmail drops the <html> element and keeps what is inside <body>.
  return `<!doctype html>
<html lang="${tag}" dir="${dir}">
  <body style="font-family: system-ui, sans-serif; color: #1f2328">
    <div dir="${dir}">
      ${[...paragraphs, `<p style="color: #59636e">${line(words.ignore)}</p>`].join('\n      ')}
    </div>
  </body>
</html>
`;
}
