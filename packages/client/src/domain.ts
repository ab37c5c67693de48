import { invalidArgument } from './errors.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

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
  if (typeof domain !== 'string' || domain.trim() === '') {
    throw invalidArgument('domain must be a host such as "tenant.example.com" or an origin');
  }
  const value = domain.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  if (!hasScheme && /[/?#@\s\\]/.test(value)) {
    throw invalidArgument(`domain "${domain}" must be a bare host or an origin, with no path`);
  }

  let url: URL;
  try {
    url = new URL(hasScheme ? value : `https://${value}`);
  } catch (cause) {
    throw Object.assign(invalidArgument(`domain "${domain}" is not a valid host or origin`), {
      cause,
    });
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidArgument(`domain "${domain}" must use https:`);
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw invalidArgument(
      `domain "${domain}" must be an origin only (scheme, host and port), with no path, query or credentials`,
    );
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw invalidArgument(
      `domain "${domain}" must use https: (http: is allowed only for localhost and 127.0.0.1)`,
    );
  }
  return url.origin;
}
