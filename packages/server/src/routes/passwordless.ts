import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { findClient } from '../clients.js';
import type { AppContext } from '../context.js';
import {
  AuthError,
  describeIssue,
  quoteInput,
  type ErrorStyle,
  type ValidationIssue,
} from '../errors.js';
import { requestLanguage } from '../language.js';
import { startLogin } from '../login/start.js';
import { assertOriginAllowed } from '../origins.js';

/** The 200 body: Auth0's `_id`/`email` plus our extensions (seconds / count / digits). */
export interface StartResponse {
  _id: string;
  email: string;
  expires_in: number;
  resend_after: number;
  max_attempts: number;
  /** The tenant's `otp.length`: how many digits the code field takes. */
  code_length: number;
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

/** The body of `POST /passwordless/start`. */
export type StartParams = FromSchema<typeof startBodySchema>;

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

export async function passwordlessRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<JsonSchemaToTsProvider>();

  app.post(
    '/passwordless/start',
    { schema: { body: startBodySchema }, config: { errorStyle } },
    async (request): Promise<StartResponse> => {
      const params = request.body;
      const client = findClient(ctx, params.client_id, { status: 400, error: 'bad.client_id' });
      assertOriginAllowed(client, request.headers.origin, '/passwordless/start');
      return startLogin(ctx, {
        client,
        params,
        ip: request.ip,
        language: requestLanguage(request.headers, ctx.config.defaultLanguage),
        log: request.log,
      });
    },
  );
}
