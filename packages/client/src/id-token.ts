import { toOrigin } from './domain.js';
import { TokenValidationError, invalidArgument, type TokenCheck } from './errors.js';
import { assertString, requestJson, type RequestOptions } from './http.js';
import { decodeJwtPart, fromBase64Url, sha256, toBase64Url } from './encoding.js';
import type { UserInfo } from './user-info.js';

/** How id_tokens are checked. */
export interface IdTokenOptions {
  /** Seconds of clock skew allowed for `exp`, `iat`, `nbf` and `auth_time`: 0–300, default 60. */
  leeway?: number;
  /**
   * The expected `iss`. Default the domain's origin with a trailing slash, as Auth0 issues it; set
   * it when the tenant's issuer differs from the address you reach it at.
   */
  issuer?: string;
}

/** What {@link validateIdToken} checks the token against. */
export interface IdTokenExpectations {
  /** The application's `client_id`: the token's `aud` (and `azp`). */
  clientId: string;
  /** The `nonce` sent with the login; the token must carry it. */
  nonce?: string | undefined;
  /** The access token issued with the id_token; checked against `at_hash` when the token has one. */
  accessToken?: string | undefined;
  /** The `max_age` asked for, in seconds; `auth_time` must then be recent enough. */
  maxAge?: number | undefined;
}

/**
 * The claims of an id_token: the profile ({@link UserInfo}: `sub`, `email`, `email_verified`,
 * `name`, `nickname`, `picture`, `updated_at`) and the token's own. Times are seconds since the
 * epoch. Other claims may be present.
 */
export interface IdTokenClaims extends UserInfo {
  /** The issuer, e.g. `https://auth.example.com/`. */
  iss: string;
  /** The client id(s) the token is for. */
  aud: string | string[];
  exp: number;
  iat: number;
  /** When the user authenticated. */
  auth_time?: number;
  /** The `nonce` of the login. */
  nonce?: string;
  /** The client the token was issued to, when `aud` names several. */
  azp?: string;
  /** Half the SHA-256 of the access token issued with it, base64url. */
  at_hash?: string;
}

type Jwk = JsonWebKey & { kid?: string };

const keySets = new Map<string, Promise<Jwk[]>>();

/**
 * The issuer's RSA key with this `kid`: from the cached JWKS, else from a fresh fetch (a key
 * rotation). A JWKS fetched just now is not fetched again for a `kid` it lacks.
 */
async function findKey(
  url: string,
  kid: unknown,
  options: RequestOptions,
): Promise<Jwk | undefined> {
  const find = (keys: Jwk[]) => keys.find((key) => key.kid === kid && key.kty === 'RSA');
  const cached = keySets.get(url);
  const key = cached && find(await cached);
  if (key) return key;
  const keys = requestJson({ method: 'GET', url, bare: true, retry: true }, options).then(
    (body) => (Array.isArray(body.keys) ? body.keys : []) as Jwk[],
  );
  // A failed fetch is not cached: the next validation tries again.
  keys.catch(() => keySets.delete(url));
  keySets.set(url, keys);
  return find(await keys);
}

/**
 * Validates an id_token: its RS256 signature with the issuer's published key (the JWKS is fetched
 * once, cached, and fetched again when a token names an unknown `kid`), then `iss`, `sub`,
 * `aud`/`azp`, `exp`/`iat`/`nbf` (with leeway), `nonce`, `auth_time` (with `maxAge`) and
 * `at_hash` (with `accessToken`).
 *
 * @param domain - The tenant: a bare host (https) or an origin (`http:` only for localhost).
 * @param idToken - The compact JWS.
 * @param expected - The client id, and the `nonce`, `accessToken` and `maxAge` to check.
 * @param options - `leeway`, `issuer`, and `signal`, `timeout`, `fetch` for the JWKS request.
 * @returns The token's claims.
 * @throws TokenValidationError naming the failed `check`; `ServerError`, `NetworkError` or
 *   `TimeoutError` when the JWKS cannot be fetched.
 * @example
 * ```ts
 * const claims = await validateIdToken('auth.example.com', idToken, { clientId: 'abc123', nonce });
 * ```
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function validateIdToken(
  domain: string,
  idToken: string,
  expected: IdTokenExpectations,
  options: IdTokenOptions & RequestOptions = {},
): Promise<IdTokenClaims> {
  const origin = toOrigin(domain);
  const { clientId, nonce, accessToken, maxAge } = expected;
  const { leeway = 60, issuer = `${origin}/` } = options;
  assertString(clientId, 'clientId');
  if (!(leeway >= 0 && leeway <= 300)) throw invalidArgument('options.leeway must be 0–300 s');

  const fail = (check: TokenCheck, message: string, cause?: unknown): never => {
    throw new TokenValidationError(check, `id_token ${message}`, { cause });
  };
  let header: Record<string, unknown> = {};
  let claims: Record<string, unknown> = {};
  try {
    header = decodeJwtPart(idToken, 0);
    claims = decodeJwtPart(idToken, 1);
  } catch (cause) {
    fail('malformed', 'is not a JWT', cause);
  }
  if (header.alg !== 'RS256') fail('alg', `is signed with ${String(header.alg)}, not RS256`);

  const jwk = await findKey(`${origin}/.well-known/jwks.json`, header.kid, options);
  if (!jwk) return fail('kid', `is signed with a key the issuer does not publish`);

  const [head, body, signature = ''] = idToken.split('.');
  let valid = false;
  let cause: unknown;
  try {
    const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    const key = await crypto.subtle.importKey('jwk', jwk, algorithm, false, ['verify']);
    valid = await crypto.subtle.verify(
      algorithm,
      key,
      fromBase64Url(signature),
      new TextEncoder().encode(`${head}.${body}`),
    );
  } catch (error) {
    cause = error; // A key Web Crypto cannot import, or a damaged signature.
  }
  if (!valid) fail('signature', 'signature is invalid', cause);

  const { iss, sub, aud, azp, exp, iat, nbf, auth_time } = claims;
  const now = Math.floor(Date.now() / 1000);
  const isTime = (value: unknown): value is number => typeof value === 'number' && value >= 0;
  if (iss !== issuer) fail('iss', `issuer ${String(iss)} is not ${issuer}`);
  if (typeof sub !== 'string' || !sub) fail('sub', 'has no sub');
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(clientId)) fail('aud', `is not for client ${clientId}`);
  if ((audiences.length > 1 || azp !== undefined) && azp !== clientId) {
    fail('azp', `was not issued to client ${clientId} (azp)`);
  }
  if (!isTime(exp) || exp + leeway <= now) fail('exp', 'has expired');
  if (!isTime(iat) || iat - leeway > now) fail('iat', 'has a missing or future iat');
  if (nbf !== undefined && (!isTime(nbf) || nbf - leeway > now)) fail('nbf', 'is not valid yet');
  if (nonce !== undefined && claims.nonce !== nonce) fail('nonce', 'nonce does not match');
  if (maxAge !== undefined && (!isTime(auth_time) || auth_time + maxAge + leeway < now)) {
    fail('auth_time', 'auth_time is missing or older than max_age');
  }
  if (accessToken !== undefined && claims.at_hash !== undefined) {
    const hash = toBase64Url((await sha256(accessToken)).slice(0, 16));
    if (claims.at_hash !== hash) fail('at_hash', 'at_hash does not match the access token');
  }
  return claims as IdTokenClaims;
}
