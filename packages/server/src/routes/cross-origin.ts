import type { FastifyInstance } from 'fastify';
import { OTP_GRANT } from '../config.js';
import type { AppContext } from '../context.js';
import { AuthError, quoteInput } from '../errors.js';
import { originRefused } from '../origins.js';
import { assertGrantAllowed, sha256Hex } from '../tokens.js';
import { assertEmailRealm, verifyEmailCode } from '../verification.js';

interface CoAuthenticateBody {
  client_id: string;
  username: string;
  otp: string;
  realm: string;
  credential_type: string;
}

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
export async function crossOriginRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Body: CoAuthenticateBody }>(
    '/co/authenticate',
    { schema: { body: bodySchema } },
    async (request, reply): Promise<CoAuthenticateResponse> => {
      const body = request.body;
      reply.header('cache-control', 'no-store');
      const client = ctx.clients.get(body.client_id);
      if (!client) throw new AuthError(401, 'invalid_client', 'Unknown client.');
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
      });
      const ticket = ctx.random(32).toString('base64url');
      await ctx.store.saveLoginTicket({
        ticketHash: sha256Hex(ticket),
        clientId: client.clientId,
        sub: user.sub,
        origin,
        expiresAt: ctx.now() + ctx.config.lifetimes.loginTicketS * 1000,
      });
      return {
        login_ticket: ticket,
        co_verifier: ctx.random(24).toString('base64url'),
        co_id: ctx.random(12).toString('base64url'),
      };
    },
  );
}
