import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance } from 'fastify';
import { findClient } from '../clients.js';
import type { AppContext } from '../context.js';
import { assertOriginAllowed } from '../origins.js';
import { requiredParam } from '../required-param.js';
import { sha256Hex } from '../tokens.js';

const short = { type: 'string', maxLength: 512 } as const;

// Unknown parameters are ignored, as at the token endpoint (RFC 7009 §2.1 allows more).
const revokeBodySchema = {
  type: 'object',
  properties: { client_id: short, token: short, token_type_hint: short },
} as const;

/**
 * `POST /oauth/revoke` (RFC 7009, Auth0's "Revoke Refresh Token"): revokes the family of a
 * refresh token. 200 with an empty body whether or not the token was known or already dead
 * (RFC 7009 §2.2), and for another client's token, which is left alone: the answer never tells
 * whether a token exists.
 * @see https://auth0.com/docs/api/authentication/token-management/revoke-refresh-token
 */
export async function revokeRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<JsonSchemaToTsProvider>();

  app.post('/oauth/revoke', { schema: { body: revokeBodySchema } }, async (request, reply) => {
    const params = request.body;
    const client = findClient(ctx, requiredParam(params.client_id, 'client_id'), {
      status: 401,
      error: 'invalid_client',
    });
    assertOriginAllowed(client, request.headers.origin, '/oauth/revoke');
    const token = requiredParam(params.token, 'token');
    await ctx.store.revokeRefreshTokenFamily(sha256Hex(token), client.clientId);
    return reply.code(200).send();
  });
}
