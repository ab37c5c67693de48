import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { CODE_HASH_BYTES, CODE_SALT_BYTES, codeMatches, type RandomSource } from '../codes.js';
import type { ClientConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { normalizeEmail } from '../email-address.js';
import { AuthError } from '../errors.js';
import {
  forgiveAfterLogin,
  giveBackAddressGuess,
  recordFailedVerification,
  takeAddressGuess,
  takeEmailGuess,
} from '../rate-limits.js';
import type { PendingCode, User } from '../store.js';
import type { LoginFailure } from '../metrics/metrics.js';
import { assertNotBlocked } from './blocked.js';
import { reportIfRateLimited, reportLoginFailed, reportLoginSucceeded } from './events.js';
import { linkParamsFingerprint, type LinkParams } from './magic-link.js';

export interface CodeAttempt {
  client: ClientConfig;
  /** Where the try comes from; failures are counted per address, and per address + email. */
  ip: string;
  username: string;
  otp: string;
  /** The `error` of a wrong code: `invalid_grant` at /oauth/token, `access_denied` elsewhere. */
  wrongCodeError: string;
  /** For a magic link, the authorize parameters of the clicked link. */
  linkParams?: LinkParams;
  /** The request's logger: the outcome is logged with the request's id. */
  log: FastifyBaseLogger;
}

export interface VerifiedLogin {
  user: User;
  /** `authParams.nonce` given at /passwordless/start, if any. */
  nonce?: string;
}

/** A new user's `sub`, as Auth0 forms it for the email connection: `email|` and 24 hex. */
export function newUserSub(random: RandomSource): string {
  return `email|${random(12).toString('hex')}`;
}

/** `realm` (at /oauth/token and /co/authenticate) must name the email connection. */
export function assertEmailRealm(ctx: AppContext, realm: string): void {
  if (realm !== ctx.config.connections.email.name) {
    throw new AuthError(400, 'invalid_request', 'Unknown realm: the connection does not exist.');
  }
}

// Compared against when no code is pending: the guess is still hashed with the code key, and no
// code's HMAC equals these random bytes.
const NO_CODE = { salt: randomBytes(CODE_SALT_BYTES), hash: randomBytes(CODE_HASH_BYTES) };

/**
 * Checks an emailed code. First the limits that refuse even the right code (this address
 * locked out of this email, or failing across emails; the email's guess budget, taken only when
 * a live code exists), then the newest pending code, compared in constant time — and for a
 * magic link, the link's parameters, which must be those it was mailed with. A wrong code
 * counts against the code (its `maxAttempts` kills it), the email and the address. The right
 * code is consumed (single use) and logs the user in, creating the user on first login; a
 * blocked user is refused.
 */
export async function verifyEmailCode(
  ctx: AppContext,
  attempt: CodeAttempt,
): Promise<VerifiedLogin> {
  const email = normalizeEmail(attempt.username);
  const subject = { clientId: attempt.client.clientId, email };
  // Every refusal looks the same to the caller; the log and metrics say why.
  const wrongCode = (reason: LoginFailure) => {
    reportLoginFailed(ctx, attempt.log, subject, reason);
    return new AuthError(403, attempt.wrongCodeError, 'Wrong email or verification code.');
  };
  if (!email) throw wrongCode('wrong_code');
  const rateLimited = reportIfRateLimited(ctx, attempt.log, { ...subject, login: true });

  const addressGuess = await takeAddressGuess(ctx, attempt.ip, email).catch(rateLimited);
  const pending = await ctx.store.findCode(attempt.client.clientId, email);
  const live = pending && pending.expiresAt > ctx.now() ? pending : undefined;
  if (live) {
    await takeEmailGuess(ctx, email).catch(async (error: unknown) => {
      await giveBackAddressGuess(ctx, addressGuess);
      return rateLimited(error);
    });
  }
  // Hash even when there is no code, so timing does not tell whether one is pending.
  const codeIsRight = codeMatches(
    ctx.serverSecret.codeKey,
    live?.salt ?? NO_CODE.salt,
    live?.codeHash ?? NO_CODE.hash,
    attempt.otp,
  );
  if (!live || !codeIsRight || !linkUnchanged(live, attempt.linkParams)) {
    const lastTry = live && (await ctx.store.addFailedAttempt(live.id)) >= live.maxAttempts;
    if (lastTry) await ctx.store.consumeCode(live.id);
    await recordFailedVerification(ctx, attempt.ip, email);
    throw wrongCode(pending && !live ? 'expired' : lastTry ? 'too_many_attempts' : 'wrong_code');
  }
  // Two requests racing with the same code: only the one that deletes it wins.
  if (!(await ctx.store.consumeCode(live.id))) throw wrongCode('wrong_code');
  await forgiveAfterLogin(ctx, attempt.ip, email, addressGuess);

  const user = await ctx.store.upsertUserOnLogin(email, newUserSub(ctx.random), ctx.now());
  if (user.blocked) reportLoginFailed(ctx, attempt.log, subject, 'blocked');
  assertNotBlocked(user);
  reportLoginSucceeded(ctx, attempt.log, subject, user.sub);
  return live.nonce === undefined ? { user } : { user, nonce: live.nonce };
}

/**
 * A typed code (no `clicked` parameters) may come from a code or a link mail. A clicked link
 * must carry exactly the parameters its code was mailed with; a code mailed as a code has none,
 * so it cannot be turned into a link. Refused like a wrong code, so it tells an attacker nothing.
 */
function linkUnchanged(pending: PendingCode, clicked: LinkParams | undefined): boolean {
  if (clicked === undefined) return true;
  return pending.linkParams === linkParamsFingerprint(clicked);
}
