import {
  messageKeyOf,
  passwordlessLogin,
  passwordlessStart,
  type MessageKey,
} from '@passwordless-lock/client';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { authenticatedEvent, hideEvent, showEvent, type AuthResult } from './events.js';
import { I18nController } from './i18n/i18n-controller.js';
import styles from './passwordless-lock.styles.js';

type Step = 'email' | 'code' | 'done';
type Field = 'email' | 'code';
type Pending = 'sending' | 'checking';

interface ShownError {
  key: MessageKey | 'code_required';
  /** The field the error is about, which gets aria-invalid; none for network and server trouble. */
  field: Field | null;
  /** Seconds to wait, for `rate_limited` when the server said. */
  seconds?: number;
}

/** The errors that are about what the user typed, rather than about the network or the server. */
const FIELD_ERRORS: Partial<Record<ShownError['key'], Field>> = {
  bad_email: 'email',
  wrong_code: 'code',
  too_many_attempts: 'code',
  code_required: 'code',
};

/** Accepts `closable="false"` as false, as users of Auth0 Lock's `closable: false` would write it. */
const closableConverter = {
  fromAttribute: (value: string | null): boolean => value !== 'false',
};

/**
 * A passwordless login box: the user enters an email, gets a one-time code by mail, and enters it.
 *
 * @summary Drop-in passwordless (email code) login, modal or inline.
 *
 * @event authenticated - The user logged in. `detail`: `{ accessToken, idToken, idTokenPayload,
 *   expiresIn, tokenType, scope, state }`. Bubbles and is composed.
 * @event show - The modal opened.
 * @event hide - The modal closed.
 *
 * @csspart dialog - The native `<dialog>` (modal mode).
 * @csspart panel - The box holding the header and the current screen.
 * @csspart header - The header with the heading and the close button.
 * @csspart heading - The "Log in" heading.
 * @csspart close-button - The close button (also has part `button`).
 * @csspart status - The polite live region ("Sending…", "We sent a code to …").
 * @csspart form - Each screen's form.
 * @csspart label - Field labels.
 * @csspart input - Text fields.
 * @csspart error - The error message (role="alert").
 * @csspart button - Every button.
 * @csspart submit-button - The primary button of a screen.
 * @csspart back-button - "Use a different email".
 * @csspart done - The "You are logged in." message (inline mode).
 *
 * @cssproperty --pl-color-primary - Primary buttons and focus rings. Default `#3949ab`.
 * @cssproperty --pl-color-on-primary - Text on primary buttons. Default `#fff`.
 * @cssproperty --pl-color-text - Default `#1f2328`.
 * @cssproperty --pl-color-muted - Secondary text. Default `#57606a`.
 * @cssproperty --pl-color-background - Default `#fff`.
 * @cssproperty --pl-color-border - Field borders. Default `#8c959f`.
 * @cssproperty --pl-color-error - Default `#b3261e`.
 * @cssproperty --pl-radius - Corner radius of the box, fields and buttons. Default `8px`.
 * @cssproperty --pl-font-family - Default `system-ui, sans-serif`.
 * @cssproperty --pl-width - Width of the box (it never gets wider than the viewport). Default `360px`.
 */
export class PasswordlessLock extends LitElement {
  static override styles = styles;

  // Properties are declared without decorators on purpose: this package is compiled by esbuild,
  // Vite (oxc) and tsc, which do not agree on decorator semantics; plain static properties work
  // the same in all three.
  static override properties = {
    clientId: { type: String, attribute: 'client-id' },
    domain: { type: String },
    language: { type: String },
    open: { type: Boolean, reflect: true },
    inline: { type: Boolean, reflect: true },
    closable: { converter: closableConverter },
    _step: { state: true },
    _email: { state: true },
    _code: { state: true },
    _pending: { state: true },
    _error: { state: true },
  };

