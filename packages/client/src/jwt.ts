import { invalidArgument } from './errors.js';

/**
 * Reads the claims of a JWT (its payload) **without verifying the signature**.
 *
 * Use the result for display only (name, email, picture). Signature and claim validation
 * (JWKS by `kid`, `iss`, `aud`, `exp`, `nonce`, `at_hash`) comes in a later release.
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
  const parts = typeof jwt === 'string' ? jwt.split('.') : [];
  if (parts.length !== 3 || !parts[1]) throw invalidArgument('not a JWT: expected three parts');
  let payload: unknown;
  try {
    payload = JSON.parse(base64UrlToText(parts[1]));
  } catch (cause) {
    throw Object.assign(invalidArgument('not a JWT: the payload is not base64url JSON'), { cause });
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw invalidArgument('not a JWT: the payload is not a JSON object');
  }
  return payload as Record<string, unknown>;
}

function base64UrlToText(value: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new SyntaxError('not base64url');
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
