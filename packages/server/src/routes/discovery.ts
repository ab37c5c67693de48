import type { FastifyInstance } from 'fastify';
import { SUPPORTED_GRANTS } from '../grants/index.js';
import type { AppContext } from '../context.js';
import { SIGNING_ALG } from '../keys.js';

// Discovery documents are public: any origin may read them, any cache may keep them.
const publicDocument = { cors: { origin: '*', credentials: false }, cacheable: true };

export async function discoveryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const issuer = ctx.config.issuer;
  const configuration = {
    issuer,
    authorization_endpoint: `${issuer}authorize`,
    token_endpoint: `${issuer}oauth/token`,
    userinfo_endpoint: `${issuer}userinfo`,
    jwks_uri: `${issuer}.well-known/jwks.json`,
    end_session_endpoint: `${issuer}v2/logout`,
    revocation_endpoint: `${issuer}oauth/revoke`,
    grant_types_supported: SUPPORTED_GRANTS,
    response_types_supported: [
      'code',
      'token',
      'id_token',
      'token id_token',
      'code id_token',
      'code token',
      'code token id_token',
    ],
    response_modes_supported: ['query', 'fragment', 'web_message'],
    code_challenge_methods_supported: ['S256'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [SIGNING_ALG],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nonce',
      'at_hash',
      'c_hash',
      'email',
      'email_verified',
      'name',
      'nickname',
      'picture',
      'updated_at',
    ],
  };

  app.get(
    '/.well-known/openid-configuration',
    { config: publicDocument },
    async () => configuration,
  );
  // A key set changes only when the keys do: serialized once per set, not once per request (each
  // copy was garbage, and verifiers fetch it often).
  const serialized = new WeakMap<object, string>();
  app.get('/.well-known/jwks.json', { config: publicDocument }, async (_request, reply) => {
    const { jwks } = ctx.keys.current();
    let body = serialized.get(jwks);
    if (body === undefined) serialized.set(jwks, (body = JSON.stringify(jwks)));
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
