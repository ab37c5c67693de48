import type { ResponseTarget } from '../authorization.js';
import { RedirectableError } from '../authorization.js';
import type { ClientConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { originOf } from '../origins.js';
import type { User } from '../store.js';
import { sha256Hex } from '../tokens.js';
import { assertNotBlockedAt } from './blocked.js';

/**
 * Cross-origin authentication's proof that `user` just verified a code from `origin`: random
 * 256 bits, stored as a SHA-256, redeemed once at /authorize within `login_ticket_lifetime_s`.
 */
export async function issueLoginTicket(
  ctx: AppContext,
  client: ClientConfig,
  user: User,
  origin: string,
): Promise<string> {
  const ticket = ctx.random(32).toString('base64url');
  await ctx.store.saveLoginTicket({
    ticketHash: sha256Hex(ticket),
    clientId: client.clientId,
    sub: user.sub,
    origin,
    expiresAt: ctx.now() + ctx.config.lifetimes.loginTicketS * 1000,
  });
  return ticket;
}

/** The ticket is single use, short-lived, and only answers the client and origin it was minted for. */
export async function redeemLoginTicket(
  ctx: AppContext,
  target: ResponseTarget,
  ticket: string | undefined,
): Promise<User> {
  if (!ticket) {
    // No login page and no sessions: what Auth0 answers to prompt=none without a session.
    throw new RedirectableError(target, 'login_required', 'Login required');
  }
  const record = await ctx.store.consumeLoginTicket(sha256Hex(ticket));
  const invalid = () =>
    new RedirectableError(target, 'access_denied', 'Invalid or expired login ticket.');
  if (
    !record ||
    record.expiresAt <= ctx.now() ||
    record.clientId !== target.client.clientId ||
    record.origin !== originOf(target.redirectUri)
  ) {
    throw invalid();
  }
  const user = await ctx.store.findUser(record.sub);
  if (!user) throw invalid();
  assertNotBlockedAt(target, user);
  return user;
}
