import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { findClient } from '../clients.js';
import type { AppContext } from '../context.js';
import { tokenGrant } from '../grants/index.js';
import { assertOriginAllowed } from '../origins.js';
import { requiredParam } from '../required-param.js';
import { assertGrantAllowed, type TokenResponse } from '../tokens.js';

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
    code: short,
    code_verifier: short,
    redirect_uri: { type: 'string', maxLength: 2048 },
    refresh_token: short,
  },
} as const;

/** The parameters of `POST /oauth/token`, each grant reading its own (grants/). */
export type TokenParams = FromSchema<typeof tokenBodySchema>;

export async function tokenRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<JsonSchemaToTsProvider>();

  app.post(
    '/oauth/token',
    { schema: { body: tokenBodySchema } },
    async (request): Promise<TokenResponse> => {
      const params = request.body;
      const grant = tokenGrant(params.grant_type);
      const client = findClient(ctx, requiredParam(params.client_id, 'client_id'), {
        status: 401,
        error: 'invalid_client',
      });
      assertOriginAllowed(client, request.headers.origin, '/oauth/token');
      assertGrantAllowed(client, params.grant_type);
      return grant(ctx, { client, params, ip: request.ip, log: request.log });
    },
  );
}
