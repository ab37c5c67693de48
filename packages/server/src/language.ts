import type { IncomingHttpHeaders } from 'node:http';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/i;

/**
 * The language of the email: `X-Request-Language`, else the first `Accept-Language` tag, else the
 * tenant default. Values that are not plain language tags are ignored.
 */
export function requestLanguage(headers: IncomingHttpHeaders, fallback: string): string {
  const explicit = firstHeader(headers['x-request-language'])?.trim();
  if (explicit && LANGUAGE_TAG.test(explicit)) return explicit;
  const accepted = firstHeader(headers['accept-language'])?.split(',')[0]?.split(';')[0]?.trim();
  if (accepted && LANGUAGE_TAG.test(accepted)) return accepted;
  return fallback;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
