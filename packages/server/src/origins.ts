import type { ClientConfig } from './config.js';
import { AuthError } from './errors.js';

/** Every origin some client lists: these get CORS headers (and preflight answers). */
export function knownOrigins(clients: readonly ClientConfig[]): Set<string> {
  return new Set(clients.flatMap((client) => [...client.allowedOrigins, ...client.webOrigins]));
}

/**
 * Refuses a browser request (one with an `Origin`) from an origin this client does not list.
 * Requests without `Origin` come from servers and tests, where CORS does not apply.
 */
export function assertOriginAllowed(client: ClientConfig, origin: string | undefined): void {
  if (origin === undefined) return;
  if (client.allowedOrigins.includes(origin) || client.webOrigins.includes(origin)) return;
  throw new AuthError(403, 'access_denied', `Origin ${origin} is not allowed.`);
}

/** An http(s) URL in the one form the WHATWG parser gives it, or `undefined`. */
export function normalizeUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `url` is exactly one of `registered` (compared in normalized form, no wildcards). */
export function isRegisteredUrl(registered: readonly string[], url: string): boolean {
  return registered.some((candidate) => normalizeUrl(candidate) === url);
}
