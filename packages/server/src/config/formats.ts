import net from 'node:net';

/**
 * The config's string formats: each says what is wrong with a value (`undefined` when nothing
 * is). The schema names them in `format`; the problem text follows the key in the error line.
 */
export const FORMATS = {
  'client-id': (text) =>
    /^[\w.-]{1,128}$/.test(text) ? undefined : 'use letters, digits, ".", "_" or "-" (1-128)',
  origin: (text) => {
    const url = parseUrl(text);
    const isOrigin =
      url !== undefined &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === text.replace(/\/$/, '');
    return isOrigin ? undefined : `"${text}" is not an origin like https://app.example.com`;
  },
  'http-url': httpUrlProblem,
  issuer: (text) =>
    httpUrlProblem(text) ?? (/[?#]/.test(text) ? 'must not have a query or fragment' : undefined),
  /** RFC 6749 §3.3 scope-token: printable ASCII except space, `"` and `\`. */
  scope: (text) =>
    /^[\x21\x23-\x5B\x5D-\x7E]+$/.test(text)
      ? undefined
      : `"${text}" is not a scope (printable ASCII without spaces, quotes or backslashes)`,
  language: (text) =>
    /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(text)
      ? undefined
      : `"${text}" is not a language tag like "en" or "pt-BR"`,
  'proxy-address': proxyAddressProblem,
  'smtp-url': (text) => {
    const url = parseUrl(text);
    if (!url) return 'not a URL (expected smtp://user:pass@host:587)';
    return url.protocol === 'smtp:' || url.protocol === 'smtps:'
      ? undefined
      : 'the URL must start with smtp:// or smtps://';
  },
  /** `"sqlite"` (the data dir's file) or a PostgreSQL URL. */
  database: (text) => {
    if (text === 'sqlite') return undefined;
    const protocol = parseUrl(text)?.protocol;
    return protocol === 'postgres:' || protocol === 'postgresql:'
      ? undefined
      : 'must be "sqlite" or a PostgreSQL URL like postgres://user:pass@host:5432/db';
  },
} satisfies Record<string, (text: string) => string | undefined>;

/** Whether a text has the format: what the config validator (validator.generated.ts) calls. */
export const FORMAT_CHECKS = Object.fromEntries(
  Object.entries(FORMATS).map(([name, problem]) => [name, (text: string) => !problem(text)]),
) as Record<keyof typeof FORMATS, (text: string) => boolean>;

function httpUrlProblem(text: string): string | undefined {
  const protocol = parseUrl(text)?.protocol;
  return protocol === 'http:' || protocol === 'https:'
    ? undefined
    : `"${text}" is not an http(s) URL`;
}

/**
 * A `trust_proxy` entry: an IPv4/IPv6 address or CIDR range. A /0 would trust every address
 * (and Fastify's proxy-addr refuses it).
 */
function proxyAddressProblem(text: string): string | undefined {
  const [address = '', prefix, ...rest] = text.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) {
    return `"${text}" is not an IP address or CIDR range like 10.0.0.1, 10.0.0.0/8 or fd00::/8`;
  }
  const bits = family === 4 ? 32 : 128;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && +prefix >= 1 && +prefix <= bits)) {
    return `"${text}" needs a prefix length from 1 to ${bits}`;
  }
  return undefined;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
