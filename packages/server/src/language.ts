import type { IncomingHttpHeaders } from 'node:http';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/i;

/**
 * The language of the email: `X-Request-Language`, else the most preferred `Accept-Language`
 * tag (RFC 9110 §12.5.4 q-values; `*`, `q=0` and malformed entries are skipped), else the
 * tenant default. Values that are not plain language tags are ignored.
 */
export function requestLanguage(headers: IncomingHttpHeaders, fallback: string): string {
  const explicit = firstHeader(headers['x-request-language'])?.trim();
  if (explicit && LANGUAGE_TAG.test(explicit)) return explicit;
  return preferredLanguage(firstHeader(headers['accept-language'])) ?? fallback;
}

/** The highest-q usable tag of an Accept-Language value; earlier wins among equals. */
export function preferredLanguage(header: string | undefined): string | undefined {
  if (!header) return undefined;
  let best: { tag: string; q: number } | undefined;
  for (const entry of header.slice(0, 1024).split(',')) {
    const [rawTag, ...params] = entry.split(';');
    const tag = rawTag?.trim() ?? '';
    if (!LANGUAGE_TAG.test(tag)) continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.exec(param);
      q = match ? Number(match[1]) : -1;
    }
    if (q > 0 && (!best || q > best.q)) best = { tag, q };
  }
  return best?.tag;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
