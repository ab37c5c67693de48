import {
  messageKeyOf,
  type passwordlessLogin,
  type passwordlessStart,
  type PasswordlessStartParams,
  type PasswordlessStartResult,
  type TransactionStorage,
} from '@passwordless-lock/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CountdownController } from '../countdown-controller.js';
import type { AuthResult } from '../events.js';
import type { LockAuthOptions } from '../options.js';
import {
  errorReport,
  inputError,
  shownErrorOf,
  type ErrorReport,
  type ShownError,
} from './messages.js';

/** The screen the login is at. */
export type Step = 'email' | 'code' | 'link-sent' | 'done';
/** The request under way: asking for a code (or link), or checking the code. */
export type Pending = 'sending' | 'checking';

/** The code's length when the server does not say (Auth0 never does): Auth0's default. */
const DEFAULT_CODE_LENGTH = 6;

/** What a request needs from the page, read when it is made (the element's properties change). */
export interface LoginSettings {
  domain: string;
  clientId: string;
  /** The language the mail is written in (`X-Request-Language`). */
  language: string;
  method: 'code' | 'link';
  auth: LockAuthOptions;
  /** Inline mode: a reset keeps the "You are logged in." screen, which the page goes on showing. */
  inline: boolean;
  /** Whether a terms checkbox must be ticked before sending. */
  mustAcceptTerms: boolean;
  /** Where a magic link lands unless `auth.redirectUrl` says: the page, without query or hash. */
  pageUrl: string;
  /** Where the client keeps a magic link's transaction. */
  storage: TransactionStorage | undefined;
}

/** What the flow needs: the client's functions (tests pass fakes), the settings, a clock. */
export interface LoginFlowOptions {
  client: {
    passwordlessStart: typeof passwordlessStart;
    passwordlessLogin: typeof passwordlessLogin;
  };
  settings: () => LoginSettings;
  /** The clock of the deadlines, in ms. Default `Date.now`. */
  now?: () => number;
  /** A code (or link) was sent: the step is now `code` (or `link-sent`). */
  onSent?: (step: Step) => void;
  /** The code was right: the step is now `done`. */
  onAuthenticated?: (result: AuthResult, email: string) => void | Promise<void>;
  /**
   * Something went wrong, now in {@link LoginFlowController.error}. `report` says whom to tell
   * besides the user (`null` for input the widget refused itself); `cause` is what was thrown.
   */
  onError?: (error: ShownError, report: ErrorReport | null, cause?: unknown) => void;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The passwordless login, without any DOM: the step, what the user typed, the request under way,
 * the error, the code's deadlines and attempts. Requests run as `@lit/task` runs a task: each has
 * its own AbortController, a new one (or a reset) aborts the one before, and an answer that comes
 * back after that is dropped, even from a `fetch` that ignored the abort.
 */
export class LoginFlowController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: LoginFlowOptions;
  readonly #now: () => number;
  /** Re-renders the host once a second while the expiry or the resend cooldown runs. */
  readonly #countdown: CountdownController;
  #step: Step = 'email';
  #email = '';
  #code = '';
  #termsAccepted = false;
  #pending: Pending | null = null;
  #error: ShownError | null = null;
  #sentAgain = false;
  #codeLength = DEFAULT_CODE_LENGTH;
  /** The code's expiry and the resend cooldown, as times of the clock, from the start answer. */
  #expiresAt: number | null = null;
  #resendAt: number | null = null;
  /** Wrong codes the server still accepts, counted down locally from its `max_attempts`. */
  #attemptsLeft: number | null = null;
  /** The last code the server refused, so autofill does not submit it again and again. */
  #refusedCode = '';
  #abort: AbortController | null = null;
  /** Bumped by every request and reset: an answer to an older call is stale. */
  #callId = 0;

  constructor(host: ReactiveControllerHost, options: LoginFlowOptions) {
    this.#host = host;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#countdown = new CountdownController(host, this.#now);
    host.addController(this);
  }

  get step(): Step {
    return this.#step;
  }

  /** The email typed, or (after sending) the one the code went to. */
  get email(): string {
    return this.#email;
  }

