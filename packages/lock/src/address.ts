import type { PasswordlessLock } from './passwordless-lock.js';

/** What marks a login answer in the address, besides its `state`. */
const ANSWER = ['access_token', 'id_token', 'code', 'error'];

/**
 * Elements whose page address their `LockPasswordless` reads instead (when it is created, with
 * its own `auth.autoParseHash`), so the element never reads it too.
 */
export const addressReadElsewhere = new WeakSet<object>();

/**
 * Lock's `autoParseHash`: when the page was opened by a magic link (an answer with a `state`, in
 * the fragment or the query), takes the answer out of the address at once, so a reload does not
 * replay it and nothing else on the page reads it a second time, and returns the address as it
 * was. `null` when there is no answer (or no `location`, on a server).
 */
export function takeAnswerFromAddress(): URL | null {
  if (typeof location === 'undefined') return null;
  const url = new URL(location.href);
  const clean = new URL(url);
  const isAnswer = (params: URLSearchParams) =>
    params.has('state') && ANSWER.some((name) => params.has(name));
  if (isAnswer(new URLSearchParams(url.hash.slice(1)))) {
    clean.hash = '';
  } else if (isAnswer(url.searchParams)) {
    for (const name of ['state', 'error_description', ...ANSWER]) clean.searchParams.delete(name);
  } else {
    return null;
  }
  history.replaceState(history.state, '', clean);
  return url;
}

/**
 * Lock's `autoParseHash` for the bare element: when the page was opened by a magic link, takes
 * the answer out of the address and finishes it (the code loads only then), firing
 * `hash_parsed`, then `authenticated` or `authorization_error` on `lock`. Not for the element of
 * a `LockPasswordless`, which does this itself when created.
 */
export function resumeFromAddress(lock: PasswordlessLock): void {
  if (lock.auth?.autoParseHash === false || addressReadElsewhere.has(lock)) return;
  const url = takeAnswerFromAddress();
  if (!url) return;
  void import('./auth-response.js').then(({ resumeAuth }) => resumeAuth(lock, lock.domain, url));
}
