import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance } from 'fastify';
import { findClient } from '../clients.js';
import type { AppContext } from '../context.js';
import { AuthError, quoteInput } from '../errors.js';
import { isRegisteredUrl, normalizeUrl } from '../origins.js';

const logoutSchema = {
  type: 'object',
  properties: {
    client_id: { type: 'string', maxLength: 128 },
    returnTo: { type: 'string', maxLength: 2048 },
  },
} as const;

/**
 * /v2/logout: the server keeps no login session, so this only sends the browser on to
 * `returnTo`, which must be a logout URL of the client (of any client without `client_id`).
 */
export async function logoutRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<JsonSchemaToTsProvider>();

  app.get('/v2/logout', { schema: { querystring: logoutSchema } }, async (request, reply) => {
    const { client_id: clientId, returnTo } = request.query;
    const client = clientId
      ? findClient(ctx, clientId, { status: 400, error: 'invalid_request' })
      : undefined;
    if (returnTo === undefined) return reply.type('text/plain; charset=utf-8').send('OK');

    const allowed = client ? client.logoutUrls : ctx.config.clients.flatMap((c) => c.logoutUrls);
    const target = normalizeUrl(returnTo);
    if (!target || !isRegisteredUrl(allowed, target)) {
      throw new AuthError(
        400,
        'invalid_request',
        `The returnTo URL ${quoteInput(returnTo)} is not an allowed logout URL.`,
      );
    }
    return reply.redirect(target, 302);
  });
}
