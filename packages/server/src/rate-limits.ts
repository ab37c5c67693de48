import type { AppContext } from './context.js';
import { AuthError } from './errors.js';

const HOUR_MS = 3_600_000;

/** `/passwordless/start` per IP: `start_per_ip_per_hour` in a sliding hour, then 429. */
export async function countStartOrRefuse(ctx: AppContext, ip: string): Promise<void> {
  const key = `start:${ip}`;
  const now = ctx.now();
  const recent = await ctx.store.countEvents(key, now - HOUR_MS);
  if (recent.count >= ctx.config.rateLimits.startPerIpPerHour) {
    throw tooMany(
      'too_many_requests',
      'Too many requests. Try again later.',
      recent.oldest! + HOUR_MS - now,
    );
  }
  await ctx.store.recordEvent(key, now);
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
 * After `failed_verifications_per_ip_email` failures within `lockout_s`, this IP may not verify
 * codes for this email — not even the right one — until `lockout_s` after the last failure.
 */
export async function refuseWhileLockedOut(
  ctx: AppContext,
  ip: string,
  email: string,
): Promise<void> {
  const { failedVerificationsPerIpEmail, lockoutS } = ctx.config.rateLimits;
  const now = ctx.now();
  const failures = await ctx.store.countEvents(failureKey(ip, email), now - lockoutS * 1000);
  if (failures.count >= failedVerificationsPerIpEmail) {
    throw tooMany(
      'too_many_attempts',
      'Your account has been blocked after multiple consecutive login attempts.',
      failures.newest! + lockoutS * 1000 - now,
    );
  }
}

export async function recordFailedVerification(
  ctx: AppContext,
  ip: string,
  email: string,
): Promise<void> {
  await ctx.store.recordEvent(failureKey(ip, email), ctx.now());
}

/** How far back rate-limit events are still needed; older ones can be pruned. */
export function eventRetentionMs(ctx: AppContext): number {
  return Math.max(HOUR_MS, ctx.config.rateLimits.lockoutS * 1000);
}

function failureKey(ip: string, email: string): string {
  return `verify-failed:${ip}:${email}`;
}

function tooMany(error: string, description: string, waitMs: number): AuthError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AuthError(429, error, description, { 'retry-after': String(seconds) });
}
