import { randomBytes } from 'node:crypto';
import { CODE_HASH_BYTES, CODE_SALT_BYTES, codeMatches } from './codes.js';
import type { ClientConfig } from './config.js';
import type { AppContext } from './context.js';
import { normalizeEmail } from './email-address.js';
import { AuthError } from './errors.js';
import {
  clearFailedVerifications,
  recordFailedVerification,
  refuseWhileLockedOut,
} from './rate-limits.js';
import type { User } from './store.js';

export interface CodeAttempt {
  client: ClientConfig;
  /** Where the try comes from; failures are counted per IP + email. */
  ip: string;
  username: string;
  otp: string;
  /** The `error` of a wrong code: `invalid_grant` at /oauth/token, `access_denied` elsewhere. */
  wrongCodeError: string;
}

export interface VerifiedLogin {
  user: User;
  /** `authParams.nonce` given at /passwordless/start, if any. */
  nonce?: string;
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
 * Checks an emailed code: lockout first (so even the right code is refused while locked), then
 * the newest pending code, compared in constant time. A wrong code counts against the code
 * (`max_attempts` kills it) and against the IP + email. The right code is consumed (single use)
 * and logs the user in, creating the user on first login.
 */
export async function verifyEmailCode(
  ctx: AppContext,
  attempt: CodeAttempt,
): Promise<VerifiedLogin> {
  const wrongCode = () =>
    new AuthError(403, attempt.wrongCodeError, 'Wrong email or verification code.');
  const email = normalizeEmail(attempt.username);
  if (!email) throw wrongCode();

  await refuseWhileLockedOut(ctx, attempt.ip, email);
  const pending = await ctx.store.findCode(attempt.client.clientId, email);
  // Hash even when there is no code, so timing does not tell whether one is pending.
  const matches = codeMatches(
    ctx.serverSecret.codeKey,
    pending?.salt ?? NO_CODE.salt,
    pending?.codeHash ?? NO_CODE.hash,
    attempt.otp,
  );
  if (!pending || pending.expiresAt <= ctx.now() || !matches) {
    if (pending) {
      const attempts = await ctx.store.addFailedAttempt(pending.id);
      if (attempts >= ctx.config.connections.email.otp.maxAttempts) {
        await ctx.store.consumeCode(pending.id);
      }
    }
    await recordFailedVerification(ctx, attempt.ip, email);
    throw wrongCode();
  }
  // Two requests racing with the same code: only the one that deletes it wins.
  if (!(await ctx.store.consumeCode(pending.id))) throw wrongCode();
  await clearFailedVerifications(ctx, attempt.ip, email);

  const user = await ctx.store.upsertUserOnLogin(
    email,
    `email|${ctx.random(12).toString('hex')}`,
    ctx.now(),
  );
  return pending.nonce === undefined ? { user } : { user, nonce: pending.nonce };
}
