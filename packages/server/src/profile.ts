import { createHash } from 'node:crypto';
import type { User } from './store.js';

/** Standard claims of a user, filtered by the granted scope as OIDC Core §5.4 asks. */
export function profileClaims(user: User, scope: ReadonlySet<string>): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: user.sub };
  if (scope.has('profile')) {
    claims.name = user.email;
    claims.nickname = user.email.split('@')[0];
    claims.picture = avatarDataUri(user.email);
    // Auth0 sends updated_at as an ISO 8601 string (OIDC would use seconds).
    claims.updated_at = new Date(user.updatedAt).toISOString();
  }
  if (scope.has('email')) {
    claims.email = user.email;
    // Only someone who read a code sent to this address can log in as it.
    claims.email_verified = true;
  }
  return claims;
}

const COLORS = ['#0b7285', '#5f3dc4', '#c2255c', '#2b8a3e', '#e8590c', '#1864ab', '#862e9c'];

/** A deterministic avatar (initial on a colour) as a data: URI, so no remote host learns logins. */
function avatarDataUri(email: string): string {
  const initial = /^[a-z0-9]/i.exec(email)?.[0]?.toUpperCase() ?? '?';
  const color = COLORS[createHash('sha256').update(email).digest()[0]! % COLORS.length];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">` +
    `<rect width="96" height="96" fill="${color}"/>` +
    `<text x="48" y="62" font-family="sans-serif" font-size="44" fill="#fff" text-anchor="middle">${initial}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
