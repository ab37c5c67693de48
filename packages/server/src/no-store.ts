import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer holds nothing about a user or a login, so caches may keep it (discovery). */
    cacheable?: boolean;
  }
}

/**
 * Every answer, errors and redirects included, is `Cache-Control: no-store` unless its route is
 * `cacheable`: answers carry codes' outcomes, tokens, tickets and users' data, which no browser
 * or proxy cache may keep (RFC 6749 §5.1 asks this, with `Pragma: no-cache`, of token answers).
 */
export function installNoStore(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.cacheable) return;
    reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' });
  });
}
