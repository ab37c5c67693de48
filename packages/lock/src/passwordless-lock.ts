import {
  messageKeyOf,
  passwordlessLogin,
  passwordlessStart,
  ServerError,
  type MessageKey,
  type PasswordlessStartParams,
  type PasswordlessStartResult,
} from '@passwordless-lock/client';
import { LitElement, html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { addressReadElsewhere, takeAnswerFromAddress } from './address.js';
import { CountdownController } from './countdown-controller.js';
import { FloatingController } from './floating-controller.js';
import {
  authenticatedEvent,
  authorizationErrorEvent,
  hideEvent,
  requestCloseEvent,
  showEvent,
  unrecoverableErrorEvent,
  type AuthResult,
  type CloseSource,
} from './events.js';
import { I18nController } from './i18n/i18n-controller.js';
import { SUPPORTED_LANGUAGES } from './i18n/locales.js';
import type { DictionaryOverrides } from './i18n/locales/en.js';
import styles from './passwordless-lock.styles.js';
import { codeScreen } from './screens/code-screen.js';
import { emailScreen } from './screens/email-screen.js';
import type { LanguageMenuController } from './language-menu/language-menu-controller.js';
import { linkSentScreen } from './screens/link-sent-screen.js';
import { adoptScreenStyles } from './screens/screen.styles.js';
import type { Field } from './screens/types.js';
import { loadRememberedEmail, saveRememberedEmail } from './remembered-email.js';
import { transactionStorage } from './transaction-storage.js';

type Step = 'email' | 'code' | 'link-sent' | 'done';
type Pending = 'sending' | 'checking';

/** The length of the server's codes (`otp.length`); a complete code submits itself. */
const CODE_LENGTH = 6;

/** Numbers the elements of a page, so the ids of their screens never collide. */
let elementCount = 0;

/** Lock's `auth` options that a passwordless login uses. */
export interface LockAuthOptions {
  /**
   * Where the magic link lands (`redirect_uri`): a registered callback, matched exactly. Default:
   * this page's origin and path.
   */
  redirectUrl?: string;
  /** `response_type` of the magic link: `token id_token` (default) or `code` (with PKCE). */
  responseType?: string;
  /** Extra authorization parameters: `scope`, `state`, `nonce`, … */
  params?: Record<string, string>;
  /** The API the access token is for. */
  audience?: string;
  /**
   * Finish a magic-link login found in the page's address (Lock's `autoParseHash`): the element
   * does it when it is first connected, `LockPasswordless` when it is created. Default `true`;
   * with `false`, call `LockPasswordless#resumeAuth` (or the client's `parseCallback`) yourself.
   */
  autoParseHash?: boolean;
}

/** A message shown above the form, as Lock's `flashMessage`. */
export interface FlashMessage {
  type: 'success' | 'error' | 'info';
  text: string;
}

interface ShownError {
  key: MessageKey | 'code_required' | 'terms_required' | 'attempts_used';
  /** The field the error is about, which gets aria-invalid; none for network and server trouble. */
  field: Field | null;
  /** Seconds to wait (`rate_limited`) or attempts left (`wrong_code`), when known. */
  count?: number;
}

/** The errors that are about what the user typed, rather than about the network or the server. */
const FIELD_ERRORS: Partial<Record<ShownError['key'], Field>> = {
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

/**
 * A boolean that is on unless the attribute says `"false"`, for Lock's options that default to
 * true (`closable="false"`, `autofocus="false"`, …).
 */
const trueUnlessFalse = {
  fromAttribute: (value: string | null): boolean => value !== 'false',
  toAttribute: (value: boolean): string | null => (value ? null : 'false'),
};

/**
 * A passwordless login box: the user enters an email, gets a one-time code (or a magic link) by
 * mail, and enters the code.
 *
 * The current screen (its form, labels, fields, hints, error and buttons) is not in the shadow
 * root: it is rendered into a `div.pl-screen` child of the element and slotted into the panel, so
 * that browsers and password managers find and fill its fields (Safari's autofill does not reach
 * into shadow roots). The page styles it with ordinary selectors and these classes: `pl-email-form`,
 * `pl-code-form`, `pl-link-sent`, `pl-instructions`, `pl-email-input`, `pl-code-input`,
 * `pl-terms`, `pl-hint`, `pl-expiry`, `pl-resend-countdown`, `pl-error`, `pl-submit-button`,
 * `pl-secondary`, `pl-resend-button`, `pl-back-button`, `pl-done`.
 *
 * @tagname passwordless-lock
 * @summary Drop-in passwordless (email code or magic link) login, modal or inline.
 *
 * @event authenticated - The user logged in. `detail`: `{ accessToken, idToken, idTokenPayload,
 *   expiresIn, tokenType, scope, state }`. Bubbles and is composed.
 * @event authorization_error - The server refused the code, or a magic link's answer failed.
 *   `detail`: `{ error, errorDescription }`.
 * @event hash_parsed - A magic link's answer in the page's address was read (see
 *   `auth.autoParseHash`), before `authenticated` or `authorization_error`. `detail`: the
 *   `authenticated` result, or `null`.
 * @event unrecoverable_error - The lock cannot work as configured (unknown client, origin not
 *   allowed, an id_token that fails its checks). `detail`: `{ error, errorDescription }`.
 * @event request-close - The user asks to close the modal. `detail.source`: `close-button`,
 *   `keyboard` or `backdrop`. Cancelable: `preventDefault()` keeps it open.
 * @event show - The modal opened.
 * @event hide - The modal closed.
 *
 * @csspart dialog - The native `<dialog>` (modal mode).
 * @csspart inline - The box in inline mode.
 * @csspart panel - The box holding the header and the current screen.
 * @csspart header - The header with the logo, the heading and the close button.
 * @csspart logo - The `logo` image.
 * @csspart heading - The "Log in" heading.
 * @csspart close-button - The close button (also has part `button`).
 * @csspart language-button - The language menu's button (with `language-menu`).
 * @csspart language-menu - The language menu, placed by @floating-ui/dom.
 * @csspart language-option - Each language in the menu.
 * @csspart status - The polite live region ("Sending…", "We sent a code to …").
 * @csspart flash - The `flashMessage` of type success or info.
 * @csspart button - The header's buttons (close, language).
 *
 * @cssproperty --pl-color-primary - Primary buttons and focus rings. Default `#3949ab`.
 * @cssproperty --pl-color-on-primary - Text on primary buttons. Default `#fff`.
 * @cssproperty --pl-color-text - Default `#1f2328` (dark: `#e6edf3`).
 * @cssproperty --pl-color-muted - Secondary text. Default `#57606a` (dark: `#9da7b3`).
 * @cssproperty --pl-color-background - Default `#fff` (dark: `#161b22`).
 * @cssproperty --pl-color-border - Field borders. Default `#8c959f` (dark: `#6e7681`).
 * @cssproperty --pl-color-error - Default `#b3261e` (dark: `#ff8a80`).
 * @cssproperty --pl-radius - Corner radius of the box, fields and buttons. Default `8px`.
 * @cssproperty --pl-font-family - Default `system-ui, sans-serif`.
 * @cssproperty --pl-spacing - The gap between the parts of a screen. Default `0.75rem`.
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
    lang: { type: String, reflect: true },
    languageDictionary: { attribute: false },
    passwordlessMethod: { type: String, attribute: 'passwordless-method' },
    auth: { attribute: false },
    open: { type: Boolean, reflect: true },
    inline: { type: Boolean, reflect: true },
    closable: { converter: trueUnlessFalse },
    autoclose: { type: Boolean },
    autofocus: { converter: trueUnlessFalse },
    rememberLastLogin: { attribute: 'remember-last-login', converter: trueUnlessFalse },
    allowAutocomplete: { attribute: 'allow-autocomplete', converter: trueUnlessFalse },
    mustAcceptTerms: { type: Boolean, attribute: 'must-accept-terms' },
    prefillEmail: { type: String, attribute: 'prefill-email' },
    theme: { type: String, reflect: true },
    primaryColor: { type: String, attribute: 'primary-color' },
    logo: { type: String },
    flashMessage: { attribute: false },
    languageMenu: { type: Boolean, attribute: 'language-menu' },
    _step: { state: true, attribute: false },
    _email: { state: true, attribute: false },
    _code: { state: true, attribute: false },
    _termsAccepted: { state: true, attribute: false },
    _pending: { state: true, attribute: false },
    _error: { state: true, attribute: false },
    _sentAgain: { state: true, attribute: false },
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
  /**
   * The language of the texts and of the mail, e.g. `fr` or `fr-CA`. Default: the `lang`
   * attribute, else the browser's languages; English when the widget has none of them.
   */
  declare language: string;
  /** Overrides for any string, keyed like the English dictionary (e.g. `{ heading: 'Sign in' }`). */
  declare languageDictionary: DictionaryOverrides | null;
  /** `code` (default): the mail holds a one-time code; `link`: a magic link. */
  declare passwordlessMethod: 'code' | 'link';
  /** Authorization options: `redirectUrl`, `responseType`, `params`, `audience`. */
  declare auth: LockAuthOptions;
  /** Whether the modal is open. Reflects to the `open` attribute. Not used in inline mode. */
  declare open: boolean;
  /** Render in the page instead of in a modal dialog; `open`, `show()` and `hide()` then do nothing. */
  declare inline: boolean;
  /** Whether the user can close the modal (close button, Escape, backdrop). Default true. */
  declare closable: boolean;
  /** Close the modal once logged in, instead of showing "You are logged in.". Default false. */
  declare autoclose: boolean;
  /** Put focus in the first field when the modal opens. Default true; `autofocus="false"`. */
  declare autofocus: boolean;
  /** Remember the last email that logged in (localStorage) and prefill it. Default true. */
  declare rememberLastLogin: boolean;
  /** Let the browser and password managers fill the email (`autocomplete="email"`). Default true. */
  declare allowAutocomplete: boolean;
  /** Show a terms checkbox that must be ticked before sending. Default false. */
  declare mustAcceptTerms: boolean;
  /** An email to put in the field (Lock's `prefill.email`). */
  declare prefillEmail: string;
  /** `light` (default), `dark`, or `auto` (follows `prefers-color-scheme`). */
  declare theme: 'light' | 'dark' | 'auto';
  /** The primary colour (buttons, focus rings), as Lock's `theme.primaryColor`. */
  declare primaryColor: string;
  /** URL of a logo shown above the heading, as Lock's `theme.logo`. */
  declare logo: string;
  /** A message shown on the email screen, as Lock's `flashMessage`. */
  declare flashMessage: FlashMessage | null;
  /** Show a language menu in the header (a menu button listing every shipped language). */
  declare languageMenu: boolean;

  declare private _step: Step;
  declare private _email: string;
  declare private _code: string;
  declare private _termsAccepted: boolean;
  declare private _pending: Pending | null;
  declare private _error: ShownError | null;
  declare private _sentAgain: boolean;

  private readonly i18n = new I18nController(this);
  private readonly countdown = new CountdownController(this);
  /** Keeps the error message anchored under the field it is about. */
  private readonly hint = new FloatingController(this);
  /** The language menu, loaded (with floating-ui) once `languageMenu` is set. */
  private menu: LanguageMenuController | null = null;
  private menuLoading: Promise<void> = Promise.resolve();
  /** Where focus was before the modal opened; it goes back there on close. */
  private returnFocusTo: HTMLElement | null = null;
  /** Whether the dialog is showing, as far as this element has told the world (show/hide events). */
  private shown = false;
  private request: AbortController | null = null;
  /** The code's expiry and the resend cooldown, as `Date.now()` times, from the start answer. */
  private expiresAt: number | null = null;
  private resendAt: number | null = null;
  /** Wrong codes the server still accepts, counted down locally from its `max_attempts`. */
  private attemptsLeft: number | null = null;
  /** The last code the server refused, so autofill does not submit it again and again. */
  private refusedCode = '';
  /** The page's `overflow` before the modal locked scrolling. */
  private scrollLock: { overflow: string } | null = null;
  /**
   * The current screen (form, labels, fields, hints, error), rendered in the element's light DOM
   * and slotted into the dialog: browsers and password managers look for fields in the page's
   * DOM, and Safari's autofill does not reach into shadow roots. Created on first connection.
   */
  private screen: HTMLElement | null = null;
  private readonly idPrefix = `pl${++elementCount}-`;
  private readonly idOf = (name: string): string => this.idPrefix + name;

  constructor() {
    super();
    this.clientId = '';
    this.domain = '';
    this.language = '';
    this.languageDictionary = null;
    this.passwordlessMethod = 'code';
    this.auth = {};
    this.open = false;
    this.inline = false;
    this.closable = true;
    this.autoclose = false;
    this.autofocus = true;
    this.rememberLastLogin = true;
    this.allowAutocomplete = true;
    this.mustAcceptTerms = false;
    this.prefillEmail = '';
    this.theme = 'light';
    this.primaryColor = '';
    this.logo = '';
    this.flashMessage = null;
    this.languageMenu = false;
    this._step = 'email';
    this._email = '';
    this._code = '';
    this._termsAccepted = false;
    this._pending = null;
    this._error = null;
    this._sentAgain = false;
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

  override connectedCallback(): void {
    super.connectedCallback();
    adoptScreenStyles(this.getRootNode());
    this.attachScreen();
  }

  /**
   * Creates the screen's container, or puts it back: a framework that owns the element's children
   * (React when it hydrates, say) may remove it, and the next update returns it.
   */
  private attachScreen(): HTMLElement {
    if (!this.screen) {
      this.screen = document.createElement('div');
      this.screen.className = 'pl-screen';
      this.screen.slot = 'screen';
    }
    if (this.screen.parentNode !== this) this.append(this.screen);
    return this.screen;
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
    this.unlockScroll();
    this.resetFlow();
  }

  /**
   * Lock's `autoParseHash` for the bare element: when the page was opened by a magic link, takes
   * the answer out of the address and finishes it (the code loads only then), firing
   * `hash_parsed`, then `authenticated` or `authorization_error`. Not for the element of a
   * `LockPasswordless`, which does this itself when created.
   */
  private resumeFromAddress(): void {
    if (this.auth?.autoParseHash === false || addressReadElsewhere.has(this)) return;
    const url = takeAnswerFromAddress();
    if (!url) return;
    void import('./auth-response.js').then(({ resumeAuth }) => resumeAuth(this, this.domain, url));
  }

  /** Also waits for the strings of a newly chosen language. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const first = await super.getUpdateComplete();
    await Promise.all([this.i18n.ready, this.menuLoading]);
    return (await super.getUpdateComplete()) && first;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The first update follows the first connection, once the page's script has set `auth`.
    if (!this.hasUpdated) this.resumeFromAddress();
    if (changed.has('language') || changed.has('lang')) {
      const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
      void this.i18n.setLanguage([this.language, this.lang ?? '', ...browser].filter(Boolean));
    }
    if (changed.has('languageDictionary')) this.i18n.setOverrides(this.languageDictionary);
    if (changed.has('languageMenu') && this.languageMenu && !this.menu) {
      this.menuLoading = this.loadMenu();
    }
    if ((changed.has('prefillEmail') || changed.has('clientId')) && this._step === 'email') {
      this._email ||= this.prefillEmail || this.rememberedEmail();
    }
    // State changes that go with opening and closing happen here, before rendering, so they do not
    // cost a second update.
    if (changed.has('open') && !this.inline) {
      if (this.open && !this.shown && this._step === 'done') this._step = 'email';
      if (!this.open && this.shown) this.resetFlow();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') || changed.has('inline')) this.syncDialog();
    if (changed.has('primaryColor') || changed.has('inline')) {
      // Through the CSSOM, which a strict `style-src` allows (a `style` attribute it would not).
      const surface = this.renderRoot.querySelector<HTMLElement>('dialog, .inline');
      if (this.primaryColor) surface?.style.setProperty('--_primary', this.primaryColor);
      else surface?.style.removeProperty('--_primary');
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    // Created on first connection (never on a server); kept up to date while out of the page.
    const screen = this.isConnected ? this.attachScreen() : this.screen;
    if (!screen) return;
    screen.lang = this.i18n.locale;
    screen.dir = this.i18n.dir;
    render(this.renderStep(), screen, { host: this });
    this.anchorHint();
  }

  /**
   * Shows an error about a field as a bubble right under that field (in room of its own, so it
   * covers nothing), and other errors (network, server) in the flow. floating-ui loads with the
   * first such error.
   */
  private anchorHint(): void {
    const message = this.field('error');
    const name = message?.textContent?.trim() ? this._error?.field : null;
    const field = name ? this.field(name) : null;
    const reference = name === 'terms' ? (field?.closest('label') ?? null) : field;
    if (reference === this.hint.reference) return;
    this.hint.release();
    if (!reference || !message) return;
    void this.hint.anchor(reference, message, {
      placement: 'bottom-start',
      strategy: 'absolute',
      // Clear of the field's focus ring (3 px outline, 2 px offset) and of the arrow.
      offset: 12,
      arrow: message.querySelector<HTMLElement>('.pl-arrow') ?? undefined,
      reserveSpace: true,
    });
  }

  protected override render(): TemplateResult {
    const { t } = this.i18n;
    const panel = html`
      <div class="panel" part="panel">
        <header part="header">
          ${this.logo ? html`<img class="logo" part="logo" src=${this.logo} alt="" />` : nothing}
          <h2 id="heading" part="heading">${t('heading')}</h2>
          ${this.languageMenu ? (this.menu?.render() ?? nothing) : nothing}
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
        <slot name="screen"></slot>
      </div>
    `;
    if (this.inline) {
      return html`<section
        class="inline"
        part="inline"
        aria-labelledby="heading"
        lang=${this.i18n.locale}
        dir=${this.i18n.dir}
      >
        ${panel}
      </section>`;
    }
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      lang=${this.i18n.locale}
      dir=${this.i18n.dir}
      @cancel=${this.onDialogCancel}
      @close=${this.onDialogClose}
      @click=${this.onDialogClick}
      @keydown=${this.onDialogKeydown}
    >
      ${panel}
    </dialog>`;
  }

  private async loadMenu(): Promise<void> {
    const { LanguageMenuController } = await import('./language-menu/language-menu-controller.js');
    this.menu ??= new LanguageMenuController(this, {
      t: this.i18n.t,
      languages: SUPPORTED_LANGUAGES,
      current: () => this.i18n.locale,
      choose: (language) => (this.language = language),
    });
    this.requestUpdate();
  }

  private renderStep(): TemplateResult {
    const { t } = this.i18n;
    const id = this.idOf;
    const busy = this._pending !== null;
    const errorText = this.errorText();
    const error = this.renderError(errorText);
    const hasError = errorText !== '';
    const invalidField = this._error?.field ?? null;
    switch (this._step) {
      case 'email':
        return emailScreen({
          t,
          id,
          email: this._email,
          method: this.passwordlessMethod,
          allowAutocomplete: this.allowAutocomplete,
          mustAcceptTerms: this.mustAcceptTerms,
          termsAccepted: this._termsAccepted,
          invalidField,
          hasError,
          busy,
          error,
          onEmailInput: this.onEmailInput,
          onTermsChange: this.onTermsChange,
          onSubmit: this.onEmailSubmit,
        });
      case 'code':
        return codeScreen({
          t,
          id,
          code: this._code,
          expiresIn:
            this.expiresAt === null ? null : CountdownController.secondsUntil(this.expiresAt),
          resendIn: CountdownController.secondsUntil(this.resendAt),
          invalidField,
          hasError,
          busy,
          error,
          onCodeInput: this.onCodeInput,
          onCodePaste: this.onCodePaste,
          onSubmit: this.onCodeSubmit,
          onResend: this.resend,
          onChangeEmail: this.changeEmail,
        });
      case 'link-sent':
        return linkSentScreen({
          t,
          id,
          resendIn: CountdownController.secondsUntil(this.resendAt),
          busy,
          error,
          onResend: this.resend,
          onChangeEmail: this.changeEmail,
        });
      case 'done':
        return html`<p id=${id('done')} class="pl-done" tabindex="-1">${t('done')}</p>`;
    }
  }

  /** Always in the DOM, so screen readers pick up the text when it appears. */
  private renderError(text: string): TemplateResult {
    // The arrow only with a message, so an empty live region matches :empty and takes no room.
    // On one line: no whitespace inside, so :empty matches.
    const arrow = html`<span class="pl-arrow" aria-hidden="true"></span>`;
    const id = this.idOf('error');
    return html`<p id=${id} class="pl-error" role="alert">${text}${text ? arrow : nothing}</p>`;
  }

  private statusText(): TemplateResult | string {
    const { t } = this.i18n;
    if (this._pending) return t(`status.${this._pending}`);
    const email = this._email;
    if (this._step === 'code') return t(this._sentAgain ? 'code.resent' : 'code.sent', { email });
    if (this._step === 'link-sent') return t('link.sent', { email });
    const flash = this.flashMessage;
    if (this._step === 'email' && flash && flash.type !== 'error') {
      return html`<span part="flash" class=${`flash ${flash.type}`}>${flash.text}</span>`;
    }
    return '';
  }

  private errorText(): string {
    const error = this._error;
    const { t } = this.i18n;
    if (!error) {
      const flash = this.flashMessage;
      return this._step === 'email' && flash?.type === 'error' ? flash.text : '';
    }
    if (error.key === 'rate_limited' && error.count !== undefined) {
      return t('errors.rate_limited_wait', { count: error.count });
    }
    if (error.key === 'wrong_code' && error.count !== undefined) {
      return t('errors.wrong_code_left', { count: error.count });
    }
    // A key the client learns later than this widget still gets a message.
    return t([`errors.${error.key}`, 'errors.server']);
  }

  private readonly onEmailInput = (event: InputEvent): void => {
    this._email = (event.target as HTMLInputElement).value;
  };

  private readonly onTermsChange = (event: Event): void => {
    this._termsAccepted = (event.target as HTMLInputElement).checked;
    if (this._termsAccepted && this._error?.key === 'terms_required') this._error = null;
  };

  /**
   * Keeps only digits, so "123 456" and "123-456" (typed, pasted or autofilled) become "123456",
   * and submits a complete code that did not come from typing it all at once: the last digit
   * typed, autofill from the mail or SMS (`insertReplacementText`, or a plain `Event`), a drop.
   */
  private readonly onCodeInput = (event: InputEvent): void => {
    const input = event.target as HTMLInputElement;
    const digits = input.value.replace(/\D/g, '');
    if (digits !== input.value) input.value = digits;
    this._code = digits;
    const typedOneKey = event.inputType === 'insertText' && (event.data ?? '').length === 1;
    const filled =
      !(event instanceof InputEvent) ||
      event.inputType === 'insertReplacementText' ||
      event.inputType === 'insertFromDrop';
    if (typedOneKey || filled) this.submitCompleteCode();
  };

  private readonly onCodePaste = (event: ClipboardEvent): void => {
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
    this.submitCompleteCode();
  };

  private submitCompleteCode(): void {
    if (this._code.length === CODE_LENGTH && this._code !== this.refusedCode && !this._pending) {
      void this.verifyCode();
    }
  }

  private readonly onEmailSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.sendCode(false);
  };

  private readonly onCodeSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.verifyCode();
  };

  private readonly resend = (): void => {
    void this.sendCode(true);
  };

  /** Asks the server to mail a code (or link) to the email; `again` for "Send a new code". */
  private async sendCode(again: boolean): Promise<void> {
    if (this._pending) return;
    const input = this.field('email') as HTMLInputElement | null;
    const email = this._email.trim();
    if (!again && (!email || (input && !input.checkValidity()))) {
      this.showError({ key: 'bad_email', field: 'email' });
      return;
    }
    if (!again && this.mustAcceptTerms && !this._termsAccepted) {
      this.showError({ key: 'terms_required', field: 'terms' });
      return;
    }
    const signal = this.beginRequest('sending');
    const send = this.passwordlessMethod === 'link' ? 'link' : 'code';
    try {
      const started = await passwordlessStart(
        this.domain,
        {
          clientId: this.clientId,
          email,
          send,
          language: this.i18n.language,
          ...(send === 'link' ? this.linkParams() : {}),
        },
        { signal, storage: transactionStorage() },
      );
      if (!this.endRequest(signal)) return;
      this._email = email;
      this._code = '';
      this._sentAgain = again;
      this.startCountdowns(started);
      this._step = send === 'link' ? 'link-sent' : 'code';
      if (send === 'code') this.focusField('code');
    } catch (error) {
      if (this.endRequest(signal)) this.fail(error);
    }
  }

  private async verifyCode(): Promise<void> {
    if (this._pending) return;
    const code = this._code;
    if (!code) {
      this.showError({ key: 'code_required', field: 'code' });
      return;
    }
    const signal = this.beginRequest('checking');
    const { params = {}, audience } = this.auth ?? {};
    try {
      const tokens = await passwordlessLogin(
        this.domain,
        {
          clientId: this.clientId,
          email: this._email,
          code,
          ...(params.scope ? { scope: params.scope } : {}),
          ...(audience ? { audience } : {}),
        },
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
        // The code login makes no round trip through /authorize: the page's state comes back as is.
        state: params.state,
      };
      this.rememberEmail(this._email);
      this._step = 'done';
      this._code = '';
      this.countdown.clear();
      this.dispatchEvent(authenticatedEvent(result));
      if (this.autoclose && !this.inline) await this.hide();
      else this.focusField('done');
    } catch (error) {
      if (!this.endRequest(signal)) return;
      this.refusedCode = code;
      this.fail(error);
    }
  }

  private readonly changeEmail = (): void => {
    this.resetFlow();
    this.focusField('email');
  };

  private startCountdowns({ expiresIn, resendAfter, maxAttempts }: PasswordlessStartResult): void {
    const now = Date.now();
    this.countdown.clear();
    this.expiresAt = expiresIn === undefined ? null : now + expiresIn * 1000;
    this.resendAt = resendAfter === undefined ? null : now + resendAfter * 1000;
    this.attemptsLeft = maxAttempts ?? null;
    this.refusedCode = '';
    if (this.expiresAt !== null) this.countdown.watch(this.expiresAt);
    if (this.resendAt !== null) this.countdown.watch(this.resendAt);
  }

  /**
   * Where the magic link lands and what it asks for. The client stores a transaction (`state`,
   * `nonce`, PKCE verifier) that `LockPasswordless` checks when the link comes back, with the
   * `state` and `nonce` of `auth.params` when the page gives them.
   */
  private linkParams(): Partial<PasswordlessStartParams> {
    const { params = {}, redirectUrl, responseType, audience } = this.auth ?? {};
    return {
      // A registered callback must match exactly: no query (the demo's switches), no fragment.
      redirectUri: redirectUrl ?? location.origin + location.pathname,
      responseType: responseType === 'code' ? 'code' : 'token id_token',
      authParams: { ...params, ...(audience ? { audience } : {}) },
    };
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

  private fail(error: unknown): void {
    let key: ShownError['key'] = messageKeyOf(error);
    const field = FIELD_ERRORS[key] ?? null;
    let count = (error as { retryAfter?: unknown }).retryAfter;
    if (key === 'wrong_code' && this.attemptsLeft !== null) {
      this.attemptsLeft = Math.max(0, this.attemptsLeft - 1);
      count = this.attemptsLeft;
      if (this.attemptsLeft === 0) key = 'attempts_used';
    } else if (key === 'wrong_code') {
      count = undefined;
    }
    this.reportError(error, key);
    this.showError({ key, field, ...(typeof count === 'number' ? { count } : {}) });
  }

  /** Tells the page what went wrong, as Lock's events do, and the developer in the console. */
  private reportError(error: unknown, key: ShownError['key']): void {
    if (!(error instanceof ServerError)) {
      // A token that fails its checks is a misconfigured tenant or a tampered answer, never a typo.
      if (key === 'invalid_token') {
        this.dispatchEvent(
          unrecoverableErrorEvent({ error: key, errorDescription: (error as Error).message }),
        );
      }
      if (key === 'server' || key === 'invalid_token') console.error('passwordless-lock:', error);
      return;
    }
    const detail = { error: error.error, errorDescription: error.error_description };
    if (key === 'origin_not_allowed' || CONFIGURATION_ERRORS.has(error.error)) {
      console.error('passwordless-lock:', error);
      this.dispatchEvent(unrecoverableErrorEvent(detail));
    } else if (this._step === 'code') {
      this.dispatchEvent(authorizationErrorEvent(detail));
    } else if (key === 'server') {
      console.error('passwordless-lock:', error);
    }
  }

  private showError(error: ShownError): void {
    this._error = error;
    // Back to the field, with what the user typed kept for correction.
    this.focusField(error.field ?? this.currentField());
  }

  private field(name: string): HTMLElement | null {
    return this.screen?.querySelector<HTMLElement>(`#${this.idOf(name)}`) ?? null;
  }

  private async focusField(name: string): Promise<void> {
    await this.updateComplete;
    this.field(name)?.focus();
  }

  private rememberedEmail(): string {
    return this.rememberLastLogin ? loadRememberedEmail(this.clientId) : '';
  }

  private rememberEmail(email: string): void {
    if (this.rememberLastLogin) saveRememberedEmail(this.clientId, email);
  }

  private requestClose(source: CloseSource): void {
    if (!this.closable) return;
    if (this.dispatchEvent(requestCloseEvent(source))) void this.hide();
  }

  private readonly onCloseClick = (): void => this.requestClose('close-button');

  /** Escape (or another close request): we decide, so `closable` is honoured. */
  private readonly onDialogCancel = (event: Event): void => {
    event.preventDefault();
    if (this.menu?.isOpen) this.menu.close(true);
    else this.requestClose('keyboard');
  };

  /** A click on the backdrop reaches the dialog itself, outside its box. */
  private readonly onDialogClick = (event: MouseEvent): void => {
    const dialog = this.dialog;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) this.requestClose('backdrop');
  };

  /**
   * Keeps Tab inside the modal. A modal `<dialog>` makes the page inert, but browsers still let
   * Tab move on from the last control to their own UI (address bar, tabs); a login box whose
   * focus wanders off there loses keyboard users.
   */
  private readonly onDialogKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    // The header's controls (shadow DOM) come before the slotted screen's, as on the screen.
    const selector = 'button, input, [href], [tabindex="0"]';
    const tabbable = [
      ...this.renderRoot.querySelectorAll<HTMLElement>(selector),
      ...(this.screen?.querySelectorAll<HTMLElement>(selector) ?? []),
    ].filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
    const first = tabbable[0];
    const last = tabbable.at(-1);
    const active = deepActiveElement();
    if (event.shiftKey && active === first && last) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last && first) {
      event.preventDefault();
      first.focus();
    }
  };

  /**
   * The dialog can close without us, e.g. when Chromium skips `cancel` for a repeated Escape
   * without user activation (https://html.spec.whatwg.org/#close-requests). Keep `open` true to it.
   */
  private readonly onDialogClose = (): void => {
    if (!this.open) return;
    if (this.closable) {
      this.open = false;
    } else {
      this.dialog?.showModal();
      this.focusField(this.currentField());
    }
  };

  /** Where focus goes on the current screen (the link-sent screen has no field). */
  private currentField(): string {
    return this._step === 'code' ? 'code' : this._step === 'done' ? 'done' : 'email';
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
      this.lockScroll();
      if (this.autofocus) this.focusField(this.currentField());
      this.dispatchEvent(showEvent());
    } else if (!this.open && this.shown) {
      this.shown = false;
      if (dialog?.open) dialog.close();
      this.unlockScroll();
      const target = this.returnFocusTo;
      this.returnFocusTo = null;
      if (target?.isConnected) target.focus();
      this.dispatchEvent(hideEvent());
    }
  }

  /**
   * Keeps the page behind the modal from scrolling. Through the CSSOM (`style.overflow`), which
   * a strict `style-src` allows, unlike a `style` attribute or an injected `<style>`.
   */
  private lockScroll(): void {
    if (this.scrollLock) return;
    const root = document.documentElement;
    this.scrollLock = { overflow: root.style.overflow };
    root.style.overflow = 'hidden';
  }

  private unlockScroll(): void {
    if (!this.scrollLock) return;
    document.documentElement.style.overflow = this.scrollLock.overflow;
    this.scrollLock = null;
  }

  /**
   * Back to the email screen with nothing under way: on "Use a different email", and on closing
   * (a half-done login's code may expire meanwhile).
   */
  private resetFlow(): void {
    this.request?.abort();
    this.request = null;
    this._pending = null;
    this._error = null;
    this._code = '';
    this._sentAgain = false;
    this.menu?.close(false);
    this.countdown.clear();
    if (this._step !== 'done' || !this.inline) this._step = 'email';
  }
}

/** The focused element, looking inside shadow roots (a trigger may live in another component). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
