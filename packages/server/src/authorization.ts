import type { FromSchema } from 'json-schema-to-ts';
import { findClient } from './clients.js';
import type { ApiConfig, ClientConfig } from './config.js';
import type { AppContext } from './context.js';
import { AuthError, quoteInput } from './errors.js';
import { isRegisteredUrl, normalizeUrl, originOf } from './origins.js';
import type { User } from './store.js';
import { findApi, grantedScope, issueAccessToken, sha256Hex, signIdToken } from './tokens.js';

const param = { type: 'string', maxLength: 2048 } as const;

/**
 * The OAuth / OIDC parameters of /authorize (and of a magic link), as their routes' schemas
 * declare them. Unknown parameters are ignored (RFC 6749 §3.1); known ones must be single strings.
 */
export const AUTHORIZE_PARAM_SCHEMAS = {
  client_id: { type: 'string', minLength: 1, maxLength: 128 },
  response_type: param,
  response_mode: param,
  redirect_uri: param,
  scope: param,
  state: param,
  nonce: param,
  audience: param,
  code_challenge: param,
  code_challenge_method: param,
} as const;

export type AuthorizeParams = FromSchema<{
  type: 'object';
  required: ['client_id'];
  properties: typeof AUTHORIZE_PARAM_SCHEMAS;
  additionalProperties: false;
}>;

export type ResponseMode = 'query' | 'fragment' | 'web_message';
export type ResponseType = 'code' | 'token' | 'id_token';

/** Where and how the answer goes; known before anything else so errors can go there too. */
export interface ResponseTarget {
  client: ClientConfig;
  /** Normalized; for web_message, the page whose origin receives the message. */
  redirectUri: string;
  mode: ResponseMode;
  state?: string;
}

/** A checked authorization request, ready to be answered for a logged-in user. */
export interface AuthorizationRequest extends ResponseTarget {
  responseTypes: ReadonlySet<ResponseType>;
  /** What is granted of the requested scope (see {@link grantedScope}), not what was asked. */
  scope: Set<string>;
  nonce?: string;
  api?: ApiConfig;
  codeChallenge?: string;
}

/** An error that is sent to the client's redirect_uri (RFC 6749 §4.1.2.1), not shown to the user. */
export class RedirectableError extends Error {
  override readonly name = 'RedirectableError';

  constructor(
    readonly target: ResponseTarget,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
  }
}

const RESPONSE_TYPES: readonly string[] = ['code', 'token', 'id_token'];

/**
 * The client and the registered place to answer. Nothing can be sent to an unchecked
 * redirect_uri, so these failures are a 400 shown to the user instead.
 * @param fallbackOrigin web_message without redirect_uri answers this origin (the Referer's).
 */
export function readResponseTarget(
  ctx: AppContext,
  params: AuthorizeParams,
  allowedModes: readonly ResponseMode[],
  fallbackOrigin?: string,
): ResponseTarget {
  const client = findClient(ctx, params.client_id, { status: 400, error: 'invalid_request' });
  const types = (params.response_type ?? '').split(' ');
  const mode = params.response_mode ?? (types.every((t) => t === 'code') ? 'query' : 'fragment');
  if (!(allowedModes as readonly string[]).includes(mode)) {
    throw new AuthError(400, 'invalid_request', `Unsupported response_mode: ${quoteInput(mode)}`);
  }
  const state = params.state === undefined ? {} : { state: params.state };

  if (mode === 'web_message') {
    const page = params.redirect_uri ?? fallbackOrigin;
    const origin = originOf(page);
    if (!origin || !client.webOrigins.includes(origin)) {
      throw new AuthError(
        400,
        'invalid_request',
        `The origin ${quoteInput(origin)} is not an allowed web origin of the client.`,
      );
    }
    return { client, redirectUri: normalizeUrl(page)!, mode, ...state };
  }
  const redirectUri = normalizeUrl(params.redirect_uri);
  if (!redirectUri || !isRegisteredUrl(client.callbacks, redirectUri)) {
    throw new AuthError(
      400,
      'invalid_request',
      `The redirect_uri ${quoteInput(params.redirect_uri)} is not a registered callback of the client.`,
    );
  }
  return { client, redirectUri, mode: mode as ResponseMode, ...state };
}

