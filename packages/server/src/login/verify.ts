import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { CODE_HASH_BYTES, CODE_SALT_BYTES, codeMatches, type RandomSource } from '../codes.js';
import type { ClientConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { normalizeEmail } from '../email-address.js';
import { AuthError } from '../errors.js';
import { loginLimits, loginRefusal } from '../rate-limits.js';
import type { AccessTokenRecord, PendingCode, User } from '../store.js';
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
  /** An opaque access token to save with the login, in the same transaction (tokens.ts). */
  accessToken?: Omit<AccessTokenRecord, 'sub' | 'audience'>;
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
 * Checks an emailed code, as one store transaction (store/logins.ts). First the limits that
 * refuse even the right code (this address locked out of this email, or failing across emails;
 * the email's empty guess budget, while a live code is pending), then the newest pending code,
 * compared in constant time (hashed even when there is none) — and for a magic link, the link's
 * parameters, which must be those it was mailed with. A wrong code counts against the code (its
 * `maxAttempts` kills it), the email and the address. The right code is consumed (single use)
 * and logs the user in, creating the user on first login; a blocked user is refused.
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

  const now = ctx.now();
  const login = await ctx.store.attemptLogin({
    clientId: attempt.client.clientId,
    email,
    now,
    ...loginLimits(ctx, attempt.ip, email, now),
    matches: (code) =>
      // The hash is computed first, whatever the link check says.
      codeMatches(
        ctx.serverSecret.codeKey,
        code?.salt ?? NO_CODE.salt,
        code?.codeHash ?? NO_CODE.hash,
        attempt.otp,
      ) && linkUnchanged(code, attempt.linkParams),
    newSub: newUserSub(ctx.random),
    ...(attempt.accessToken ? { accessToken: attempt.accessToken } : {}),
  });
  if (login.outcome === 'refused') {
    const rateLimited = reportIfRateLimited(ctx, attempt.log, { ...subject, login: true });
    return rateLimited(loginRefusal(login.limit, login.retryAt, now));
  }
  if (login.outcome === 'failed') throw wrongCode(login.reason);

  const { user, code } = login;
  if (user.blocked) reportLoginFailed(ctx, attempt.log, subject, 'blocked');
  assertNotBlocked(user);
  reportLoginSucceeded(ctx, attempt.log, subject, user.sub);
  return code.nonce === undefined ? { user } : { user, nonce: code.nonce };
}

/**
 * A typed code (no `clicked` parameters) may come from a code or a link mail. A clicked link
 * must carry exactly the parameters its code was mailed with; a code mailed as a code has none,
 * so it cannot be turned into a link. Refused like a wrong code, so it tells an attacker nothing.
 */
function linkUnchanged(pending: PendingCode | undefined, clicked: LinkParams | undefined): boolean {
  if (clicked === undefined) return true;
  return pending?.linkParams === linkParamsFingerprint(clicked);
}
