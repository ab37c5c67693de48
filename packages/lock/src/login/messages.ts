// What a failed request or a refused input means for the user (the text, the field it is about)
// and for the page (Lock's events, the console). Pure functions, so Node tests pin them down.
import { messageKeyOf, ServerError, type MessageKey } from '@passwordless-lock/client';
import type { AuthorizationError } from '../events.js';
import type { Field, Translate } from '../screens/types.js';

/** The client's message keys, and the widget's own: its checks, and a last wrong code. */
export type ErrorKey = MessageKey | 'code_required' | 'terms_required' | 'attempts_used';

/** An error as the screen shows it. */
export interface ShownError {
  key: ErrorKey;
  /** The field the error is about, which gets aria-invalid; none for network and server trouble. */
  field: Field | null;
  /** Seconds to wait (`rate_limited`) or attempts left (`wrong_code`), when known. */
  count?: number;
}

/** What the page and the developer hear about a failure, besides the message. */
export interface ErrorReport {
  /** The event that tells the page, as Lock's do; `null` when only the console hears of it. */
  event: {
    name: 'authorization_error' | 'unrecoverable_error';
    detail: AuthorizationError;
  } | null;
  /** Whether the developer should see it in the console: misconfiguration or server trouble. */
  log: boolean;
}

/** The errors that are about what the user typed, rather than about the network or the server. */
const FIELD_ERRORS: Partial<Record<ErrorKey, Field>> = {
  bad_email: 'email',
  wrong_code: 'code',
  code_expired: 'code',
  too_many_attempts: 'code',
  attempts_used: 'code',
  code_required: 'code',
  terms_required: 'terms',
};

/** Server errors that no retry fixes: the page or the tenant is misconfigured. */
const CONFIGURATION_ERRORS = new Set([
  'bad.client_id',
  'bad.connection',
  'bad.authParams',
  'unauthorized_client',
  'invalid_client',
]);

/** An error the widget finds itself, before asking the server. */
export function inputError(key: 'bad_email' | 'code_required' | 'terms_required'): ShownError {
  return { key, field: FIELD_ERRORS[key] ?? null };
}

/**
 * The error to show for a failed request.
 *
 * @param attemptsLeft - For a wrong code: the tries the server still accepts after this one, when
 *   it said how many it allows; the last one gets its own message (`attempts_used`).
 */
export function shownErrorOf(error: unknown, attemptsLeft: number | null): ShownError {
  const key = messageKeyOf(error);
  const field = FIELD_ERRORS[key] ?? null;
  if (key === 'wrong_code') {
    if (attemptsLeft === null) return { key, field };
    return { key: attemptsLeft === 0 ? 'attempts_used' : key, field, count: attemptsLeft };
  }
  const retryAfter = (error as { retryAfter?: unknown } | null)?.retryAfter;
  return typeof retryAfter === 'number' ? { key, field, count: retryAfter } : { key, field };
}

/** The text of `error` in the widget's language. */
export function errorMessage(t: Translate, error: ShownError): string {
  if (error.key === 'rate_limited' && error.count !== undefined) {
    return t('errors.rate_limited_wait', { count: error.count });
  }
  if (error.key === 'wrong_code' && error.count !== undefined) {
    return t('errors.wrong_code_left', { count: error.count });
  }
  // A key the client learns later than this widget still gets a message.
  return t([`errors.${error.key}`, 'errors.server']);
}

/**
 * Who hears of a failed request, as Lock tells them: a misconfiguration is `unrecoverable_error`,
 * a refusal on the code screen `authorization_error`; `null` when it is the user's to fix or wait
 * out (a bad email, rate limiting, the network).
 *
 * @param onCodeScreen - Whether the request was made from the code screen.
 */
export function errorReport(error: unknown, onCodeScreen: boolean): ErrorReport | null {
  const key = messageKeyOf(error);
  if (!(error instanceof ServerError)) {
    // A token that fails its checks is a misconfigured tenant or a tampered answer, never a typo.
    if (key === 'invalid_token') {
      const detail = { error: key, errorDescription: (error as Error).message };
      return { event: { name: 'unrecoverable_error', detail }, log: true };
    }
    return key === 'server' ? { event: null, log: true } : null;
  }
  const detail = { error: error.error, errorDescription: error.error_description };
  if (key === 'origin_not_allowed' || CONFIGURATION_ERRORS.has(error.error)) {
    return { event: { name: 'unrecoverable_error', detail }, log: true };
  }
  if (onCodeScreen) return { event: { name: 'authorization_error', detail }, log: false };
  return key === 'server' ? { event: null, log: true } : null;
}