/** The rest of the request; failures from here on go back to the client's redirect_uri. */
export function readAuthorizationRequest(
  ctx: AppContext,
  target: ResponseTarget,
  params: AuthorizeParams,
): AuthorizationRequest {
  const fail = (error: string, description: string) =>
    new RedirectableError(target, error, description);
  const words = (params.response_type ?? '').split(' ').filter(Boolean);
  if (words.length === 0 || words.some((word) => !RESPONSE_TYPES.includes(word))) {
    throw fail(
      'unsupported_response_type',
      `Unsupported response type: ${quoteInput(params.response_type)}`,
    );
  }
  const responseTypes = new Set(words as ResponseType[]);
  const implicit = responseTypes.has('token') || responseTypes.has('id_token');
  // OAuth 2.0 Multiple Response Types §5: tokens never travel in a query string.
  if (implicit && target.mode === 'query') {
    throw fail('invalid_request', 'response_mode=query is only allowed with response_type=code');
  }
  const grants = target.client.grantTypes;
  if (
    (responseTypes.has('code') && !grants.includes('authorization_code')) ||
    (implicit && !grants.includes('implicit'))
  ) {
    throw fail('unauthorized_client', `Response type not allowed for the client.`);
  }
  // OIDC Core §3.2.2.1: an implicit id_token needs a nonce against replay.
  if (responseTypes.has('id_token') && !params.nonce) {
    throw fail('invalid_request', 'Nonce is required when the response_type includes id_token.');
  }
  let codeChallenge: string | undefined;
  if (responseTypes.has('code')) {
    if (!params.code_challenge || params.code_challenge_method !== 'S256') {
      throw fail('invalid_request', 'PKCE is required: send code_challenge with method S256.');
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(params.code_challenge)) {
      throw fail('invalid_request', 'code_challenge must be base64url(SHA-256(code_verifier)).');
    }
    codeChallenge = params.code_challenge;
  }
  let api: ApiConfig | undefined;
  try {
    api = findApi(ctx, params.audience);
  } catch (error) {
    throw fail('access_denied', (error as AuthError).description);
  }
  return {
    ...target,
    responseTypes,
    scope: grantedScope(params.scope, target.client, api),
    ...(params.nonce ? { nonce: params.nonce } : {}),
    ...(api ? { api } : {}),
    ...(codeChallenge ? { codeChallenge } : {}),
  };
}

/** Mints what the response types ask for and returns the response parameters. */
export async function authorize(
  ctx: AppContext,
  request: AuthorizationRequest,
  user: User,
): Promise<Record<string, string>> {
  const grant = {
    client: request.client,
    user,
    scope: request.scope,
    ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
    ...(request.api ? { api: request.api } : {}),
  };
  const answer: Record<string, string> = {};
  if (request.responseTypes.has('code')) {
    const code = ctx.random(32).toString('base64url');
    await ctx.store.saveAuthorizationCode({
      codeHash: sha256Hex(code),
      clientId: request.client.clientId,
      sub: user.sub,
      redirectUri: request.redirectUri,
      scope: [...request.scope].join(' '),
      ...(request.api ? { audience: request.api.identifier } : {}),
      ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
      codeChallenge: request.codeChallenge!,
      expiresAt: ctx.now() + ctx.config.lifetimes.authorizationCodeS * 1000,
    });
    answer.code = code;
  }
  if (request.responseTypes.has('token')) {
    const access = await issueAccessToken(ctx, grant);
    Object.assign(answer, {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: String(access.expiresIn),
      scope: [...request.scope].join(' '),
    });
  }
  if (request.responseTypes.has('id_token')) {
    answer.id_token = await signIdToken(ctx, grant, {
      ...(answer.access_token ? { accessToken: answer.access_token } : {}),
      ...(answer.code ? { code: answer.code } : {}),
    });
  }
  if (request.state !== undefined) answer.state = request.state;
  return answer;
}
