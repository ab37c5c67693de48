import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { OTP_GRANT, type ClientConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { AuthError, quoteInput } from '../errors.js';
import { assertOriginAllowed, normalizeUrl } from '../origins.js';
import {
  assertGrantAllowed,
  findApi,
  grantedScope,
  issueTokens,
  sha256Hex,
  type TokenResponse,
} from '../tokens.js';
import { assertEmailRealm, verifyEmailCode } from '../verification.js';

interface TokenBody {
  grant_type: string;
  client_id?: string;
  username?: string;
  otp?: string;
  realm?: string;
  scope?: string;
  audience?: string;
  nonce?: string;
  code?: string;
  code_verifier?: string;
  redirect_uri?: string;
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
    code: short,
    code_verifier: short,
    redirect_uri: { type: 'string', maxLength: 2048 },
  },
} as const;

export async function tokenRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Body: TokenBody }>(
    '/oauth/token',
    { schema: { body: tokenBodySchema } },
    async (request, reply): Promise<TokenResponse> => {
      const body = request.body;
      reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' });
      if (body.grant_type !== OTP_GRANT && body.grant_type !== 'authorization_code') {
        throw new AuthError(
          400,
          'unsupported_grant_type',
          `Unsupported grant type: ${quoteInput(body.grant_type)}`,
        );
      }
      const client = ctx.clients.get(required(body.client_id, 'client_id'));
      if (!client) throw new AuthError(401, 'invalid_client', 'Unknown client.');
      assertOriginAllowed(client, request.headers.origin, '/oauth/token');
      assertGrantAllowed(client, body.grant_type);
      return body.grant_type === OTP_GRANT
        ? otpGrant(ctx, client, body, request.ip)
        : authorizationCodeGrant(ctx, client, body);
    },
  );
}

/** Auth0's passwordless OTP grant: the emailed code itself is the credential. */
async function otpGrant(
  ctx: AppContext,
  client: ClientConfig,
  body: TokenBody,
  ip: string,
): Promise<TokenResponse> {
  const username = required(body.username, 'username');
  const otp = required(body.otp, 'otp');
  assertEmailRealm(ctx, required(body.realm, 'realm'));
  const api = findApi(ctx, body.audience);
  const login = await verifyEmailCode(ctx, {
    client,
    ip,
    username,
    otp,
    wrongCodeError: 'invalid_grant',
  });
  const nonce = body.nonce ?? login.nonce;
  return issueTokens(ctx, {
    client,
    user: login.user,
    scope: grantedScope(body.scope, api),
    ...(nonce === undefined ? {} : { nonce }),
    ...(api ? { api } : {}),
  });
}

/** RFC 6749 §4.1.3 with PKCE (RFC 7636, S256 only): the code is single use and short-lived. */
async function authorizationCodeGrant(
  ctx: AppContext,
  client: ClientConfig,
  body: TokenBody,
): Promise<TokenResponse> {
  const code = required(body.code, 'code');
  const verifier = required(body.code_verifier, 'code_verifier');
  const invalidGrant = (description: string) => new AuthError(403, 'invalid_grant', description);

  const record = await ctx.store.consumeAuthorizationCode(sha256Hex(code));
  if (!record || record.clientId !== client.clientId || record.expiresAt <= ctx.now()) {
    throw invalidGrant('Invalid authorization code');
  }
  // RFC 6749 §4.1.3: the same redirect_uri as the authorization request.
  if (normalizeUrl(body.redirect_uri) !== record.redirectUri) {
    throw invalidGrant('The redirect_uri does not match the one of the authorization request.');
  }
  if (!pkceMatches(verifier, record.codeChallenge)) {
    throw invalidGrant('Failed to verify code verifier');
  }
  const user = await ctx.store.findUser(record.sub);
  if (!user) throw invalidGrant('Invalid authorization code');
  const api = record.audience === undefined ? undefined : findApi(ctx, record.audience)!;
  return issueTokens(ctx, {
    client,
    user,
    // Granted when the code was issued; granted again in case the API's scopes changed since.
    scope: grantedScope(record.scope, api),
    ...(record.nonce === undefined ? {} : { nonce: record.nonce }),
    ...(api ? { api } : {}),
  });
}

/** RFC 7636 §4.6: base64url(SHA-256(verifier)) equals the challenge; compared in constant time. */
function pkceMatches(verifier: string, challenge: string): boolean {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') {
    throw new AuthError(400, 'invalid_request', `Missing required parameter: ${name}`);
  }
  return value;
}
