import { invalidArgument } from './errors.js';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'];

/**
 * Turns a tenant `domain` into the origin requests go to.
 *
 * A bare host (`tenant.example.com`, `tenant.example.com:8443`) means `https://` that host. A full
 * origin (`https://tenant.example.com`, `http://localhost:3000`) is used as given; plain `http:` is
 * accepted only for localhost and 127.0.0.1, so tokens never travel in the clear elsewhere.
 *
 * @param domain - A bare host or an origin.
 * @returns The origin, without a trailing slash.
 * @throws TypeError (`code` `ERR_INVALID_ARG_VALUE`) for anything else.
 * @example
 * ```ts
 * toOrigin('tenant.example.com'); // 'https://tenant.example.com'
 * toOrigin('http://localhost:3000'); // 'http://localhost:3000'
 * ```
 */
export function toOrigin(domain: string): string {
  const value = typeof domain === 'string' ? domain.trim() : '';
  if (!value) {
    throw invalidArgument('domain must be a host (tenant.example.com) or an origin');
  }
  const refuse = (rule: string, cause?: unknown) =>
    Object.assign(invalidArgument(`domain "${domain}" ${rule}`), { cause });
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  if (!hasScheme && /[/?#@\s\\]/.test(value)) {
    throw refuse('must be a bare host or an origin, with no path');
  }

  let url: URL;
  try {
    url = new URL(hasScheme ? value : `https://${value}`);
  } catch (cause) {
    throw refuse('is not a valid host or origin', cause);
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname))
  ) {
    throw refuse('must use https: (http: only for localhost and 127.0.0.1)');
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw refuse('must be an origin only, with no path, query or credentials');
  }
  return url.origin;
}
