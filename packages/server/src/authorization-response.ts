import type { FastifyReply } from 'fastify';
import type { RandomSource } from './codes.js';
import type { ResponseTarget } from './authorization.js';

/**
 * Sends authorization response parameters (or an error) the way `response_mode` asks:
 * a 302 with them in the query or the fragment, or for `web_message` a page that posts
 * `{type: "authorization_response", response}` to the client's origin (what auth0.js and
 * Auth0's own /authorize do for iframes and popups).
 */
export function sendAuthorizationResponse(
  reply: FastifyReply,
  target: ResponseTarget,
  params: Readonly<Record<string, string>>,
  random: RandomSource,
): FastifyReply {
  if (target.mode === 'web_message') {
    return sendWebMessage(reply, new URL(target.redirectUri).origin, params, random);
  }
  const url = new URL(target.redirectUri);
  const encoded = new URLSearchParams(params);
  if (target.mode === 'query') {
    for (const [name, value] of encoded) url.searchParams.set(name, value);
  } else {
    url.hash = encoded.toString();
  }
  return reply.redirect(url.href, 302);
}

export function errorParams(
  target: ResponseTarget,
  error: string,
  description: string,
): Record<string, string> {
  const params: Record<string, string> = { error, error_description: description };
  if (target.state !== undefined) params.state = target.state;
  return params;
}

function sendWebMessage(
  reply: FastifyReply,
  targetOrigin: string,
  params: Readonly<Record<string, string>>,
  random: RandomSource,
): FastifyReply {
  const nonce = random(16).toString('base64');
  const message = { type: 'authorization_response', response: params };
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Authorization response</title></head>
<body><script nonce="${nonce}">
(function () {
  var target = window.opener || window.parent;
  target.postMessage(${jsonForScript(message)}, ${jsonForScript(targetOrigin)});
})();
</script></body></html>`;
  return reply
    .type('text/html; charset=utf-8')
    .headers({
      // Only the client's own origin may frame this page, and only this script may run.
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; frame-ancestors ${targetOrigin}`,
      'referrer-policy': 'no-referrer',
    })
    .send(page);
}

/** JSON that is safe inside a <script>: no `</script>`, no HTML comment, no line separators. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
