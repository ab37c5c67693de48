// Decoding JWTs, bytes ↔ base64url, random tokens and SHA-256, on the Web Crypto and atob/btoa
// every runtime has.
import { invalidArgument } from './errors.js';
import { isObject } from './http.js';

/**
 * Reads the claims of a JWT (its payload) **without verifying the signature**.
 *
 * Use the result for display only (name, email, picture); {@link validateIdToken} checks the
 * signature and the claims.
 *
 * @param jwt - A compact JWS, `header.payload.signature`.
 * @returns The payload, parsed as a JSON object.
 * @throws TypeError when `jwt` is not a JWT with a JSON object payload.
 * @example
 * ```ts
 * const { email } = decodeJwtPayload(idToken);
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 */
export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  return decodeJwtPart(jwt, 1);
}

/** Parses part `index` (0 header, 1 payload) of a compact JWS as a JSON object. */
export function decodeJwtPart(jwt: string, index: 0 | 1): Record<string, unknown> {
  let value: unknown;
  let cause: unknown;
  try {
    const parts = jwt.split('.');
    value =
      parts.length === 3 &&
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(parts[index]!)));
  } catch (error) {
    cause = error;
  }
  if (!isObject(value)) {
    throw Object.assign(invalidArgument('not a JWT: three parts, base64url JSON objects'), {
      cause,
    });
  }
  return value;
}

/** Decodes unpadded base64url (RFC 4648 §5); throws a `SyntaxError` on anything else. */
export function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  if (!/^[\w-]*$/.test(value)) throw new SyntaxError('not base64url');
  return Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

/** Encodes bytes as unpadded base64url. */
export function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** A fresh 256-bit random value, base64url: a `state`, `nonce` or PKCE verifier (RFC 7636 §4.1). */
export function randomToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** SHA-256 of the UTF-8 text. */
export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}
