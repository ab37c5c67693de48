import { isIPv4, isIPv6 } from 'node:net';
import type { AppContext } from './context.js';
import { AuthError } from './errors.js';
import type { CodeIssue, CodeIssueOutcome, GuessBudget, Hit } from './store.js';
import type { LoginAttempt, LoginLimit } from './store/logins.js';

const HOUR_MS = 3_600_000;
/** Sliding windows are counted in this many slots, so a window holds at most this many rows. */
const SLOTS_PER_WINDOW = 12;

/**
 * The name of each limit that answers 429, as metrics (`passwordless_rate_limited_total`) and
 * the "rate limited" log event call it: the config key that sets it (`resend_after_s` also
 * answers while the email's guess budget is empty: the store's refusal does not say which).
 */
export const RATE_LIMITS = [
  'start_per_ip_per_hour',
  'resend_after_s',
  'lockout_s',
  'failed_verifications_per_ip_per_hour',
  'failed_verifications_per_email',
] as const;
export type RateLimitName = (typeof RATE_LIMITS)[number];

/** A 429 that says which limit refused it (for metrics and logs; the answer does not). */
export class RateLimitedError extends AuthError {
  constructor(
    readonly limit: RateLimitName,
    error: string,
    description: string,
    waitMs: number,
  ) {
    super(429, error, description, {
      'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
    });
  }
}

/**
 * The address limits are counted against: an IPv4 address as it is (also when it arrives
 * IPv4-mapped, `::ffff:a.b.c.d`), an IPv6 address by its /64, the smallest block one
 * subscriber is usually given — so rotating through one's own /64 gains nothing.
 */
export function limitAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const groups = expandIPv6(ip);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, lowercase hex without leading zeros. */
function expandIPv6(ip: string): string[] {
  let text = ip.toLowerCase().split('%')[0]!;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}

/**
 * What a `/passwordless/start` is counted against, in the transaction that stores its code
 * (store/start.ts): per address, `start_per_ip_per_hour` mailed codes in a sliding hour (counted
 * in 5-minute slots); per email, for any client, `resend_after_s` since the previous code (even
 * one that has since died), and a guess budget holding a whole guess. The code gets no more
 * tries than the budget holds, so once an email's codes are being burned each later code allows
 * one guess.
 */
export function startLimits(
  ctx: AppContext,
  ip: string,
  now: number,
): Pick<CodeIssue, 'startHit' | 'startLimit' | 'budget'> {
  return {
    startHit: slidingHit(`start:${limitAddress(ip)}`, HOUR_MS, now),
    startLimit: ctx.config.rateLimits.startPerIpPerHour,
    budget: guessBudget(ctx),
  };
}

/** The 429 of a start refused by one of {@link startLimits}. */
export function startRefused(
  refusal: Extract<CodeIssueOutcome, { retryAt: number }>,
  now: number,
): RateLimitedError {
  return refusal.outcome === 'address_limited'
    ? new RateLimitedError(
        'start_per_ip_per_hour',
        'too_many_requests',
        'Too many requests. Try again later.',
        refusal.retryAt - now,
      )
    : new RateLimitedError(
        'resend_after_s',
        'too_many_requests',
        'A code was sent moments ago. Wait before asking for another.',
        refusal.retryAt - now,
      );
}

/** The limits of a code login, which the store checks and counts in its one transaction. */
export type LoginLimits = Pick<
  LoginAttempt,
  'lockout' | 'addressFailure' | 'addressLimit' | 'runFailure' | 'runLimit' | 'budget'
>;

/**
 * What refuses a code login, even with the right code: this address locked out of this email
 * (`failed_verifications_per_ip_email` failures in a row, forgotten an hour or `lockout_s`
 * after the last, lock it out for `lockout_s`); `failed_verifications_per_ip_per_hour`
 * failures of the address across all emails; and, while a live code is pending, the email's
 * empty guess budget (all clients, all addresses: `failed_verifications_per_email` at once, one
 * more every `failed_verification_refill_s`). A right code ends the run and fills the budget.
 */
export function loginLimits(ctx: AppContext, ip: string, email: string, now: number): LoginLimits {
  const limits = ctx.config.rateLimits;
  const address = limitAddress(ip);
  const lockoutMs = limits.lockoutS * 1000;
  return {
    lockout: { key: `lockout:${address}:${email}`, slot: 0, expiresAt: now + lockoutMs, now },
    addressFailure: slidingHit(`ip-failed:${address}`, HOUR_MS, now),
    addressLimit: limits.failedVerificationsPerIpPerHour,
    runFailure: {
      key: `verify-failed:${address}:${email}`,
      slot: 0,
      expiresAt: now + Math.max(HOUR_MS, lockoutMs),
      now,
    },
    runLimit: limits.failedVerificationsPerIpEmail,
    budget: guessBudget(ctx),
  };
}

/** The 429 for a login that a limit refused before its code was compared. */
export function loginRefusal(limit: LoginLimit, retryAt: number, now: number): RateLimitedError {
  const [name, description] = LOGIN_REFUSALS[limit];
  return new RateLimitedError(name, 'too_many_attempts', description, retryAt - now);
}

const LOGIN_REFUSALS: Record<LoginLimit, [RateLimitName, string]> = {
  lockout: [
    'lockout_s',
    'Your account has been blocked after multiple consecutive login attempts.',
  ],
  address: [
    'failed_verifications_per_ip_per_hour',
    'Too many failed verifications from this network. Try again later.',
  ],
  email: [
    'failed_verifications_per_email',
    'Too many wrong codes for this email. Try again later.',
  ],
};

function guessBudget(ctx: AppContext): GuessBudget {
  const limits = ctx.config.rateLimits;
  const capacity = limits.failedVerificationsPerEmail;
  const refillMs = limits.failedVerificationRefillS * 1000;
  const resendMs = ctx.config.connections.email.otp.resendAfterS * 1000;
  // Untouched this long, a budget is full and its cooldown over: the record can go.
  return { capacity, refillMs, resendMs, keepMs: capacity * refillMs + resendMs };
}

/** One event in a sliding window of `windowMs`, counted in the slot that holds `now`. */
function slidingHit(key: string, windowMs: number, now: number): Hit {
  const slotMs = windowMs / SLOTS_PER_WINDOW;
  const slot = Math.floor(now / slotMs);
  return { key, slot, expiresAt: (slot + SLOTS_PER_WINDOW) * slotMs, now };
}
