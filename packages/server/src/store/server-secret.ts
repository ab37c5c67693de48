/**
 * Which server secret the database was used with, as a fingerprint that reveals nothing about
 * it: a node started with another secret would fail every code issued elsewhere as a wrong
 * code and drop the other nodes' queued mail, so it refuses to start instead (server-secret.ts).
 */
export interface ServerSecretCheck {
  /**
   * Records `fingerprint` unless one is recorded already. Of callers racing on a database with
   * none (nodes starting together), one fingerprint is kept.
   * @returns the recorded fingerprint: `fingerprint`, or the one recorded before.
   */
  recordSecretFingerprint(fingerprint: string): Promise<string>;
  /** Records `fingerprint` in place of the recorded one (a new secret was made on purpose). */
  replaceSecretFingerprint(fingerprint: string): Promise<void>;
}

/** The `settings` row that holds the fingerprint, in both databases. */
export const SECRET_FINGERPRINT_SETTING = 'server_secret_fingerprint';
