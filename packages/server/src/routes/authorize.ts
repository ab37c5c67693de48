import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import {
  authorize,
  AUTHORIZE_PARAM_SCHEMAS,
  readAuthorizationRequest,
  readResponseTarget,
  RedirectableError,
  type ResponseTarget,
} from '../authorization.js';
import { errorParams, sendAuthorizationResponse } from '../authorization-response.js';
import type { AppContext } from '../context.js';
import { normalizeEmail } from '../email-address.js';
import { AuthError } from '../errors.js';
import { sendConfirmPage, sendRefusedPage } from '../login/confirm-page.js';
import { formTokenMatches, issueFormToken } from '../login/form-token.js';
import { pickLinkParams } from '../login/magic-link.js';
import { redeemLoginTicket } from '../login/ticket.js';
import { verifyEmailCode } from '../login/verify.js';
import { originOf } from '../origins.js';

const param = { type: 'string', maxLength: 2048 } as const;

// Unknown parameters are ignored (RFC 6749 §3.1); known ones must be single strings.
const authorizeSchema = {
  type: 'object',
  required: ['client_id'],
  properties: { ...AUTHORIZE_PARAM_SCHEMAS, login_ticket: param },
} as const;

const verifyRedirectSchema = {
  type: 'object',
  required: ['client_id', 'connection', 'email', 'verification_code'],
  properties: {
    ...AUTHORIZE_PARAM_SCHEMAS,
    connection: param,
    email: param,
    verification_code: param,
    /** The language the link was mailed in: the confirm page's language. */
    ui_locales: param,
  },
} as const;

type LinkRequest = FromSchema<typeof verifyRedirectSchema>;

/** The link's known parameters, which the confirm page posts back (unknown ones are dropped). */
function linkFields(params: LinkRequest): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of Object.keys(verifyRedirectSchema.properties)) {
    const value: unknown = (params as Record<string, unknown>)[name];
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

/** The confirm page's POST: the link's parameters and the page's form token. */
const confirmSchema = {
  ...verifyRedirectSchema,
  properties: { ...verifyRedirectSchema.properties, form_token: param },
} as const;

export async function authorizeRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<JsonSchemaToTsProvider>();

  /** /authorize: redeems a login ticket from /co/authenticate (there is no login page). */
  app.get('/authorize', { schema: { querystring: authorizeSchema } }, async (request, reply) => {
    const params = request.query;
    const target = readResponseTarget(
      ctx,
      params,
      ['query', 'fragment', 'web_message'],
      originOf(request.headers.referer),
    );
    return answer(reply, target, async () => {
      const authorization = readAuthorizationRequest(ctx, target, params);
      const user = await redeemLoginTicket(ctx, target, params.login_ticket);
      return authorize(ctx, authorization, user);
    });
  });

  /**
   * The magic link. GET and HEAD (what mail scanners send) check the link's parameters and
   * answer a confirm page, spending nothing; the page's POST verifies the code.
   */
  app.get(
    '/passwordless/verify_redirect',
    { schema: { querystring: verifyRedirectSchema } },
    async (request, reply) => {
      const params = request.query;
      const target = readResponseTarget(ctx, params, ['query', 'fragment']);
      return redirectErrors(reply, async () => {
        readLinkRequest(target, params);
        const pending = await findLinkCode(params);
        const formToken = issueFormToken(ctx.serverSecret.formKey, ctx.random, pending);
        return sendConfirmPage(reply, {
          language: params.ui_locales,
          applicationName: target.client.name,
          fields: { ...linkFields(params), form_token: formToken },
          redirectUri: target.redirectUri,
          confirm: ctx.config.connections.email.link.confirm,
        });
      });
    },
  );

  /** The confirm page's button: a same-site POST with the page's form token spends the link. */
  app.post(
    '/passwordless/verify_redirect',
    { schema: { body: confirmSchema } },
    async (request, reply) => {
      const params = request.body;
      const refusal = !isSameOriginPost(request)
        ? 'Cross-site form posts are refused.'
        : !formTokenMatches(ctx.serverSecret.formKey, await findLinkCode(params), params.form_token)
          ? 'The form token is missing, wrong or used up: open the link in the email again.'
          : undefined;
      if (refusal !== undefined) {
        if (!request.headers.accept?.includes('text/html')) {
          throw new AuthError(403, 'access_denied', refusal);
        }
        return sendRefusedPage(reply, params.ui_locales);
      }
      const target = readResponseTarget(ctx, params, ['query', 'fragment']);
      return answer(reply, target, async () => {
        const authorization = readLinkRequest(target, params);
        const login = await verifyEmailCode(ctx, {
          client: target.client,
          ip: request.ip,
          username: params.email,
          otp: params.verification_code,
          wrongCodeError: 'access_denied',
          linkParams: pickLinkParams(params),
          log: request.log,
        }).catch((error: unknown) => {
          if (error instanceof AuthError) {
            throw new RedirectableError(target, error.error, error.description);
          }
          throw error;
        });
        if (authorization.nonce === undefined && login.nonce !== undefined) {
          authorization.nonce = login.nonce;
        }
        return authorize(ctx, authorization, login.user);
      });
    },
  );

  /** The link's authorize request and connection; failures go to the callback. */
  function readLinkRequest(target: ResponseTarget, params: LinkRequest) {
    const authorization = readAuthorizationRequest(ctx, target, params);
    if (params.connection !== ctx.config.connections.email.name) {
      throw new RedirectableError(target, 'invalid_request', 'Connection does not exist.');
    }
    return authorization;
  }

  /** The code the link was mailed with, if it is still the email's newest. */
  async function findLinkCode(params: LinkRequest) {
    const email = normalizeEmail(params.email);
    return email ? ctx.store.findCode(params.client_id, email) : undefined;
  }

  /**
   * The POST comes from the confirm page itself. `Sec-Fetch-Site` and `Origin` are checked when
   * the browser sends them; `Origin: null` is what the page's `no-referrer` policy makes browsers
   * send (Fetch, "append a request Origin header"), so it says nothing either way.
   */
  function isSameOriginPost(request: FastifyRequest): boolean {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return false;
    const origin = request.headers.origin;
    if (origin === undefined || origin === 'null') return true;
    return origin === new URL(ctx.config.issuer).origin || originHost(origin) === request.host;
  }

  async function answer(
    reply: FastifyReply,
    target: ResponseTarget,
    run: () => Promise<Record<string, string>>,
  ): Promise<FastifyReply> {
    return redirectErrors(reply, async () =>
      sendAuthorizationResponse(reply, target, await run(), ctx.random),
    );
  }

  /** Sends a RedirectableError to its callback. */
  async function redirectErrors(
    reply: FastifyReply,
    run: () => Promise<FastifyReply>,
  ): Promise<FastifyReply> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof RedirectableError)) throw error;
      const params = errorParams(error.target, error.error, error.description);
      return sendAuthorizationResponse(reply, error.target, params, ctx.random);
    }
  }
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
