import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { codeMatches, hashCode } from '../codes.js';
import { OTP_GRANT } from '../config.js';
import type { AppContext } from '../context.js';
import { normalizeEmail } from '../email-address.js';
import { AuthError, type ErrorStyle } from '../errors.js';
import { assertOriginAllowed } from '../origins.js';
import { recordFailedVerification, refuseWhileLockedOut } from '../rate-limits.js';
import { issueTokens, type TokenResponse } from '../tokens.js';

interface TokenBody {
  grant_type: string;
  client_id?: string;
  username?: string;
  otp?: string;
  realm?: string;
  scope?: string;
  audience?: string;
  nonce?: string;
}

const short = { type: 'string', maxLength: 512 } as const;

// Unknown parameters are ignored, as RFC 6749 §3.2 asks of a token endpoint.
const tokenBodySchema = {
  type: 'object',
  required: ['grant_type'],
  properties: {
    grant_type: short,
    client_id: short,
    username: { type: 'string', maxLength: 320 },
    otp: { type: 'string', maxLength: 64 },
    realm: short,
    scope: { type: 'string', maxLength: 2048 },
    audience: { type: 'string', maxLength: 2048 },
    nonce: short,
  },
} as const;

const errorStyle: ErrorStyle = { invalidRequest: 'invalid_request' };

const DEFAULT_SCOPE = 'openid profile email';

const noCodeSalt = randomBytes(16);
const NO_CODE = { salt: noCodeSalt, hash: hashCode(randomBytes(16).toString('hex'), noCodeSalt) };

const wrongCode = () => new AuthError(403, 'invalid_grant', 'Wrong email or verification code.');

export async function tokenRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const otpConfig = ctx.config.connections.email.otp;

  app.post<{ Body: TokenBody }>(
    '/oauth/token',
    { schema: { body: tokenBodySchema }, config: { errorStyle } },
    async (request, reply): Promise<TokenResponse> => {
      const body = request.body;
      reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' });
      if (body.grant_type !== OTP_GRANT) {
        throw new AuthError(
          400,
          'unsupported_grant_type',
          `Unsupported grant type: ${body.grant_type}`,
        );
      }
      const clientId = required(body.client_id, 'client_id');
      const username = required(body.username, 'username');
      const otp = required(body.otp, 'otp');
      const realm = required(body.realm, 'realm');

      const client = ctx.clients.get(clientId);
      if (!client) throw new AuthError(401, 'invalid_client', 'Unknown client.');
      assertOriginAllowed(client, request.headers.origin);
      if (!client.grantTypes.includes(OTP_GRANT)) {
        throw new AuthError(
          403,
          'unauthorized_client',
          `Grant type '${OTP_GRANT}' not allowed for the client.`,
        );
      }
      if (realm !== ctx.config.connections.email.name) {
        throw new AuthError(
          400,
          'invalid_request',
          'Unknown realm: the connection does not exist.',
        );
      }
      if (body.audience !== undefined) {
        // No APIs are configurable yet, so every audience is unknown (Auth0 answers the same).
        throw new AuthError(403, 'access_denied', `Service not found: ${body.audience}`);
      }
      const email = normalizeEmail(username);
      if (!email) throw wrongCode();

      await refuseWhileLockedOut(ctx, request.ip, email);
      const pending = await ctx.store.findCode(client.clientId, email);
      // Hash even when there is no code, so timing does not tell whether one is pending.
      const matches = codeMatches(
        otp,
        pending?.salt ?? NO_CODE.salt,
        pending?.codeHash ?? NO_CODE.hash,
      );
      const valid = pending !== undefined && pending.expiresAt > ctx.now() && matches;
      if (!valid) {
        if (pending) {
          const attempts = await ctx.store.addFailedAttempt(pending.id);
          if (attempts >= otpConfig.maxAttempts) await ctx.store.consumeCode(pending.id);
        }
        await recordFailedVerification(ctx, request.ip, email);
        throw wrongCode();
      }
      // Two requests racing with the same code: only the one that deletes it wins.
      if (!(await ctx.store.consumeCode(pending.id))) throw wrongCode();

      const user = await ctx.store.upsertUserOnLogin(
        email,
        `email|${ctx.random(12).toString('hex')}`,
        ctx.now(),
      );
      const nonce = body.nonce ?? pending.nonce;
      return issueTokens(ctx, {
        client,
        user,
        scope: new Set((body.scope ?? DEFAULT_SCOPE).split(/\s+/).filter(Boolean)),
        ...(nonce === undefined ? {} : { nonce }),
      });
    },
  );
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') {
    throw new AuthError(400, 'invalid_request', `Missing required parameter: ${name}`);
  }
  return value;
}
