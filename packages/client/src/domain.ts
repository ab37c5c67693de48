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
  // One message for every other mistake: it states all the rules, and costs bytes only once.
  const refuse = (cause?: unknown) =>
    Object.assign(
      invalidArgument(
        `domain "${domain}" must be a bare host or an origin (scheme, host, port), with no path, query or credentials, and https: (http: only for localhost and 127.0.0.1)`,
      ),
      { cause },
    );
  const value = domain.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  if (!hasScheme && /[/?#@\s\\]/.test(value)) throw refuse();

  let url: URL;
  try {
    url = new URL(hasScheme ? value : `https://${value}`);
  } catch (cause) {
    throw refuse(cause);
  }
  if (
    url.username ||
    url.password ||
    url.pathname !== '/' ||
    url.search ||
    url.hash ||
    (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))
  ) {
    throw refuse();
  }
  return url.origin;
}
