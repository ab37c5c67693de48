import type { AppContext } from './context.js';
import { AuthError } from './errors.js';

const HOUR_MS = 3_600_000;

/**
 * `/passwordless/start` per IP: `start_per_ip_per_hour` sent codes in a sliding hour, then 429.
 * Only starts that send a mail count ({@link countStart}); refused ones do not.
 */
export async function refuseStartOverLimit(ctx: AppContext, ip: string): Promise<void> {
  const now = ctx.now();
  const recent = await ctx.store.countEvents(startKey(ip), now - HOUR_MS);
  if (recent.count >= ctx.config.rateLimits.startPerIpPerHour) {
    throw tooMany(
      'too_many_requests',
      'Too many requests. Try again later.',
      recent.oldest! + HOUR_MS - now,
    );
  }
}

export async function countStart(ctx: AppContext, ip: string): Promise<void> {
  await ctx.store.recordEvent(startKey(ip), ctx.now());
}

/** Refuses a new code while the previous one for this email is younger than `resend_after_s`. */
export function refuseDuringResendCooldown(ctx: AppContext, lastSentAt: number | undefined): void {
  if (lastSentAt === undefined) return;
  const resendAt = lastSentAt + ctx.config.connections.email.otp.resendAfterS * 1000;
  const wait = resendAt - ctx.now();
  if (wait > 0) {
    throw tooMany(
      'too_many_requests',
      'A code was sent moments ago. Wait before asking for another.',
      wait,
    );
  }
}

/**
 * After `failed_verifications_per_ip_email` consecutive failures, this IP may not verify codes
 * for this email — not even the right one — for `lockout_s` from the failure that hit the limit.
 */
export async function refuseWhileLockedOut(
  ctx: AppContext,
  ip: string,
  email: string,
): Promise<void> {
  const lockoutMs = ctx.config.rateLimits.lockoutS * 1000;
  const now = ctx.now();
  const lockout = await ctx.store.countEvents(lockoutKey(ip, email), now - lockoutMs);
  if (lockout.count > 0) {
    throw tooMany(
      'too_many_attempts',
      'Your account has been blocked after multiple consecutive login attempts.',
      lockout.newest! + lockoutMs - now,
    );
  }
}

/** Counts a failure; the one that reaches the limit starts a lockout and resets the count. */
export async function recordFailedVerification(
  ctx: AppContext,
  ip: string,
  email: string,
): Promise<void> {
  const now = ctx.now();
  const key = failureKey(ip, email);
  await ctx.store.recordEvent(key, now);
  const failures = await ctx.store.countEvents(key, now - eventRetentionMs(ctx));
  if (failures.count >= ctx.config.rateLimits.failedVerificationsPerIpEmail) {
    await ctx.store.recordEvent(lockoutKey(ip, email), now);
    await ctx.store.clearEvents(key);
  }
}

/** A successful login ends the run of consecutive failures. */
export async function clearFailedVerifications(
  ctx: AppContext,
  ip: string,
  email: string,
): Promise<void> {
  await ctx.store.clearEvents(failureKey(ip, email));
}

/** How far back rate-limit events are still needed; older ones can be pruned. */
export function eventRetentionMs(ctx: AppContext): number {
  return Math.max(HOUR_MS, ctx.config.rateLimits.lockoutS * 1000);
}

function startKey(ip: string): string {
  return `start:${ip}`;
}

function lockoutKey(ip: string, email: string): string {
  return `lockout:${ip}:${email}`;
}

function failureKey(ip: string, email: string): string {
  return `verify-failed:${ip}:${email}`;
}

function tooMany(error: string, description: string, waitMs: number): AuthError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AuthError(429, error, description, { 'retry-after': String(seconds) });
}
