import { AuthError } from './errors.js';

/** An OAuth parameter the request must carry: absent or empty is 400 `invalid_request`. */
export function requiredParam(value: string | undefined, name: string): string {
  if (value === undefined || value === '') {
    throw new AuthError(400, 'invalid_request', `Missing required parameter: ${name}`);
  }
  return value;
}
