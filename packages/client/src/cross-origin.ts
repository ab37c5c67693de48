// The `cross-origin` transport of passwordlessLogin, in its own module so that bundlers split it
// into a chunk that only loads when a login asks for it.
import {
  PASSWORDLESS_OTP_GRANT,
  type LoginOptions,
  type PasswordlessLoginResult,
} from './login-result.js';
import { toOrigin } from './domain.js';
import {
  DEFAULT_TIMEOUT,
  type AUTH0_CLIENT,
  type invalidResponse,
  type requestJson,
} from './http.js';
import type { PasswordlessLoginOptions, PasswordlessLoginParams } from './passwordless-login.js';
import { parseCallback } from './parse-callback.js';
import type { beginTransaction, takeTransaction } from './transaction.js';

/** How long a loaded iframe may take to post its answer before it counts as blocked (ms). */
const LOAD_GRACE = 1000;

/** Answers that mean the iframe could not use the login (e.g. third-party cookies blocked). */
const BLOCKED = ['login_required', 'consent_required', 'interaction_required'];

/** The params `passwordlessLogin` checked, with the defaults of `scope` and `responseType`. */
export type CrossOriginLogin = PasswordlessLoginParams &
  Required<Pick<PasswordlessLoginParams, 'scope' | 'responseType'>>;

/**
 * The package's internal helpers this lazily loaded module uses, handed over by
 * `passwordlessLogin` instead of imported: importing them would make the bundler export them from
 * the built entry under minified names (`a`, `c`, …) that every user of the package sees. Only
 * public exports are imported (`parseCallback` finishes the answer, so `finishAuthorization`, which
 * the widget loads lazily, is not pulled into the login path). A tuple, not an object, because
 * property names survive minification and the budget is tight.
 */
export type CrossOriginHelpers = readonly [
  requestJson: typeof requestJson,
  invalidResponse: typeof invalidResponse,
  auth0Client: typeof AUTH0_CLIENT,
  beginTransaction: typeof beginTransaction,
  takeTransaction: typeof takeTransaction,
];

/**
 * `passwordlessLogin` with the `cross-origin` transport: `/co/authenticate`, then `/authorize`
 * with the login ticket in a hidden iframe, or by redirect to `redirectTo` when it is blocked.
 */
export async function crossOriginLogin(
  domain: string,
  {
    clientId,
    email,
    code,
    scope,
    audience,
    responseType,
    nonce,
    maxAge,
    redirectUri,
  }: CrossOriginLogin,
  options: PasswordlessLoginOptions,
  [
    requestJson,
    invalidResponse,
    auth0Client,
    beginTransaction,
    takeTransaction,
  ]: CrossOriginHelpers,
): Promise<PasswordlessLoginResult> {
  const origin = toOrigin(domain);
  redirectUri ??= location.origin;

  const ticket = await requestJson(
    {
      method: 'POST',
      url: `${origin}/co/authenticate`,
      credentials: 'include',
      body: {
        client_id: clientId,
        username: email,
        otp: code,
        realm: 'email',
        credential_type: PASSWORDLESS_OTP_GRANT,
      },
    },
    options,
  );
  if (typeof ticket.login_ticket !== 'string') throw invalidResponse('a login_ticket');

  const [transaction, query] = await beginTransaction(
    { clientId, redirectUri, responseType, nonce, maxAge },
    options,
  );
  const authorize = (mode: Record<string, string>) =>
    `${origin}/authorize?${new URLSearchParams({
      ...query,
      scope,
      ...(audience ? { audience } : {}),
      login_ticket: ticket.login_ticket as string,
      auth0Client,
      ...mode,
    })}`;

  const answer = await webMessage(
    authorize({ response_mode: 'web_message' }),
    origin,
    transaction.state,
    options,
  ).catch((error: unknown) => {
    takeTransaction(transaction.state, options);
    throw error;
  });
  if (!answer || BLOCKED.includes(answer.error as string)) {
    // The transaction stays stored for parseCallback on the page the redirect comes back to.
    (options.redirect ?? ((url) => location.assign(url)))(authorize({}));
    return new Promise(() => {});
  }
  // Finished as a redirect's answer would be. Never `null`: the answer carries this login's `state`.
  return (await parseCallback(
    domain,
    new URLSearchParams(answer as Record<string, string>),
    options,
  ))!;
}

/**
 * Loads `url` in a hidden iframe and resolves with the `authorization_response` it posts for
 * `state`, or with `undefined` when none comes (the browser blocked it): within a second of the
 * iframe's `load`, or within the timeout.
 */
function webMessage(
  url: string,
  origin: string,
  state: string,
  { signal, timeout = DEFAULT_TIMEOUT }: LoginOptions,
): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const iframe = document.createElement('iframe');
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      signal?.removeEventListener('abort', onAbort);
      iframe.remove();
      settle();
    };
    const onMessage = ({ origin: from, source, data }: MessageEvent) => {
      // Only the tenant's page in our iframe may answer, and only for this login.
      if (
        from === origin &&
        source === iframe.contentWindow &&
        data?.type === 'authorization_response' &&
        data.response?.state === state
      ) {
        finish(() => resolve(data.response));
      }
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    const blocked = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(() => resolve(undefined)), delay);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    blocked(timeout);
    window.addEventListener('message', onMessage);
    signal?.addEventListener('abort', onAbort, { once: true });
    // The answer page posts while it loads. A page that loaded without posting was refused
    // (frame-ancestors, X-Frame-Options, a network error page): no need to wait for the timeout.
    iframe.onload = () => blocked(LOAD_GRACE);
    iframe.hidden = true;
    iframe.src = url;
    document.body.append(iframe);
  });
}
