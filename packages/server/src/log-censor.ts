/**
 * What the server never logs, should an object holding it reach a log call: credentials
 * (headers, SMTP), codes, tokens and tickets, and whole bodies and queries. Defence in depth:
 * the log calls themselves name only safe fields, and requests are logged without headers,
 * bodies or URLs (request-log.ts).
 */
export const SECRET_LOG_KEYS: readonly string[] = [
  'otp',
  'verification_code',
  'code_verifier',
  'access_token',
  'id_token',
  'refresh_token',
  'login_ticket',
  'authorization',
  'cookie',
  'password',
  'pass',
  'smtp',
  'body',
  'query',
  'headers',
];
const SECRET_KEYS: ReadonlySet<string> = new Set(SECRET_LOG_KEYS);

export const CENSOR = '[redacted]';

type Fields = Record<string, unknown>;

/**
 * pino's `formatters.log`: the fields of a line with the value of each secret key one level in
 * (`{ user: { otp } }`) replaced by {@link CENSOR}; pino's `redact`, given the keys alone,
 * censors them at the top of lines and bindings. Not pino's `*.key` paths: its wildcard redactor
 * parses every path again for each value of each line, about 40 KiB of garbage per line. Fields
 * named in `serialized` are left to their serializer, whose output holds only safe fields.
 * Nothing is copied unless it holds a secret.
 */
export function censorNested(fields: Fields, serialized: ReadonlySet<string>): Fields {
  let censored: Fields | undefined;
  for (const key in fields) {
    if (!Object.hasOwn(fields, key) || SECRET_KEYS.has(key) || serialized.has(key)) continue;
    const value = fields[key];
    const replaced = censorOneLevel(value);
    if (replaced === value) continue;
    censored ??= { ...fields };
    censored[key] = replaced;
  }
  return censored ?? fields;
}

/** `value` itself, or a copy of it with its secret keys censored when it has any. */
function censorOneLevel(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  let copy: Fields | undefined;
  for (const key in value) {
    if (!SECRET_KEYS.has(key) || !Object.hasOwn(value, key)) continue;
    if ((value as Fields)[key] === undefined) continue;
    copy ??= { ...value };
    copy[key] = CENSOR;
  }
  return copy ?? value;
}
