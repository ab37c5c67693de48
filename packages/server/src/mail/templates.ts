import { createRequire } from 'node:module';
import type * as LiquidModule from 'liquidjs';
import type { Liquid, Template } from 'liquidjs';
import { ConfigError, type EmailTemplateConfig, type LocalizedText } from '../config.js';
import { BuiltInEmails } from './built-in-email.js';

// liquidjs is CommonJS. Through `import`, Node would scan its 180 KB for export names at every
// start (cjs-module-lexer: some 60 ms of CPU, a tenth of a start); `require` skips the scan.
const liquid = createRequire(import.meta.url)('liquidjs') as typeof LiquidModule;

/** What the Liquid templates see (names follow Auth0's email templates). */
export interface VerificationEmailContext {
  code: string;
  /** The magic link when `send` is `link`, else empty. */
  link: string;
  send: 'code' | 'link';
  /** Whether a link mail also shows `code`, to type on the device that asked for it. */
  include_code: boolean;
  request_language: string;
  operation: 'login';
  expires_in_minutes: number;
  application: { name: string; client_id: string };
  connection: { name: string };
  user: { email: string };
}

/** A mailbox; the MIME composer quotes and encodes `name`, so any name is safe in it. */
export interface Mailbox {
  name: string;
  address: string;
}

export interface RenderedEmail {
  from: Mailbox;
  subject: string;
  text: string;
  html: string;
}

type Compiled = Readonly<Record<string, Template[]>>;

/**
 * The host's locale, in which Liquid's `date` filter names months and days. liquidjs finds it
 * itself with an `Intl.DateTimeFormat`, whose first use maps about 6 MiB of ICU data into the
 * server at start; `Intl.PluralRules` resolves the same default locale for under 1 MiB.
 */
const HOST_LOCALE = new Intl.PluralRules().resolvedOptions().locale;

/**
 * The verification email's templates, parsed once at start so a syntax error stops the start.
 * The tenant's `subject`, `text` and `body` win where set; the others are the built-in mail in the
 * request's language (built-in-email.ts).
 */
export class EmailTemplates {
  // Text parts (and headers) are not escaped; the HTML part escapes every `{{ }}` output.
  readonly #text = new liquid.Liquid({
    strictFilters: true,
    ownPropertyOnly: true,
    locale: HOST_LOCALE,
  });
  readonly #html = new liquid.Liquid({
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: 'escape',
    locale: HOST_LOCALE,
  });
  readonly #from: Compiled;
  readonly #subject: Compiled | undefined;
  readonly #textBody: Compiled | undefined;
  readonly #htmlBody: Compiled | undefined;
  readonly #builtIn: BuiltInEmails;

  constructor(
    config: EmailTemplateConfig,
    private readonly defaultLanguage: string,
  ) {
    this.#from = this.#compile(this.#text, config.from, 'email.from');
    this.#subject = this.#compileIfSet(this.#text, config.subject, 'email.subject');
    this.#textBody = this.#compileIfSet(this.#text, config.text, 'email.text');
    this.#htmlBody = this.#compileIfSet(this.#html, config.html, 'email.body');
    this.#builtIn = new BuiltInEmails(defaultLanguage);
  }

  /**
   * Liquid renders synchronously: the templates are parsed at start, and its async render would
   * only add promises to every mail (an `{% include %}` reads its file synchronously then). Only
   * a locale's first mail waits, for its built-in text to load.
   */
  async render(context: VerificationEmailContext): Promise<RenderedEmail> {
    const language = context.request_language;
    const render = (engine: Liquid, compiled: Compiled) =>
      String(engine.renderSync(this.#pick(compiled, language), { ...context }));
    const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();
    const builtIn = await this.#builtIn.render(context);
    return {
      from: parseMailbox(oneLine(render(this.#text, this.#from))),
      subject: oneLine(this.#subject ? render(this.#text, this.#subject) : builtIn.subject),
      text: this.#textBody ? render(this.#text, this.#textBody) : builtIn.text,
      html: this.#htmlBody ? render(this.#html, this.#htmlBody) : builtIn.html,
    };
  }

  #compileIfSet(engine: Liquid, source: LocalizedText | undefined, at: string) {
    return source === undefined ? undefined : this.#compile(engine, source, at);
  }

  #compile(engine: Liquid, source: LocalizedText, at: string): Compiled {
    const byLanguage = typeof source === 'string' ? { [this.defaultLanguage]: source } : source;
    const compiled: Record<string, Template[]> = {};
    for (const [language, text] of Object.entries(byLanguage)) {
      try {
        compiled[language.toLowerCase()] = engine.parse(text);
      } catch (error) {
        throw new ConfigError(`connections.email.${at}: ${(error as Error).message}`);
      }
    }
    return compiled;
  }

  /** The exact language, then its primary subtag (`pt-BR` → `pt`), then the default, then any. */
  #pick(compiled: Compiled, language: string): Template[] {
    const wanted = language.toLowerCase();
    return (compiled[wanted] ??
      compiled[wanted.split('-')[0]!] ??
      compiled[this.defaultLanguage.toLowerCase()] ??
      Object.values(compiled)[0])!;
  }
}

/**
 * `Name <address>` (the last `<…>` is the address, so names may contain `<`), or a bare address.
 */
function parseMailbox(text: string): Mailbox {
  const match = /^(.*)<([^<>\s]+@[^<>\s]+)>$/.exec(text);
  if (match) return { name: match[1]!.trim().replace(/^"(.*)"$/, '$1'), address: match[2]! };
  return { name: '', address: text };
}
