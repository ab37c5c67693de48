import { SignJWT, base64url, exportJWK, generateKeyPair, type JWK } from 'jose';
import { json, recordCall, type Call } from './fake-fetch.js';

/** A tenant's signing key, with the JWK the server publishes for it. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

// RSA key generation takes a few hundred milliseconds: tests share a few key pairs.
const keyPairs = new Map<string, ReturnType<typeof generateKeyPair>>();

/** A signing key with the given `kid`; `material` names the key pair (same name, same key). */
export async function signingKey(kid: string, material = kid): Promise<SigningKey> {
  if (!keyPairs.has(material)) keyPairs.set(material, generateKeyPair('RS256'));
  const { privateKey, publicKey } = await keyPairs.get(material)!;
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

let tenants = 0;

/**
 * A fake tenant on its own domain (so the client's JWKS cache starts empty for it): it signs
 * id_tokens, publishes its keys, and answers requests through `fetch` with the given routes.
 */
export async function fakeTenant(
  routes: Record<string, (call: Call) => Response | Promise<Response>> = {},
) {
  const domain = `tenant${++tenants}.example.com`;
  const origin = `https://${domain}`;
  const issuer = `${origin}/`;
  const keys = [await signingKey('k1')];
  const calls: Call[] = [];

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const call = recordCall(url, init);
    calls.push(call);
    call.signal?.throwIfAborted();
    if (url.origin !== origin) throw new TypeError(`fetch failed: ${url.origin}`);
    if (url.pathname === '/.well-known/jwks.json') {
      return json(200, { keys: keys.map((key) => key.jwk) });
    }
    const route = routes[`${call.method} ${url.pathname}`];
    if (!route) return json(404, { error: 'not_found' });
    return route(call);
  };

  /** Signs an id_token with the tenant's first key (or `key`), valid unless claims say otherwise. */
  const idToken = async (
    claims: Record<string, unknown> = {},
    { key = keys[0]!, header = {} }: { key?: SigningKey; header?: Record<string, unknown> } = {},
  ): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: issuer,
      aud: 'demo',
      sub: 'email|0123456789abcdef01234567',
      email: 'ada@example.com',
      iat: now,
      exp: now + 36000,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })
      .sign(key.privateKey);
  };

  return {
    domain,
    origin,
    issuer,
    keys,
    calls,
    routes,
    fetch,
    idToken,
    jwksCalls: () => calls.filter((call) => call.url.endsWith('/.well-known/jwks.json')).length,
  };
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** base64url(SHA-256(verifier)): the S256 `code_challenge` of RFC 7636 §4.2. */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64url.encode(await sha256(verifier));
}

/** base64url(left half of SHA-256(accessToken)): the `at_hash` of OpenID Connect Core §3.1.3.6. */
export async function atHash(accessToken: string): Promise<string> {
  return base64url.encode((await sha256(accessToken)).slice(0, 16));
}
