import type { FastifyInstance } from 'fastify';
import { CODE_SALT_BYTES, generateCode, hashCode } from '../codes.js';
import type { AppContext } from '../context.js';
import { normalizeEmail } from '../email-address.js';
import {
  AuthError,
  describeIssue,
  quoteInput,
  type ErrorStyle,
  type ValidationIssue,
} from '../errors.js';
import { requestLanguage } from '../language.js';
import { assertOriginAllowed } from '../origins.js';
import { claimNewCode, giveBackStart, takeStart } from '../rate-limits.js';
import {
  linkParamsFingerprint,
  magicLink,
  pickLinkParams,
  type LinkParams,
} from '../magic-link.js';
import {
  type AuthorizeParams,
  readAuthorizationRequest,
  readResponseTarget,
  RedirectableError,
} from '../authorization.js';

interface StartBody {
  client_id: string;
  connection: string;
  email: string;
  send?: 'code' | 'link';
  authParams?: AuthParams;
}

type AuthParams = { nonce?: string } & Record<string, string | undefined>;

/** The 200 body: Auth0's `_id`/`email` plus our extensions (seconds / count). */
export interface StartResponse {
  _id: string;
  email: string;
  expires_in: number;
  resend_after: number;
  max_attempts: number;
}

const startBodySchema = {
  type: 'object',
  required: ['client_id', 'connection', 'email'],
  additionalProperties: false,
  properties: {
    client_id: { type: 'string', minLength: 1, maxLength: 128 },
    connection: { type: 'string', minLength: 1, maxLength: 128 },
    email: { type: 'string', minLength: 1, maxLength: 320 },
    send: { type: 'string', enum: ['code', 'link'] },
    authParams: {
      type: 'object',
      maxProperties: 32,
      properties: { nonce: { type: 'string', minLength: 1, maxLength: 512 } },
      additionalProperties: { type: 'string', maxLength: 2048 },
    },
  },
} as const;

const FIELD_ERRORS: Readonly<Record<string, string>> = {
  client_id: 'bad.client_id',
  connection: 'bad.connection',
  email: 'bad.email',
  send: 'bad.send',
  authParams: 'bad.authParams',
};

/** Auth0's /passwordless/start error codes, from the first schema failure that has one. */
function startValidationError(issues: ValidationIssue[]): AuthError {
  const extra = issues
    .filter((issue) => issue.keyword === 'additionalProperties' && issue.instancePath === '')
    .map((issue) => String(issue.params.additionalProperty));
  if (extra.length > 0) {
    return new AuthError(
      400,
      'bad.request',
      `the following properties are not allowed: ${quoteInput(extra.join(', '))}`,
    );
  }
  const issue = issues[0];
  const field =
    issue?.keyword === 'required'
      ? String(issue.params.missingProperty)
      : (issue?.instancePath.split('/')[1] ?? '');
  return new AuthError(400, FIELD_ERRORS[field] ?? 'bad.request', describeIssue(issue, 'body'));
}

const errorStyle: ErrorStyle = {
  invalidRequest: 'bad.request',
  mapValidation: startValidationError,
};

export async function passwordlessRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const otp = ctx.config.connections.email.otp;

  app.post<{ Body: StartBody }>(
    '/passwordless/start',
    { schema: { body: startBodySchema }, config: { errorStyle } },
    async (request, reply): Promise<StartResponse> => {
      const body = request.body;
      const client = ctx.clients.get(body.client_id);
      if (!client) throw new AuthError(400, 'bad.client_id', 'Unknown client.');
      assertOriginAllowed(client, request.headers.origin, '/passwordless/start');
      const connection = ctx.config.connections.email;
      if (body.connection !== connection.name) {
        throw new AuthError(400, 'bad.connection', 'Connection does not exist.');
      }
      const email = normalizeEmail(body.email);
      if (!email) throw new AuthError(400, 'bad.email', 'Invalid email address.');
      // Auth0 sends a link when `send` is omitted.
      const send = body.send ?? 'link';
      const authParams = body.authParams ?? {};
      const linkParams =
        send === 'link' ? checkedLinkParams(ctx, client.clientId, authParams) : undefined;

      const start = await takeStart(ctx, request.ip);
      const maxAttempts = await claimNewCode(ctx, email).catch(async (error: unknown) => {
        await giveBackStart(ctx, start);
        throw error;
      });

      const now = ctx.now();
      const code = generateCode(ctx.random, otp.length);
      const salt = ctx.random(CODE_SALT_BYTES);
      const id = ctx.random(12).toString('hex');
      const expiresAt = now + otp.lifetimeS * 1000;
      await ctx.store.saveCode({
        id,
        clientId: client.clientId,
        email,
        codeHash: hashCode(ctx.serverSecret.codeKey, salt, code),
        salt,
        createdAt: now,
        expiresAt,
        attempts: 0,
        maxAttempts,
        ...(linkParams ? { linkParams: linkParamsFingerprint(linkParams) } : {}),
        ...(authParams.nonce === undefined ? {} : { nonce: authParams.nonce }),
      });

      const link = linkParams
        ? magicLink(ctx, {
            client_id: client.clientId,
            connection: connection.name,
            email,
            verification_code: code,
            ...linkParams,
          })
        : '';
      const message = await ctx.templates.render({
        code,
        link,
        send,
        request_language: requestLanguage(request.headers, ctx.config.defaultLanguage),
        operation: 'login',
        expires_in_minutes: Math.ceil(otp.lifetimeS / 60),
        application: { name: client.name, client_id: client.clientId },
        connection: { name: connection.name },
        user: { email },
      });
      // Stored before SMTP sees it; if SMTP fails, the outbox retries until the code expires.
      const delivery = await ctx.outbox.send({ ...message, to: email }, expiresAt);
      if (delivery === 'queued') request.log.warn('verification email queued for retry');

      reply.header('cache-control', 'no-store');
      return {
        _id: id,
        email,
        expires_in: otp.lifetimeS,
        resend_after: otp.resendAfterS,
        max_attempts: maxAttempts,
      };
    },
  );
}

/**
 * The authorize parameters the link will carry (`response_type` defaults to `code`). A link
 * that would fail (unregistered redirect_uri, no PKCE, …) is refused before it is sent.
 */
function checkedLinkParams(ctx: AppContext, clientId: string, authParams: AuthParams): LinkParams {
  const picked = pickLinkParams(authParams);
  picked.response_type ??= 'code';
  const params: AuthorizeParams = { client_id: clientId, ...picked };
  try {
    const target = readResponseTarget(ctx, params, ['query', 'fragment']);
    readAuthorizationRequest(ctx, target, params);
  } catch (error) {
    const description =
      error instanceof AuthError || error instanceof RedirectableError
        ? error.description
        : 'The authParams are not valid.';
    throw new AuthError(400, 'bad.authParams', description);
  }
  return picked;
}
