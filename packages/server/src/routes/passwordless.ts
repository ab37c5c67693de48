import type { FastifyInstance } from 'fastify';
import { generateCode, hashCode } from '../codes.js';
import type { AppContext } from '../context.js';
import { normalizeEmail } from '../email-address.js';
import { AuthError, describeIssue, type ErrorStyle, type ValidationIssue } from '../errors.js';
import { requestLanguage } from '../language.js';
import { assertOriginAllowed } from '../origins.js';
import { countStartOrRefuse, refuseDuringResendCooldown } from '../rate-limits.js';

interface StartBody {
  client_id: string;
  connection: string;
  email: string;
  send?: 'code' | 'link';
  authParams?: { nonce?: string; [key: string]: unknown };
}

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
      properties: { nonce: { type: 'string', minLength: 1, maxLength: 512 } },
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
      `the following properties are not allowed: ${extra.join(', ')}`,
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
      assertOriginAllowed(client, request.headers.origin);
      const connection = ctx.config.connections.email;
      if (body.connection !== connection.name) {
        throw new AuthError(400, 'bad.connection', 'Connection does not exist.');
      }
      const email = normalizeEmail(body.email);
      if (!email) throw new AuthError(400, 'bad.email', 'Invalid email address.');
      const send = body.send ?? 'link';
      if (send !== 'code') {
        throw new AuthError(
          400,
          'bad.send',
          'link is not supported yet: send "code" (Auth0 defaults to "link" when send is omitted).',
        );
      }

      await countStartOrRefuse(ctx, request.ip);
      const previous = await ctx.store.findCode(client.clientId, email);
      refuseDuringResendCooldown(ctx, previous?.createdAt);

      const now = ctx.now();
      const code = generateCode(ctx.random, otp.length);
      const salt = ctx.random(16);
      const id = ctx.random(12).toString('hex');
      await ctx.store.saveCode({
        id,
        clientId: client.clientId,
        email,
        codeHash: hashCode(code, salt),
        salt,
        createdAt: now,
        expiresAt: now + otp.lifetimeS * 1000,
        attempts: 0,
        ...(body.authParams?.nonce === undefined ? {} : { nonce: body.authParams.nonce }),
      });

      const message = await ctx.templates.render({
        code,
        link: '',
        send,
        request_language: requestLanguage(request.headers, ctx.config.defaultLanguage),
        operation: 'login',
        expires_in_minutes: Math.ceil(otp.lifetimeS / 60),
        application: { name: client.name, client_id: client.clientId },
        connection: { name: connection.name },
        user: { email },
      });
      try {
        await ctx.mailer.send({ ...message, to: email });
      } catch (error) {
        // A code nobody received must not count against the resend cooldown.
        await ctx.store.consumeCode(id);
        request.log.error({ err: error }, 'sending the verification email failed');
        throw new AuthError(500, 'server_error', 'The verification email could not be sent.');
      }

      reply.header('cache-control', 'no-store');
      return {
        _id: id,
        email,
        expires_in: otp.lifetimeS,
        resend_after: otp.resendAfterS,
        max_attempts: otp.maxAttempts,
      };
    },
  );
}