  /**
   * Registers the element as `<passwordless-lock>` (or `tagName`) unless that name is taken.
   *
   * @param tagName - The tag to register. Default `passwordless-lock`.
   */
  static define(tagName = 'passwordless-lock'): void {
    if (!customElements.get(tagName)) customElements.define(tagName, this);
  }

  /** The application's client id (attribute `client-id`). */
  declare clientId: string;
  /** The auth server: a bare host (https) or an origin such as `http://localhost:3000`. */
  declare domain: string;
  /** The language of the texts and of the mail (sent to the server). Default `en`. */
  declare language: string;
  /** Whether the modal is open. Reflects to the `open` attribute. Not used in inline mode. */
  declare open: boolean;
  /** Render in the page instead of in a modal dialog; `open`, `show()` and `hide()` then do nothing. */
  declare inline: boolean;
  /** Whether the user can close the modal (close button, Escape). `closable="false"` turns it off. */
  declare closable: boolean;

  declare private _step: Step;
  declare private _email: string;
  declare private _code: string;
  declare private _pending: Pending | null;
  declare private _error: ShownError | null;

  private readonly i18n = new I18nController(this);
  /** Where focus was before the modal opened; it goes back there on close. */
  private returnFocusTo: HTMLElement | null = null;
  /** Whether the dialog is showing, as far as this element has told the world (show/hide events). */
  private shown = false;
  private request: AbortController | null = null;

  constructor() {
    super();
    this.clientId = '';
    this.domain = '';
    this.language = 'en';
    this.open = false;
    this.inline = false;
    this.closable = true;
    this._step = 'email';
    this._email = '';
    this._code = '';
    this._pending = null;
    this._error = null;
  }

  /**
   * Opens the modal and puts focus in its first field.
   *
   * @returns A promise that settles once the modal is open.
   */
  async show(): Promise<void> {
    if (!this.open && !this.shown) this.returnFocusTo = deepActiveElement();
    this.open = true;
    await this.updateComplete;
  }

  /**
   * Closes the modal and gives focus back to where it was before.
   *
   * @returns A promise that settles once the modal is closed.
   */
  async hide(): Promise<void> {
    this.open = false;
    await this.updateComplete;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Taken out of the page: the dialog leaves the top layer, so the element is closed now.
    if (this.shown) {
      this.shown = false;
      this.open = false;
      this.returnFocusTo = null;
      this.dialog?.close();
    }
    this.resetFlow();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('language')) this.i18n.setLanguage(this.language);
    // State changes that go with opening and closing happen here, before rendering, so they do not
    // cost a second update.
    if (changed.has('open') && !this.inline) {
      if (this.open && !this.shown && this._step === 'done') this._step = 'email';
      if (!this.open && this.shown) this.resetFlow();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') || changed.has('inline')) this.syncDialog();
  }

