import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  authorize,
  readAuthorizationRequest,
  readResponseTarget,
  RedirectableError,
  type AuthorizeParams,
  type ResponseTarget,
} from '../authorization.js';
import { errorParams, sendAuthorizationResponse } from '../authorization-response.js';
import type { AppContext } from '../context.js';
import { AuthError } from '../errors.js';
import { originOf } from '../origins.js';
import { pickLinkParams } from '../magic-link.js';
import type { User } from '../store.js';
import { sha256Hex } from '../tokens.js';
import { verifyEmailCode } from '../verification.js';

interface AuthorizeQuery extends AuthorizeParams {
  login_ticket?: string;
}

interface VerifyRedirectQuery extends AuthorizeParams {
  connection: string;
  email: string;
  verification_code: string;
}

const param = { type: 'string', maxLength: 2048 } as const;
const authorizeProperties = {
  client_id: { type: 'string', minLength: 1, maxLength: 128 },
  response_type: param,
  response_mode: param,
  redirect_uri: param,
  scope: param,
  state: param,
  nonce: param,
  audience: param,
  code_challenge: param,
  code_challenge_method: param,
} as const;

// Unknown parameters are ignored (RFC 6749 §3.1); known ones must be single strings.
const authorizeSchema = {
  type: 'object',
  required: ['client_id'],
  properties: { ...authorizeProperties, login_ticket: param },
} as const;

const verifyRedirectSchema = {
  type: 'object',
  required: ['client_id', 'connection', 'email', 'verification_code'],
  properties: {
    ...authorizeProperties,
    connection: param,
    email: param,
    verification_code: param,
  },
} as const;

export async function authorizeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  /** /authorize: redeems a login ticket from /co/authenticate (there is no login page). */
  app.get<{ Querystring: AuthorizeQuery }>(
    '/authorize',
    { schema: { querystring: authorizeSchema } },
    async (request, reply) => {
      const params = request.query;
      const target = readResponseTarget(
        ctx,
        params,
        ['query', 'fragment', 'web_message'],
        originOf(request.headers.referer),
      );
      return answer(reply, target, async () => {
        const authorization = readAuthorizationRequest(ctx, target, params);
        const user = await redeemLoginTicket(ctx, target, params.login_ticket);
        return authorize(ctx, authorization, user);
      });
    },
  );

  /** The magic link: verifies the emailed code, then answers like /authorize. */
  app.get<{ Querystring: VerifyRedirectQuery }>(
    '/passwordless/verify_redirect',
    { schema: { querystring: verifyRedirectSchema } },
    async (request, reply) => {
      const params = request.query;
      const target = readResponseTarget(ctx, params, ['query', 'fragment']);
      return answer(reply, target, async () => {
        const authorization = readAuthorizationRequest(ctx, target, params);
        if (params.connection !== ctx.config.connections.email.name) {
          throw new RedirectableError(target, 'invalid_request', 'Connection does not exist.');
        }
        const login = await verifyEmailCode(ctx, {
          client: target.client,
          ip: request.ip,
          username: params.email,
          otp: params.verification_code,
          wrongCodeError: 'access_denied',
          linkParams: pickLinkParams(params),
        }).catch((error: unknown) => {
          if (error instanceof AuthError) {
            throw new RedirectableError(target, error.error, error.description);
          }
          throw error;
        });
        if (authorization.nonce === undefined && login.nonce !== undefined) {
          authorization.nonce = login.nonce;
        }
        return authorize(ctx, authorization, login.user);
      });
    },
  );

  async function answer(
    reply: FastifyReply,
    target: ResponseTarget,
    run: () => Promise<Record<string, string>>,
  ): Promise<FastifyReply> {
    try {
      return sendAuthorizationResponse(reply, target, await run(), ctx.random);
    } catch (error) {
      if (!(error instanceof RedirectableError)) throw error;
      const params = errorParams(error.target, error.error, error.description);
      return sendAuthorizationResponse(reply, error.target, params, ctx.random);
    }
  }
}

/** The ticket is single use, short-lived, and only answers the client and origin it was minted for. */
async function redeemLoginTicket(
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
  return user;
}
