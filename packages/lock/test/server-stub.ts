/** A recorded request to the stubbed `window.fetch`. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: Record<string, unknown>;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/**
 * Replaces `window.fetch` with a fake of the auth server: each request goes to the handler for
 * its path, and is recorded. `restore()` puts the real `fetch` back.
 */
export function stubServer(routes: Record<string, Handler>) {
  const realFetch = window.fetch;
  const requests: RecordedRequest[] = [];
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const request: RecordedRequest = {
      url: url.href,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : {},
    };
    requests.push(request);
    const handler = routes[url.pathname];
    if (!handler) return json(404, { error: 'not_found' });
    return handler(request);
  };
  return {
    requests,
    restore: () => {
      window.fetch = realFetch;
    },
  };
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** An unsigned JWT with the given claims (the widget does not check signatures yet). */
export function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2ln`;
}

export const CODE = '246810';
export const claims = { sub: 'email|0123456789abcdef01234567', email: 'ada@example.com' };
export const idToken = jwt(claims);

/**
 * The server's answers: start always works (with `start` merged into its answer); the token
 * endpoint wants {@link CODE}.
 */
export function passwordlessServer(start: Record<string, unknown> = {}) {
  return stubServer({
    '/passwordless/start': ({ body }) =>
      json(200, {
        _id: 'req_1',
        email: body.email,
        expires_in: 180,
        resend_after: 30,
        max_attempts: 3,
        ...start,
      }),
    '/oauth/token': ({ body }) =>
      body.otp === CODE
        ? json(200, {
            access_token: 'at-1',
            id_token: idToken,
            token_type: 'Bearer',
            expires_in: 86400,
            scope: 'openid profile email',
          })
        : json(403, {
            error: 'invalid_grant',
            error_description: 'Wrong email or verification code.',
          }),
  });
}
