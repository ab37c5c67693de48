import { invalidArgument } from './errors.js';
import { fromBase64Url } from './encoding.js';
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
