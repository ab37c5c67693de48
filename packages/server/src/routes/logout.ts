import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AuthError, quoteInput } from '../errors.js';
import { isRegisteredUrl, normalizeUrl } from '../origins.js';

interface LogoutQuery {
  client_id?: string;
  returnTo?: string;
}

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
export async function logoutRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: LogoutQuery }>(
    '/v2/logout',
    { schema: { querystring: logoutSchema } },
    async (request, reply) => {
      const { client_id: clientId, returnTo } = request.query;
      reply.header('cache-control', 'no-store');
      const client = clientId ? ctx.clients.get(clientId) : undefined;
      if (clientId && !client) throw new AuthError(400, 'invalid_request', 'Unknown client.');
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
    },
  );
}