  protected override render(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const panel = html`
      <div class="panel" part="panel" lang=${this.i18n.resolvedLanguage} dir=${this.i18n.dir}>
        <header part="header">
          <h2 id="heading" part="heading">${t('heading')}</h2>
          ${
            this.closable && !this.inline
              ? html`<button
                  type="button"
                  class="close"
                  part="button close-button"
                  aria-label=${t('close')}
                  @click=${this.onCloseClick}
                >
                  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                    <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" />
                  </svg>
                </button>`
              : nothing
          }
        </header>
        <p class="status" role="status" part="status">${this.statusText()}</p>
        ${
          this._step === 'email'
            ? this.renderEmailStep()
            : this._step === 'code'
              ? this.renderCodeStep()
              : html`<p class="done" part="done">${t('done')}</p>`
        }
      </div>
    `;
    if (this.inline) {
      return html`<section class="inline" aria-labelledby="heading">${panel}</section>`;
    }
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      @cancel=${this.onDialogCancel}
      @close=${this.onDialogClose}
    >
      ${panel}
    </dialog>`;
  }

  private renderEmailStep(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return html`<form part="form" novalidate @submit=${this.sendCode}>
      <label part="label" for="email">${t('email.label')}</label>
      <input
        id="email"
        part="input"
        name="email"
        type="email"
        autocomplete="email"
        autocapitalize="off"
        spellcheck="false"
        required
        .value=${live(this._email)}
        @input=${this.onEmailInput}
        aria-invalid=${this.fieldHasError('email') ? 'true' : nothing}
        aria-describedby=${this._error ? 'error' : nothing}
      />
      ${this.renderError()}
      <button type="submit" part="button submit-button" ?disabled=${this._pending !== null}>
        ${t('email.submit')}
      </button>
    </form>`;
  }

  private renderCodeStep(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return html`<form part="form" novalidate @submit=${this.verifyCode}>
      <label part="label" for="code">${t('code.label')}</label>
      <input
        id="code"
        part="input"
        name="code"
        type="text"
        inputmode="numeric"
        autocomplete="one-time-code"
        spellcheck="false"
        required
        .value=${live(this._code)}
        @input=${this.onCodeInput}
        @paste=${this.onCodePaste}
        aria-invalid=${this.fieldHasError('code') ? 'true' : nothing}
        aria-describedby=${this._error ? 'error' : nothing}
      />
      ${this.renderError()}
      <button type="submit" part="button submit-button" ?disabled=${this._pending !== null}>
        ${t('code.submit')}
      </button>
      <button
        type="button"
        class="secondary"
        part="button back-button"
        ?disabled=${this._pending !== null}
        @click=${this.changeEmail}
      >
        ${t('code.changeEmail')}
      </button>
    </form>`;
  }

  /** Always in the DOM, so screen readers pick up the text when it appears. */
  private renderError(): TemplateResult {
    return html`<p id="error" class="error" role="alert" part="error">${this.errorText()}</p>`;
  }

  private statusText(): string {
    if (this._pending) return this.i18n.t(`status.${this._pending}`);
    if (this._step === 'code') return this.i18n.t('code.sent', { email: this._email });
    return '';
  }

  private errorText(): string {
    const error = this._error;
    if (!error) return '';
    if (error.key === 'rate_limited' && error.seconds !== undefined) {
      return this.i18n.t('errors.rate_limited_wait', { count: error.seconds });
    }
    return this.i18n.t(`errors.${error.key}`);
  }

  private fieldHasError(field: Field): boolean {
    return this._error?.field === field;
  }

  private onEmailInput(event: InputEvent): void {
    this._email = (event.target as HTMLInputElement).value;
  }

  /** Keeps only digits, so "123 456" and "123-456" (typed, pasted or autofilled) become "123456". */
  private onCodeInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const digits = input.value.replace(/\D/g, '');
    if (digits !== input.value) input.value = digits;
    this._code = digits;
  }

  private onCodePaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text') ?? '';
    const input = event.target as HTMLInputElement;
    event.preventDefault();
    input.setRangeText(
      text.replace(/\D/g, ''),
      input.selectionStart ?? 0,
      input.selectionEnd ?? 0,
      'end',
    );
    this._code = input.value.replace(/\D/g, '');
  }

  private async sendCode(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._pending) return;
    const input = this.field('email');
    const email = this._email.trim();
    if (!email || (input && !input.checkValidity())) {
      this.showError({ key: 'bad_email', field: 'email' });
      return;
    }
    const signal = this.beginRequest('sending');
    try {
      await passwordlessStart(
        this.domain,
        { clientId: this.clientId, email, send: 'code', language: this.i18n.language },
        { signal },
      );
      if (!this.endRequest(signal)) return;
      this._email = email;
      this._code = '';
      this._step = 'code';
      this.focusField('code');
    } catch (error) {
      if (this.endRequest(signal)) this.fail(error, 'email');
    }
  }

  private async verifyCode(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._pending) return;
    const code = this._code.replace(/\D/g, '');
    if (!code) {
      this.showError({ key: 'code_required', field: 'code' });
      return;
    }
    const signal = this.beginRequest('checking');
    try {
      const tokens = await passwordlessLogin(
        this.domain,
        { clientId: this.clientId, email: this._email, code },
        { signal },
      );
      if (!this.endRequest(signal)) return;
      const result: AuthResult = {
        accessToken: tokens.accessToken,
        idToken: tokens.idToken,
        idTokenPayload: tokens.idTokenPayload,
        expiresIn: tokens.expiresIn,
        tokenType: tokens.tokenType,
        scope: tokens.scope,
        state: undefined,
      };
      this._step = 'done';
      this._code = '';
      this.dispatchEvent(authenticatedEvent(result));
      if (!this.inline) await this.hide();
    } catch (error) {
      if (this.endRequest(signal)) this.fail(error, 'code');
    }
  }

  private changeEmail(): void {
    this.request?.abort();
    this._step = 'email';
    this._code = '';
    this._error = null;
    this.focusField('email');
  }

  private beginRequest(pending: Pending): AbortSignal {
    this.request?.abort();
    this.request = new AbortController();
    this._pending = pending;
    this._error = null;
    return this.request.signal;
  }

  /** Ends the request behind `signal`; false when it was aborted (closed, restarted) meanwhile. */
  private endRequest(signal: AbortSignal): boolean {
    if (signal.aborted) return false;
    this.request = null;
    this._pending = null;
    return true;
  }

  private fail(error: unknown, step: Field): void {
    const key = messageKeyOf(error);
    // A key of "server" for something that is not a server answer is a bug or a misconfiguration
    // (a bad domain, say): the page's developer needs the details, the user only the message.
    if (key === 'server') console.error('passwordless-lock:', error);
    const field = FIELD_ERRORS[key] === step ? step : null;
    const seconds = (error as { retryAfter?: unknown }).retryAfter;
    this.showError({ key, field, ...(typeof seconds === 'number' ? { seconds } : {}) });
  }

  private showError(error: ShownError): void {
    this._error = error;
    // Back to the field, with what the user typed kept for correction.
    this.focusField(error.field ?? (this._step === 'code' ? 'code' : 'email'));
  }

  private field(name: Field): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${name}`);
  }

  private async focusField(name: Field): Promise<void> {
    await this.updateComplete;
    this.field(name)?.focus();
  }

  private onCloseClick(): void {
    void this.hide();
  }

  /** Escape (or another close request): we decide, so `closable` is honoured. */
  private onDialogCancel(event: Event): void {
    event.preventDefault();
    if (this.closable) void this.hide();
  }

  /**
   * The dialog can close without us, e.g. when Chromium skips `cancel` for a repeated Escape
   * without user activation (https://html.spec.whatwg.org/#close-requests). Keep `open` true to it.
   */
  private onDialogClose(): void {
    if (!this.open) return;
    if (this.closable) {
      this.open = false;
    } else {
      this.dialog?.showModal();
      this.focusField(this._step === 'code' ? 'code' : 'email');
    }
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Makes the native dialog follow `open`, and tells the page through `show` / `hide`. */
  private syncDialog(): void {
    const dialog = this.inline ? null : this.dialog;
    if (this.open && dialog && !this.shown) {
      this.returnFocusTo ??= deepActiveElement();
      if (!dialog.open) dialog.showModal();
      this.shown = true;
      this.focusField(this._step === 'code' ? 'code' : 'email');
      this.dispatchEvent(showEvent());
    } else if (!this.open && this.shown) {
      this.shown = false;
      if (dialog?.open) dialog.close();
      const target = this.returnFocusTo;
      this.returnFocusTo = null;
      if (target?.isConnected) target.focus();
      this.dispatchEvent(hideEvent());
    }
  }

  /** Closing starts over at the email screen (a half-done login's code may expire meanwhile). */
  private resetFlow(): void {
    this.request?.abort();
    this.request = null;
    this._pending = null;
    this._error = null;
    this._code = '';
    this._step = 'email';
  }
}

/** The focused element, looking inside shadow roots (a trigger may live in another component). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
