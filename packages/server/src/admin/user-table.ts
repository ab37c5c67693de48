import type { User, UserRecords } from '../store.js';

/** A time as people and scripts read it: ISO 8601, to the second, UTC. */
function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A user as `users list --json`, `show --json` and `export` print it: Auth0's snake_case
 * names, ISO times. `updated_at` is the last login (or the creation).
 */
export function userJson(user: User): Record<string, unknown> {
  return {
    sub: user.sub,
    email: user.email,
    created_at: isoTime(user.createdAt),
    updated_at: isoTime(user.updatedAt),
    blocked: user.blocked,
  };
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (upper) => `_${upper.toLowerCase()}`);

/** `fooBarAt: 1` → `foo_bar_at: "…Z"`: a stored record as the export prints it. */
function recordJson(record: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([name, value]) => [
      snakeCase(name),
      name.endsWith('At') ? isoTime(value as number) : value,
    ]),
  );
}

/** One `users export` line: the user and every record kept about it, no secret or hash. */
export function exportJson(user: User, records: UserRecords): Record<string, unknown> {
  const json: Record<string, unknown> = { user: userJson(user) };
  for (const [name, rows] of Object.entries(records)) {
    json[snakeCase(name)] = (rows as object[]).map(recordJson);
  }
  return json;
}

// The sub and the times have fixed widths, so rows stream page by page and still line up; the
// email, the one free-width column, comes last.
const COLUMNS = ['SUB'.padEnd(30), 'CREATED'.padEnd(20), 'UPDATED'.padEnd(20), 'BLOCKED'];

/** The header of `users list`'s table. */
export const TABLE_HEADER = [...COLUMNS, 'EMAIL'].join('  ');

/** One row of `users list`'s table. */
export function tableRow(user: User): string {
  return [
    user.sub.padEnd(COLUMNS[0]!.length),
    isoTime(user.createdAt),
    isoTime(user.updatedAt),
    (user.blocked ? 'yes' : 'no').padEnd(COLUMNS[3]!.length),
    user.email,
  ].join('  ');
}

/** `users show`: one user, a line per field. */
export function userCard(user: User): string {
  return Object.entries(userJson(user))
    .map(([name, value]) => {
      const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
      return `${`${name}:`.padEnd(12)}${text}`;
    })
    .join('\n');
}
