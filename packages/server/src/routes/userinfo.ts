import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AuthError } from '../errors.js';
import { assertOriginAllowed } from '../origins.js';
import { profileClaims } from '../profile.js';
import { hashAccessToken } from '../tokens.js';

export async function userinfoRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  /** RFC 6750 §3: a 401 names the problem in `WWW-Authenticate` as well as in the body. */
  const invalidToken = (description: string) =>
    new AuthError(401, 'invalid_token', description, {
      'www-authenticate': `Bearer realm="${ctx.config.issuer}", error="invalid_token", error_description="${description}"`,
    });

  app.get('/userinfo', async (request: FastifyRequest) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw invalidToken('Missing bearer access token.');
    const record = await ctx.store.findAccessToken(hashAccessToken(token));
    if (!record) throw invalidToken('The access token is not valid.');
    if (record.expiresAt <= ctx.now()) throw invalidToken('The access token expired.');
    const client = ctx.clients.get(record.clientId);
    if (!client) throw invalidToken('The access token is not valid.');
    assertOriginAllowed(client, request.headers.origin);
    const user = await ctx.store.findUser(record.sub);
    if (!user) throw invalidToken('The access token is not valid.');
    return profileClaims(user, new Set(record.scope.split(' ')));
  });
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([\w.~+/-]+=*) *$/i.exec(header ?? '');
  return match?.[1];
}
