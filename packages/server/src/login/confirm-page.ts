import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { LinkConfirm } from '../config.js';
import { escapeHtml } from '../escape-html.js';
import { serverLocale, serverText, type ServerText } from '../locales/index.js';

// Fixed texts, so the CSP allows them by hash: no nonce, no 'unsafe-inline'. Contrast: the button
// (#fff on #0b7285) is 5.6:1, the note (#59636e on #fff) 6.2:1 (WCAG AA asks 4.5:1).
const STYLE = `body{font:16px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff;max-width:32rem;margin:12vh auto;padding:0 1rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .75rem}
button{font:inherit;font-weight:600;padding:.625rem 1.5rem;border:0;border-radius:6px;background:#0b7285;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
.note{color:#59636e;font-size:.875rem;margin-top:2rem}`;
// Without script the button stays; with it (`link.confirm: "auto"`) the form sends itself.
const AUTO_SUBMIT = 'document.getElementById("confirm").submit();';

const cspHash = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
export const STYLE_HASH = cspHash(STYLE);
export const AUTO_SUBMIT_HASH = cspHash(AUTO_SUBMIT);

export interface ConfirmPageOptions {
  /** The language the link was issued in (its `ui_locales`). */
  language: string | undefined;
  applicationName: string;
  /** What the form posts: the link's parameters and its form token. */
  fields: Readonly<Record<string, string>>;
  /** The callback the POST redirects to; CSP `form-action` also governs that redirect. */
  redirectUri: string;
  confirm: LinkConfirm;
}

/**
 * Answers a magic link's GET or HEAD with a page whose one button POSTs the link back: mail
 * scanners fetch links but do not submit forms, so only the person's click spends the link.
 */
export async function sendConfirmPage(
  reply: FastifyReply,
  options: ConfirmPageOptions,
): Promise<FastifyReply> {
  const language = pageLocale(options.language);
  const words = await serverText(language);
  const text = words.confirm;
  const heading = text.heading.replace('{app}', options.applicationName);
  const inputs = Object.entries(options.fields).map(
    ([name, value]) =>
      `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
  );
  const auto = options.confirm === 'auto';
  const body = `<main>
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(text.intro)}</p>
<form id="confirm" method="post" action="verify_redirect">
${inputs.join('\n')}
<button type="submit">${escapeHtml(text.button)}</button>
</form>
<p class="note">${escapeHtml(text.notYou)}</p>
</main>${auto ? `\n<script>${AUTO_SUBMIT}</script>` : ''}`;
  // Chromium applies form-action to the redirect that answers the POST, so the callback's origin
  // is allowed too (it is a registered callback, checked before the page is sent).
  const formAction = `'self' ${new URL(options.redirectUri).origin}`;
  const scripts = auto ? `; script-src ${AUTO_SUBMIT_HASH}` : '';
  return sendPage(
    reply,
    200,
    language,
    words,
    heading,
    body,
    `form-action ${formAction}${scripts}`,
  );
}

/** The 403 page of a POST that cannot finish: no valid form token, or sent from another site. */
export async function sendRefusedPage(
  reply: FastifyReply,
  language: string | undefined,
): Promise<FastifyReply> {
  const tag = pageLocale(language);
  const words = await serverText(tag);
  const text = words.confirm;
  const body = `<main>
<h1>${escapeHtml(text.refusedHeading)}</h1>
<p>${escapeHtml(text.refusedText)}</p>
</main>`;
  return sendPage(reply, 403, tag, words, text.refusedHeading, body, "form-action 'none'");
}

/**
 * The page's locale for a link issued in `language` (a tag, or OIDC `ui_locales`: several,
 * space-separated, preferred first): the first that matches a locale, else English.
 */
function pageLocale(language: string | undefined): string {
  return serverLocale((language ?? '').split(' ').filter(Boolean));
}

function sendPage(
  reply: FastifyReply,
  status: number,
  language: string,
  words: ServerText,
  title: string,
  body: string,
  policy: string,
): FastifyReply {
  const dir = words.rtl ? 'rtl' : 'ltr';
  const page = `<!doctype html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .headers({
      'content-security-policy': `default-src 'none'; style-src ${STYLE_HASH}; ${policy}; frame-ancestors 'none'; base-uri 'none'`,
      // The link's URL holds the code: no request from the page may carry it as a Referer.
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
    .send(page);
}
