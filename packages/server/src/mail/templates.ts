import { Liquid, type Template } from 'liquidjs';
import { ConfigError, type EmailTemplateConfig, type LocalizedText } from '../config.js';

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

/** A mailbox; nodemailer quotes and encodes `name`, so any application name is safe in it. */
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

const DEFAULT_TEXT = `{% if send == "link" -%}
Sign in to {{ application.name }} with this link:

{{ link }}
{%- if include_code %}

Or enter this code: {{ code }}
{%- endif %}

It works once and expires in {{ expires_in_minutes }} minutes.
{%- else -%}
Your {{ application.name }} verification code is:

{{ code }}

Enter it where you asked for it. It works once and expires in {{ expires_in_minutes }} minutes.
{%- endif %}

If you did not ask for it, you can ignore this email.
`;

const DEFAULT_HTML = `<!doctype html>
<html lang="{{ request_language }}">
  <body style="font-family: system-ui, sans-serif; color: #1f2328">
    {%- if send == "link" %}
    <p>Sign in to {{ application.name }}:</p>
    <p><a href="{{ link }}" style="display: inline-block; padding: 10px 18px; background: #0b7285; color: #fff; border-radius: 6px; text-decoration: none">Sign in</a></p>
    {%- if include_code %}
    <p>Or enter this code: <strong style="letter-spacing: 2px">{{ code }}</strong></p>
    {%- endif %}
    <p>The link works once and expires in {{ expires_in_minutes }} minutes.</p>
    {%- else %}
    <p>Your {{ application.name }} verification code is:</p>
    <p style="font-size: 28px; font-weight: 600; letter-spacing: 4px">{{ code }}</p>
    <p>Enter it where you asked for it. It works once and expires in {{ expires_in_minutes }} minutes.</p>
    {%- endif %}
    <p style="color: #59636e">If you did not ask for it, you can ignore this email.</p>
  </body>
</html>
`;

type Compiled = Readonly<Record<string, Template[]>>;

/** The verification email's templates, parsed once at start so a syntax error stops the start. */
export class EmailTemplates {
  // Text parts (and headers) are not escaped; the HTML part escapes every `{{ }}` output.
  readonly #text = new Liquid({ strictFilters: true, ownPropertyOnly: true });
  readonly #html = new Liquid({
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: 'escape',
  });
  readonly #from: Compiled;
  readonly #subject: Compiled;
  readonly #textBody: Compiled;
  readonly #htmlBody: Compiled;

  constructor(
    config: EmailTemplateConfig,
    private readonly defaultLanguage: string,
  ) {
    this.#from = this.#compile(this.#text, config.from, 'email.from');
    this.#subject = this.#compile(this.#text, config.subject, 'email.subject');
    this.#textBody = this.#compile(this.#text, config.text ?? DEFAULT_TEXT, 'email.text');
    this.#htmlBody = this.#compile(this.#html, config.html ?? DEFAULT_HTML, 'email.body');
  }

  async render(context: VerificationEmailContext): Promise<RenderedEmail> {
    const language = context.request_language;
    const render = async (engine: Liquid, compiled: Compiled) =>
      String(await engine.render(this.#pick(compiled, language), { ...context }));
    const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();
    return {
      from: parseMailbox(oneLine(await render(this.#text, this.#from))),
      subject: oneLine(await render(this.#text, this.#subject)),
      text: await render(this.#text, this.#textBody),
      html: await render(this.#html, this.#htmlBody),
    };
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
