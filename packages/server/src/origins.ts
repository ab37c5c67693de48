import type { ClientConfig } from './config.js';
import { AuthError, quoteInput } from './errors.js';

/** Every origin some client lists: these get CORS headers (and preflight answers). */
export function knownOrigins(clients: readonly ClientConfig[]): Set<string> {
  return new Set(clients.flatMap((client) => [...client.allowedOrigins, ...client.webOrigins]));
}

/**
 * The routes that check the calling origin against their own client and tell a refused page
 * why: their preflight is answered for any origin, and their 403 refusal carries CORS headers,
 * so the page reads "Origin X is not allowed." instead of a network error. Nothing else is
 * loosened: success answers still get CORS headers only for listed origins (app.ts).
 *
 * `credentials`: callers send the request with credentials (auth0.js and our client do at
 * /co/authenticate), and a browser hides a credentialed answer without
 * `Access-Control-Allow-Credentials: true` (Fetch §4.10 CORS check). Giving it on the refusal
 * and its preflight exposes nothing: the server sets no cookies and the answer is the refusal.
 */
export const READABLE_REFUSAL_ROUTES: ReadonlyMap<string, { credentials: boolean }> = new Map([
  ['/passwordless/start', { credentials: false }],
  ['/oauth/token', { credentials: false }],
  ['/oauth/revoke', { credentials: false }],
  ['/co/authenticate', { credentials: true }],
]);

/**
 * Refuses a browser request (one with an `Origin`) from an origin this client does not list.
 * Requests without `Origin` come from servers and tests, where CORS does not apply. `route`
 * names a {@link READABLE_REFUSAL_ROUTES} entry whose refusal the page may read.
 */
export function assertOriginAllowed(
  client: ClientConfig,
  origin: string | undefined,
  route?: string,
): void {
  if (origin === undefined) return;
  if (client.allowedOrigins.includes(origin) || client.webOrigins.includes(origin)) return;
  throw originRefused(origin, route);
}

/** 403 `access_denied` "Origin X is not allowed.", readable by the page on the routes above. */
export function originRefused(origin: string | undefined, route?: string): AuthError {
  const readable = route === undefined ? undefined : READABLE_REFUSAL_ROUTES.get(route);
  const headers: Record<string, string> = {};
  if (readable && origin !== undefined && isEchoableOrigin(origin)) {
    // Vary: Origin is already set on every answer by the CORS hook (app.ts).
    headers['access-control-allow-origin'] = origin;
    if (readable.credentials) headers['access-control-allow-credentials'] = 'true';
  }
  return new AuthError(
    403,
    'access_denied',
    `Origin ${quoteInput(origin)} is not allowed.`,
    headers,
  );
}

/**
 * Whether an `Origin` may be sent back in `Access-Control-Allow-Origin`. What browsers send is
 * always visible ASCII (RFC 6454 §6); anything else did not come from a page, and would not even
 * be a valid header value.
 */
export function isEchoableOrigin(origin: string): boolean {
  return /^[\x21-\x7e]+$/.test(origin);
}

/** An http(s) URL in the one form the WHATWG parser gives it, or `undefined`. */
export function normalizeUrl(value: string | undefined): string | undefined {
  return httpUrl(value)?.href;
}

/** The origin of an http(s) URL, or `undefined`. */
export function originOf(value: string | undefined): string | undefined {
  return httpUrl(value)?.origin;
}

/** Whether `url` is exactly one of `registered` (compared in normalized form, no wildcards). */
export function isRegisteredUrl(registered: readonly string[], url: string): boolean {
  return registered.some((candidate) => normalizeUrl(candidate) === url);
}

function httpUrl(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
