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
    // The client caches the key set per domain, so whether a test fetches it depends on the tests
    // before it: answered always, recorded never.
    if (url.pathname === '/.well-known/jwks.json') return json(200, { keys: [signingKey.jwk] });
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

/** The stub tenant's RS256 key: made once per test file, its public half served as the JWKS. */
const signingKey = await (async () => {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
  const pair = await crypto.subtle.generateKey(
    { ...algorithm, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const jwk = { ...(await crypto.subtle.exportKey('jwk', pair.publicKey)), kid: 'stub-1' };
  return { algorithm, privateKey: pair.privateKey, jwk };
})();

const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The JSON in one base64url part of a JWT. */
const decodePart = (part: string) =>
  JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;

/** An id_token signed by the stub tenant, as the real server issues it for client `demo`. */
export async function signedIdToken(extra: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: 'http://localhost:3000/', aud: 'demo', iat: now, exp: now + 3600 };
  const part = (value: unknown) => base64Url(new TextEncoder().encode(JSON.stringify(value)));
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid: signingKey.jwk.kid })}.${part({ ...payload, ...extra })}`;
  const signature = await crypto.subtle.sign(
    signingKey.algorithm,
    signingKey.privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${base64Url(new Uint8Array(signature))}`;
}

/** `token` with one claim changed and the signature kept: what an attacker would try. */
export function tampered(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const changed = base64Url(
    new TextEncoder().encode(JSON.stringify({ ...decodePart(payload!), ...claims })),
  );
  return `${header}.${changed}.${signature}`;
}

export const CODE = '246810';
export const idToken = await signedIdToken({
  sub: 'email|0123456789abcdef01234567',
  email: 'ada@example.com',
});
/** The claims of {@link idToken}, as `idTokenPayload` should carry them. */
export const claims = decodePart(idToken.split('.')[1]!);

/**
 * The server's answers: start always works (with `start` merged into its answer); the token
 * endpoint wants {@link CODE} and answers with `token` (default {@link idToken}).
 */
export function passwordlessServer(start: Record<string, unknown> = {}, token = idToken) {
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
            id_token: token,
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
