import { sign } from 'node:crypto';
import { SIGNING_ALG, type SigningKeys } from './keys.js';

/**
 * A compact JWS (RS256, RFC 7515) of `payload`, its header naming `keys.kid` and `typ` (one
 * `keys` object, so the `kid` names the key that signs even if a reload lands meanwhile). Signed by
 * node:crypto's callback form, which runs RSA on libuv's thread pool as WebCrypto does, but costs
 * the event loop 20–45 µs of CPU a token against 100–180 µs for jose's `SignJWT` over WebCrypto,
 * and about 30% less CPU in all (measured on the 2-core bench machine). A pool of worker threads
 * measured no better on the event loop and cost more in all, so RSA stays on libuv's pool.
 */
export function signJwt(
  keys: SigningKeys,
  typ: 'JWT' | 'at+jwt',
  payload: Record<string, unknown>,
): Promise<string> {
  const header = { alg: SIGNING_ALG, kid: keys.kid, typ };
  const input = `${base64url(header)}.${base64url(payload)}`;
  return new Promise((resolve, reject) => {
    sign('sha256', Buffer.from(input), keys.privateKey, (error, signature) => {
      if (error) reject(error);
      else resolve(`${input}.${signature.toString('base64url')}`);
    });
  });
}

function base64url(json: object): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}