  get code(): string {
    return this.#code;
  }

  get termsAccepted(): boolean {
    return this.#termsAccepted;
  }

  get pending(): Pending | null {
    return this.#pending;
  }

  get error(): ShownError | null {
    return this.#error;
  }

  /** Whether the code (or link) on screen came from "Send a new code". */
  get sentAgain(): boolean {
    return this.#sentAgain;
  }

  /** The digits of a code: the server's `code_length`, else {@link DEFAULT_CODE_LENGTH}. */
  get codeLength(): number {
    return this.#codeLength;
  }

  /** Whole seconds until the code expires; `null` when the server did not say. */
  get expiresIn(): number | null {
    return this.#expiresAt === null ? null : this.#countdown.secondsUntil(this.#expiresAt);
  }

  /** Whole seconds until a new code (or link) may be asked for; 0 for now. */
  get resendIn(): number {
    return this.#countdown.secondsUntil(this.#resendAt);
  }

  setEmail(email: string): void {
    this.#email = email;
    this.#host.requestUpdate();
  }

  /** Takes the code as typed so far (digits only). */
  setCode(code: string): void {
    this.#code = code;
    this.#host.requestUpdate();
  }

  acceptTerms(accepted: boolean): void {
    this.#termsAccepted = accepted;
    if (accepted && this.#error?.key === 'terms_required') this.#error = null;
    this.#host.requestUpdate();
  }

  /**
   * Asks the server to mail a code (or link) to the email.
   *
   * @param emailValid - Whether the browser finds the email field valid (`type="email"`).
   */
  send(emailValid = true): Promise<void> {
    return this.#start(false, emailValid);
  }

  /** "Send a new code" (or link) to the same email. */
  resend(): Promise<void> {
    return this.#start(true, true);
  }

  /** Exchanges the code for tokens. */
  async verify(): Promise<void> {
    if (this.#pending) return;
    const code = this.#code;
    if (!code) return this.#refuse(inputError('code_required'));
    const { domain, clientId, auth } = this.#options.settings();
    const { params = {}, audience } = auth ?? {};
    const answer = await this.#request('checking', (signal) =>
      this.#options.client.passwordlessLogin(
        domain,
        {
          clientId,
          email: this.#email,
          code,
          ...(params.scope ? { scope: params.scope } : {}),
          ...(audience ? { audience } : {}),
        },
        { signal },
      ),
    );
    if (!answer) return;
    if (!answer.ok) {
      this.#refusedCode = code;
      return this.#fail(answer.error);
    }
    const tokens = answer.value;
    this.#step = 'done';
    this.#code = '';
    this.#countdown.clear();
    this.#host.requestUpdate();
    await this.#options.onAuthenticated?.(
      // The code login makes no round trip through /authorize: the page's state comes back as is.
      { scope: undefined, ...tokens, state: params.state },
      this.#email,
    );
  }

  /**
   * Verifies the code once it has all its digits, unless a request is under way or the server
   * already refused this very code (autofill offers it again and again).
   */
  submitIfComplete(): void {
    const code = this.#code;
    if (code.length === this.#codeLength && code !== this.#refusedCode && !this.#pending) {
      void this.verify();
    }
  }

  /**
   * "Enter the code instead": a link mail carries its code too, for when the link is opened on
   * another device. The code screen then runs on the link's deadlines and attempts.
   */
  enterCode(): void {
    this.#step = 'code';
    this.#host.requestUpdate();
    this.#options.onSent?.('code');
  }

  /** "Use a different email": back to the email screen, the email kept for editing. */
  changeEmail(): void {
    this.reset();
  }

  /**
   * Back to the email screen with nothing under way (inline, "You are logged in." stays); a
   * request in flight is aborted and its answer ignored.
   */
  reset(): void {
    this.#cancel();
    this.#pending = null;
    this.#error = null;
    this.#code = '';
    this.#sentAgain = false;
    this.#countdown.clear();
    if (this.#step !== 'done' || !this.#options.settings().inline) this.#step = 'email';
    this.#host.requestUpdate();
  }

  /** Leaving the page ends the login under way: its code may expire before the element is back. */
  hostDisconnected(): void {
    this.reset();
  }

  async #start(again: boolean, emailValid: boolean): Promise<void> {
    if (this.#pending) return;
    const email = this.#email.trim();
    const settings = this.#options.settings();
    if (!again && (!email || !emailValid)) return this.#refuse(inputError('bad_email'));
    if (!again && settings.mustAcceptTerms && !this.#termsAccepted) {
      return this.#refuse(inputError('terms_required'));
    }
    const send = settings.method === 'link' ? 'link' : 'code';
    const answer = await this.#request('sending', (signal) =>
      this.#options.client.passwordlessStart(
        settings.domain,
        {
          clientId: settings.clientId,
          email,
          send,
          language: settings.language,
          ...(send === 'link' ? linkParams(settings) : {}),
        },
        { signal, storage: settings.storage },
      ),
    );
    if (!answer) return;
    if (!answer.ok) return this.#fail(answer.error);
    this.#email = email;
    this.#code = '';
    this.#sentAgain = again;
    this.#startDeadlines(answer.value);
    // A new link asked for from the code screen keeps the user typing its code.
    this.#step = send === 'link' && this.#step !== 'code' ? 'link-sent' : 'code';
    this.#host.requestUpdate();
    this.#options.onSent?.(this.#step);
  }

  #startDeadlines({ expiresIn, resendAfter, maxAttempts, codeLength }: PasswordlessStartResult) {
    const now = this.#now();
    this.#countdown.clear();
    this.#expiresAt = expiresIn === undefined ? null : now + expiresIn * 1000;
    this.#resendAt = resendAfter === undefined ? null : now + resendAfter * 1000;
    this.#attemptsLeft = maxAttempts ?? null;
    this.#codeLength = codeLength ?? DEFAULT_CODE_LENGTH;
    this.#refusedCode = '';
    if (this.#expiresAt !== null) this.#countdown.watch(this.#expiresAt);
    if (this.#resendAt !== null) this.#countdown.watch(this.#resendAt);
  }

  /** Runs `call` as the one request under way; `null` once a newer request or a reset took over. */
  async #request<T>(
    pending: Pending,
    call: (signal: AbortSignal) => Promise<T>,
  ): Promise<Settled<T> | null> {
    this.#cancel();
    const abort = (this.#abort = new AbortController());
    const id = this.#callId;
    this.#pending = pending;
    this.#error = null;
    this.#host.requestUpdate();
    let settled: Settled<T>;
    try {
      settled = { ok: true, value: await call(abort.signal) };
    } catch (error) {
      settled = { ok: false, error };
    }
    if (id !== this.#callId) return null;
    this.#abort = null;
    this.#pending = null;
    return settled;
  }

  #cancel(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#callId++;
  }

  #fail(cause: unknown): void {
    if (messageKeyOf(cause) === 'wrong_code' && this.#attemptsLeft !== null) {
      this.#attemptsLeft = Math.max(0, this.#attemptsLeft - 1);
    }
    const report = errorReport(cause, this.#step === 'code');
    this.#showError(shownErrorOf(cause, this.#attemptsLeft), report, cause);
  }

  /** Input the widget refuses without asking the server. */
  #refuse(error: ShownError): void {
    this.#showError(error, null);
  }

  #showError(error: ShownError, report: ErrorReport | null, cause?: unknown): void {
    this.#error = error;
    this.#host.requestUpdate();
    this.#options.onError?.(error, report, cause);
  }
}

/**
 * Where the magic link lands and what it asks for. The client stores a transaction (`state`,
 * `nonce`, PKCE verifier) that is checked when the link comes back, with the `state` and `nonce`
 * of `auth.params` when the page gives them.
 */
function linkParams({ auth, pageUrl }: LoginSettings): Partial<PasswordlessStartParams> {
  const { params = {}, redirectUrl, responseType, audience } = auth ?? {};
  return {
    redirectUri: redirectUrl ?? pageUrl,
    responseType: responseType === 'code' ? 'code' : 'token id_token',
    authParams: { ...params, ...(audience ? { audience } : {}) },
  };
}
