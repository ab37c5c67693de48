/**
 * The store cannot be reached right now (connection refused or lost, a timeout, the database
 * shutting down or still starting). Retrying later can succeed, so the server answers 503
 * `temporarily_unavailable` with `Retry-After` instead of a 500 (errors.ts). Only a store that
 * talks to a server over the network raises it; SQLite's errors are its own.
 * @example
 * throw new StoreUnavailableError('ECONNREFUSED', error);
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';

  /**
   * @param reason What failed, for the log: an error code or SQLSTATE, never a URL or password.
   * @param cause The driver's error.
   */
  constructor(
    readonly reason: string,
    cause: unknown,
  ) {
    super(`the store is unavailable (${reason})`, { cause });
  }
}
