import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance } from 'fastify';
import { findClient } from '../clients.js';
import type { AppContext } from '../context.js';
import { AuthError, quoteInput } from '../errors.js';
import { OTP_GRANT } from '../grants/otp.js';
import { issueLoginTicket } from '../login/ticket.js';
import { assertEmailRealm, verifyEmailCode } from '../login/verify.js';
import { originRefused } from '../origins.js';
import { assertGrantAllowed } from '../tokens.js';

/** What auth0.js stores for Auth0's third-party-cookie fallback; we accept and ignore it. */
export interface CoAuthenticateResponse {
  login_ticket: string;
  co_verifier: string;
  co_id: string;
}

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;

const bodySchema = {
  type: 'object',
  required: ['client_id', 'username', 'otp', 'realm', 'credential_type'],
  properties: {
    client_id: text(128),
    username: text(320),
    otp: text(64),
    realm: text(128),
    credential_type: text(256),
  },
} as const;

/**
 * Cross-origin authentication, as auth0.js runs it in SPAs: verify the code here, get a
 * single-use login ticket bound to the calling origin, then redeem it at /authorize.
 */
export async function crossOriginRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<JsonSchemaToTsProvider>();

  app.post(
    '/co/authenticate',
    { schema: { body: bodySchema } },
    async (request): Promise<CoAuthenticateResponse> => {
      const body = request.body;
      const client = findClient(ctx, body.client_id, { status: 401, error: 'invalid_client' });
      const origin = request.headers.origin;
      if (origin === undefined || !client.webOrigins.includes(origin)) {
        throw originRefused(origin, '/co/authenticate');
      }
      if (body.credential_type !== OTP_GRANT) {
        throw new AuthError(
          400,
          'invalid_request',
          `Unsupported credential_type: ${quoteInput(body.credential_type)}`,
        );
      }
      assertGrantAllowed(client, OTP_GRANT);
      assertEmailRealm(ctx, body.realm);

      const { user } = await verifyEmailCode(ctx, {
        client,
        ip: request.ip,
        username: body.username,
        otp: body.otp,
        wrongCodeError: 'access_denied',
        log: request.log,
      });
      return {
        login_ticket: await issueLoginTicket(ctx, client, user, origin),
        co_verifier: ctx.random(24).toString('base64url'),
        co_id: ctx.random(12).toString('base64url'),
      };
    },
  );
}
