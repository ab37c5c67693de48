import {
  readAuthorizationRequest,
  readResponseTarget,
  RedirectableError,
  type AuthorizeParams,
} from '../authorization.js';
import type { AppContext } from '../context.js';
import { AuthError } from '../errors.js';

/** The authorize parameters a magic link carries (Auth0 copies them from `authParams`). */
const LINK_PARAMS = [
  'response_type',
  'response_mode',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'audience',
  'code_challenge',
  'code_challenge_method',
] as const;

export type LinkParams = Partial<Record<(typeof LINK_PARAMS)[number], string>>;

/** The link parameters present in `source` (start's `authParams`, or the clicked link's query). */
export function pickLinkParams(source: object): LinkParams {
  const picked: LinkParams = {};
  for (const name of LINK_PARAMS) {
    const value: unknown = (source as Record<string, unknown>)[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

/**
 * The authorize parameters the link will carry (`response_type` defaults to `code`). A link
 * that would fail (unregistered redirect_uri, no PKCE, …) is refused with `bad.authParams`
 * before it is sent.
 */
export function checkedLinkParams(
  ctx: AppContext,
  clientId: string,
  authParams: object,
): LinkParams {
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

/**
 * One string per set of link parameters, whatever their order: stored with the code at start
 * and compared at the click, so a link whose parameters were edited (another callback, `token`
 * instead of `code` with PKCE, another audience) is refused.
 */
export function linkParamsFingerprint(params: LinkParams): string {
  return JSON.stringify(LINK_PARAMS.map((name) => params[name] ?? null));
}

/** The link mailed for `send: "link"`: `/passwordless/verify_redirect` with its parameters. */
export function magicLink(ctx: AppContext, params: Record<string, string>): string {
  return `${ctx.config.issuer}passwordless/verify_redirect?${new URLSearchParams(params)}`;
}
