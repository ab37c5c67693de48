// Bytes ↔ base64url, random tokens and SHA-256, on the Web Crypto and atob/btoa every runtime has.

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
