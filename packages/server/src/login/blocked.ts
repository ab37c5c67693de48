import type { ResponseTarget } from '../authorization.js';
import { RedirectableError } from '../authorization.js';
import { AuthError } from '../errors.js';
import type { User } from '../store.js';

// What Auth0 answers a blocked user at every login path.
const ERROR = 'unauthorized';
const DESCRIPTION = 'user is blocked';

/**
 * Refuses a blocked user (`users block`) at /oauth/token and /co/authenticate: 401, as Auth0.
 * Blocking removes the user's codes, tickets and authorization codes, so only one issued in the
 * moment before the block can bring a blocked user this far.
 */
export function assertNotBlocked(user: User): void {
  if (user.blocked) throw new AuthError(401, ERROR, DESCRIPTION);
}

/** {@link assertNotBlocked} at /authorize, where the refusal goes back to the callback. */
export function assertNotBlockedAt(target: ResponseTarget, user: User): void {
  if (user.blocked) throw new RedirectableError(target, ERROR, DESCRIPTION);
}
