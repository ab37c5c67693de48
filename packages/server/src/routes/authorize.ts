import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  authorize,
  AUTHORIZE_PARAM_SCHEMAS,
  readAuthorizationRequest,
  readResponseTarget,
  RedirectableError,
  type ResponseTarget,
} from '../authorization.js';
import { errorParams, sendAuthorizationResponse } from '../authorization-response.js';
import type { AppContext } from '../context.js';
import { AuthError } from '../errors.js';
import { pickLinkParams } from '../login/magic-link.js';
import { redeemLoginTicket } from '../login/ticket.js';
import { verifyEmailCode } from '../login/verify.js';
import { originOf } from '../origins.js';

const param = { type: 'string', maxLength: 2048 } as const;

// Unknown parameters are ignored (RFC 6749 §3.1); known ones must be single strings.
const authorizeSchema = {
  type: 'object',
  required: ['client_id'],
  properties: { ...AUTHORIZE_PARAM_SCHEMAS, login_ticket: param },
} as const;

const verifyRedirectSchema = {
  type: 'object',
  required: ['client_id', 'connection', 'email', 'verification_code'],
  properties: {
    ...AUTHORIZE_PARAM_SCHEMAS,
    connection: param,
    email: param,
    verification_code: param,
  },
} as const;

export async function authorizeRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<JsonSchemaToTsProvider>();

  /** /authorize: redeems a login ticket from /co/authenticate (there is no login page). */
  app.get('/authorize', { schema: { querystring: authorizeSchema } }, async (request, reply) => {
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
  });

  /** The magic link: verifies the emailed code, then answers like /authorize. */
  app.get(
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
          log: request.log,
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
