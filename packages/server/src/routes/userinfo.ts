import type { JWTPayload } from 'jose';
// Subpaths, as in keys.ts: only what verifying a token needs.
import { createLocalJWKSet } from 'jose/jwks/local';
import { jwtVerify } from 'jose/jwt/verify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findClient } from '../clients.js';
import type { AppContext } from '../context.js';
import { AuthError } from '../errors.js';
import { SIGNING_ALG } from '../keys.js';
import { assertOriginAllowed } from '../origins.js';
import { profileClaims } from '../profile.js';
import { parseScope, sha256Hex } from '../tokens.js';

/** Who a valid access token speaks for: its user, client and granted scope. */
interface AccessTokenGrant {
  sub: string;
  clientId: string;
  scope: string;
}

export async function userinfoRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  /** RFC 6750 §3: a 401 names the problem in `WWW-Authenticate` as well as in the body. */
  const invalidToken = (description: string) =>
    new AuthError(401, 'invalid_token', description, {
      'www-authenticate': `Bearer realm="${ctx.config.issuer}", error="invalid_token", error_description="${description}"`,
    });
  // Built again only when a reload brings a different key set (SigningKeySet keeps the object
  // of an unchanged one).
  let verifier = { keys: ctx.keys.current(), jwks: createLocalJWKSet(ctx.keys.current().jwks) };
  const currentJwks = () => {
    const keys = ctx.keys.current();
    if (verifier.keys !== keys) verifier = { keys, jwks: createLocalJWKSet(keys.jwks) };
    return verifier.jwks;
  };

  /** An RFC 9068 JWT (issued for an `audience`) or an opaque token we stored a hash of. */
  async function readAccessToken(token: string): Promise<AccessTokenGrant> {
    if (token.split('.').length === 3) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, currentJwks(), {
          issuer: ctx.config.issuer,
          audience: `${ctx.config.issuer}userinfo`,
          algorithms: [SIGNING_ALG],
          typ: 'at+jwt',
          currentDate: new Date(ctx.now()),
        }));
      } catch {
        throw invalidToken('The access token is not valid.');
      }
      if (typeof payload.sub !== 'string' || typeof payload.client_id !== 'string') {
        throw invalidToken('The access token is not valid.');
      }
      const scope = typeof payload.scope === 'string' ? payload.scope : '';
      return { sub: payload.sub, clientId: payload.client_id, scope };
    }
    const record = await ctx.store.findAccessToken(sha256Hex(token));
    if (!record) throw invalidToken('The access token is not valid.');
    if (record.expiresAt <= ctx.now()) throw invalidToken('The access token expired.');
    return record;
  }

  app.get('/userinfo', async (request: FastifyRequest) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw invalidToken('Missing bearer access token.');
    const grant = await readAccessToken(token);
    const client = findClient(ctx, grant.clientId, () =>
      invalidToken('The access token is not valid.'),
    );
    assertOriginAllowed(client, request.headers.origin);
    const user = await ctx.store.findUser(grant.sub);
    // A JWT access token cannot be deleted like an opaque one: blocking revokes it here.
    if (!user || user.blocked) throw invalidToken('The access token is not valid.');
    return profileClaims(user, parseScope(grant.scope));
  });
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([\w.~+/-]+=*) *$/i.exec(header ?? '');
  return match?.[1];
}
