const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * The email in canonical form (lower case, as Auth0 stores it), or `undefined` when it is not a
 * plain ASCII `local@domain.tld` address. Anything that could smuggle a mail header (CR, LF, other
 * control characters, spaces, quotes, angle brackets) is refused, not stripped.
 */
export function normalizeEmail(input: string): string | undefined {
  if (input.length > 254) return undefined;
  const at = input.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = input.slice(0, at);
  const domain = input.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return undefined;
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i.test(labels.at(-1)!)) return undefined;
  return `${local}@${domain}`.toLowerCase();
}
