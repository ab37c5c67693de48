// Loaded only when a page comes back from a magic link, so code logins never download it.
import { messageKeyOf, parseCallback, ServerError } from '@passwordless-lock/client';
import {
  authenticatedEvent,
  errorEvent,
  hashParsedEvent,
  type AuthorizationError,
  type AuthResult,
} from './events.js';
import type { PasswordlessLock } from './passwordless-lock.js';
import { saveRememberedEmail } from './remembered-email.js';
import { transactionStorage } from './transaction-storage.js';

/**
 * Finishes the login answered in `url` (checking its `state`, `nonce` and id_token through the
 * client), remembers its email as a code login does (`rememberLastLogin`), then tells `target` as
 * Auth0 Lock does: `hash_parsed` with the result (or `null`), then `authenticated` or
 * `authorization_error`.
 */
export async function resumeAuth(
  target: PasswordlessLock,
  domain: string,
  url: URL,
): Promise<[AuthorizationError | null, AuthResult | null]> {
  let result: AuthResult | null = null;
  let failure: AuthorizationError | null = null;
  try {
    const tokens = await parseCallback(domain, url, { storage: transactionStorage() });
    if (tokens) {
      result = { scope: undefined, state: undefined, ...tokens };
      // The address the link was mailed to, from the validated id_token.
      const { email } = tokens.idTokenPayload;
      if (target.rememberLastLogin && typeof email === 'string') {
        saveRememberedEmail(target.clientId, email);
      }
    }
  } catch (error) {
    failure =
      error instanceof ServerError
        ? { error: error.error, errorDescription: error.error_description }
        : { error: messageKeyOf(error), errorDescription: (error as Error).message };
  }
  target.dispatchEvent(hashParsedEvent(result));
  if (failure) target.dispatchEvent(errorEvent('authorization_error', failure));
  else if (result) target.dispatchEvent(authenticatedEvent(result));
  return [failure, result];
}
