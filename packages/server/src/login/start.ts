import type { FastifyBaseLogger } from 'fastify';
import { CODE_SALT_BYTES, generateCode, hashCode } from '../codes.js';
import type { ClientConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { normalizeEmail } from '../email-address.js';
import { AuthError } from '../errors.js';
import { startLimits, startRefused } from '../rate-limits.js';
import type { StartParams, StartResponse } from '../routes/passwordless.js';
import type { CodeIssueOutcome } from '../store.js';
import { reportIfRateLimited, reportOutboxFull, reportSent } from './events.js';
import { checkedLinkParams, linkParamsFingerprint, magicLink } from './magic-link.js';

/** A /passwordless/start whose client is known and allows the calling origin. */
export interface StartRequest {
  client: ClientConfig;
  params: StartParams;
  /** Where the request comes from; starts are limited per address. */
  ip: string;
  /** The language the mail is written in (language.ts). */
  language: string;
  /** The request's logger: what happens is logged with the request's id. */
  log: FastifyBaseLogger;
}

/** Seconds a start refused for a full outbox is told to wait (`Retry-After`). */
export const OUTBOX_FULL_RETRY_AFTER_S = 5;

/**
 * Starts an email login: checks the connection, the address and (for a link) the authorize
 * parameters; writes the mail, as a code or a magic link; then, as one transaction, takes the
 * start from the address's limit and the email's resend cooldown, stores the new code (only its
 * HMAC), which replaces any earlier one (and drops its unsent mail), and queues the mail in the
 * outbox. Known, unknown and blocked emails get the same answer; a blocked one
 * gets no code and no mail. While the outbox is full (SMTP is not keeping up) it refuses with 503
 * before taking anything, so the refused start costs no limit and stores nothing.
 */
export async function startLogin(ctx: AppContext, request: StartRequest): Promise<StartResponse> {
  const { client, params } = request;
  const connection = ctx.config.connections.email;
  const otp = connection.otp;
  if (params.connection !== connection.name) {
    throw new AuthError(400, 'bad.connection', 'Connection does not exist.');
  }
  const email = normalizeEmail(params.email);
  if (!email) throw new AuthError(400, 'bad.email', 'Invalid email address.');
  // Auth0 sends a link when `send` is omitted.
  const send = params.send ?? 'link';
  const authParams = params.authParams ?? {};
  const linkParams =
    send === 'link' ? checkedLinkParams(ctx, client.clientId, authParams) : undefined;

  if (!ctx.outbox.hasRoom()) {
    reportOutboxFull(ctx, request.log, client.clientId);
    throw new AuthError(
      503,
      'temporarily_unavailable',
      'Too many emails are waiting to be sent. Try again shortly.',
      { 'Retry-After': String(OUTBOX_FULL_RETRY_AFTER_S) },
    );
  }

  const now = ctx.now();
  const code = generateCode(ctx.random, otp.length);
  const salt = ctx.random(CODE_SALT_BYTES);
  const id = ctx.random(12).toString('hex');
  const expiresAt = now + otp.lifetimeS * 1000;
  const link = linkParams
    ? magicLink(ctx, {
        client_id: client.clientId,
        connection: connection.name,
        email,
        verification_code: code,
        ...linkParams,
        ui_locales: request.language,
      })
    : '';
  const message = await ctx.templates.render({
    code,
    link,
    send,
    include_code: ctx.config.connections.email.link.includeCode,
    request_language: request.language,
    operation: 'login',
    expires_in_minutes: Math.ceil(otp.lifetimeS / 60),
    application: { name: client.name, client_id: client.clientId },
    connection: { name: connection.name },
    user: { email },
  });
  // One transaction takes the limits, saves the code and queues its mail, so the answer comes
  // once the mail is durably queued; SMTP gets it from the outbox, which retries until the code
  // expires.
  let issued!: CodeIssueOutcome;
  await ctx.outbox.send({ ...message, to: email }, expiresAt, async (mail) => {
    issued = await ctx.store.issueCode({
      ...startLimits(ctx, request.ip, now),
      code: {
        id,
        clientId: client.clientId,
        email,
        codeHash: hashCode(ctx.serverSecret.codeKey, salt, code),
        salt,
        createdAt: now,
        expiresAt,
        attempts: 0,
        maxAttempts: otp.maxAttempts,
        ...(linkParams ? { linkParams: linkParamsFingerprint(linkParams) } : {}),
        ...(authParams.nonce === undefined ? {} : { nonce: authParams.nonce }),
      },
      mail,
    });
    return issued.outcome === 'issued' ? issued.mailId : undefined;
  });
  if (issued.outcome === 'address_limited' || issued.outcome === 'email_limited') {
    const rateLimited = reportIfRateLimited(ctx, request.log, {
      clientId: client.clientId,
      email,
      login: false,
    });
    return rateLimited(startRefused(issued, now));
  }
  const answer: StartResponse = {
    _id: id,
    email,
    expires_in: otp.lifetimeS,
    resend_after: otp.resendAfterS,
    max_attempts: issued.maxAttempts,
    code_length: otp.length,
  };
  // A blocked email is limited and answered as any other, with no code and no mail.
  if (issued.outcome === 'blocked') return answer;
  reportSent(ctx, request.log, { clientId: client.clientId, send });
  return answer;
}
