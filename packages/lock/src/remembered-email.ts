// `rememberLastLogin`: the last email that logged in, kept in localStorage. Its own module because
// both ways a login ends use it: the code screen, and a magic link (auth-response.ts, lazy).

/** One key per client id, so two applications on one origin do not prefill each other's users. */
const rememberedEmailKey = (clientId: string) => `passwordless-lock:${clientId}:email`;

/**
 * The email that last logged in to `clientId` in this browser.
 *
 * @returns The email, or `''` when there is none, no client id, or no storage.
 */
export function loadRememberedEmail(clientId: string): string {
  if (!clientId) return '';
  try {
    return localStorage.getItem(rememberedEmailKey(clientId)) ?? '';
  } catch {
    return ''; // Storage can be off (privacy modes, sandboxed frames): then nothing is remembered.
  }
}

/** Remembers `email` as the last one that logged in to `clientId`, where storage allows. */
export function saveRememberedEmail(clientId: string, email: string): void {
  if (!clientId || !email) return;
  try {
    localStorage.setItem(rememberedEmailKey(clientId), email);
  } catch {
    // See loadRememberedEmail.
  }
}
