import net from 'node:net';
import type { LocalizedText } from './config.js';

// Small checks for config values: each returns the value typed or throws a ConfigError naming its key.

/** Everything wrong with a config, one problem per entry (the message has one per line). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

export function readIssuer(value: string): string {
  const url = readUrl(value, 'issuer');
  if (url.includes('?') || url.includes('#')) {
    throw new ConfigError('issuer: must not have a query or fragment');
  }
  return url.endsWith('/') ? url : `${url}/`;
}

export function readOrigin(value: unknown, at: string): string {
  const text = asString(value, at);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${at}: "${text}" is not an origin like https://app.example.com`);
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.origin !== text.replace(/\/$/, '')
  ) {
    throw new ConfigError(`${at}: "${text}" is not an origin like https://app.example.com`);
  }
  return url.origin;
}

export function readUrl(value: unknown, at: string): string {
  const text = asString(value, at);
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through to the error below
  }
  throw new ConfigError(`${at}: "${text}" is not an http(s) URL`);
}

/** RFC 6749 §3.3 scope-token: printable ASCII except space, `"` and `\`. */
export function readScope(value: unknown, at: string): string {
  const text = asString(value, at);
  if (!/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(text)) {
    throw new ConfigError(
      `${at}: "${text}" is not a scope (printable ASCII without spaces, quotes or backslashes)`,
    );
  }
  return text;
}

/**
 * `trust_proxy`: `false` (the default), or the proxies whose `X-Forwarded-For` is believed, as
 * IPv4/IPv6 addresses or CIDR ranges. `true` is refused: it would let any client pick its IP,
 * and with it its own rate limits. An empty list trusts no one, like `false`.
 */
export function readTrustProxy(value: unknown): false | string[] {
  if (value === undefined || value === false) return false;
  if (!Array.isArray(value)) {
    throw new ConfigError(
      'trust_proxy: must be false or a list of proxy addresses like ["10.0.0.1", "10.1.0.0/16"]',
    );
  }
  const proxies = value.map((entry, i) => readProxyAddress(entry, `trust_proxy[${i}]`));
  return proxies.length === 0 ? false : proxies;
}

function readProxyAddress(value: unknown, at: string): string {
  const text = asString(value, at);
  const [address = '', prefix, ...rest] = text.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) {
    throw new ConfigError(
      `${at}: "${text}" is not an IP address or CIDR range like 10.0.0.1, 10.0.0.0/8 or fd00::/8`,
    );
  }
  const bits = family === 4 ? 32 : 128;
  // A /0 would trust every address (and Fastify's proxy-addr refuses it).
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && +prefix >= 1 && +prefix <= bits)) {
    throw new ConfigError(`${at}: "${text}" needs a prefix length from 1 to ${bits}`);
  }
  return text;
}

export function readLocalized(value: unknown, at: string): LocalizedText {
  if (typeof value === 'string') return value;
  const raw = asObject(value, at);
  const out: Record<string, string> = {};
  for (const [language, text] of Object.entries(raw)) {
    out[readLanguage(language, `${at} key`).toLowerCase()] = asString(text, `${at}.${language}`);
  }
  if (Object.keys(out).length === 0) throw new ConfigError(`${at}: needs at least one language`);
  return out;
}

export function readLanguage(value: unknown, at: string): string {
  const text = asString(value, at);
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(text)) {
    throw new ConfigError(`${at}: "${text}" is not a language tag like "en" or "pt-BR"`);
  }
  return text;
}

export function readInt(
  value: unknown,
  at: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${at}: must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function asObject(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${at}: must be an object`);
  }
  return value as Record<string, unknown>;
}

export function asArray(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new ConfigError(`${at}: must be an array`);
  return value;
}

export function asString(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ConfigError(`${at}: must be a non-empty string`);
  }
  return value;
}

export function allowKeys(raw: Record<string, unknown>, at: string, keys: readonly string[]): void {
  const unknown = Object.keys(raw).filter((key) => !keys.includes(key));
  if (unknown.length > 0) {
    throw new ConfigError(`${at}: unknown key "${unknown[0]}" (allowed: ${keys.join(', ')})`);
  }
}
