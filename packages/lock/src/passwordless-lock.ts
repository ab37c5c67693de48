import { passwordlessLogin, passwordlessStart } from '@passwordless-lock/client';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { resumeFromAddress } from './address.js';
import { authenticatedEvent, errorEvent, type AuthResult } from './events.js';
import { I18nController, languageCandidates } from './i18n/i18n-controller.js';
import type { DictionaryOverrides } from './i18n/locales/en.js';
import type { LanguageMenuController } from './language-menu/language-menu-controller.js';
import { LoginFlowController, type LoginSettings } from './login/login-flow-controller.js';
import type { ErrorReport, ShownError } from './login/messages.js';
import { ModalController } from './modal/modal-controller.js';
import type { FlashMessage, LockAuthOptions } from './options.js';
import { panel } from './panel.js';
import styles from './passwordless-lock.styles.js';
import { loadRememberedEmail, saveRememberedEmail } from './remembered-email.js';
import { currentScreen, focusTarget, screenHandlers } from './screens/current-screen.js';
import { ScreenHostController } from './screens/screen-host-controller.js';
import { loadSession } from './session/load-session.js';
import { transactionStorage } from './transaction-storage.js';
import { warmUp } from './warm-up.js';

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
 *   expiresIn, tokenType, scope, state, refreshToken?, silent? }`; `silent: true` when a kept
 *   session was restored (`restore-session`) rather than typed in. Bubbles and is composed.
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
    useRefreshTokens: { type: Boolean, attribute: 'use-refresh-tokens' },
    cacheLocation: { type: String, attribute: 'cache-location' },
    restoreSession: { type: Boolean, attribute: 'restore-session' },
  };

  /**
   * Registers the element as `<passwordless-lock>` (or `tagName`) unless that name is taken, and
   * then, at idle, warms up what the first `show()` needs (see `warm-up.ts`).
   *
   * @param tagName - The tag to register. Default `passwordless-lock`.
   */
  static define(tagName = 'passwordless-lock'): void {
    if (customElements.get(tagName)) return;
    customElements.define(tagName, this);
    globalThis.requestIdleCallback?.(() => warmUp(new this()));
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
  /**
   * Keep the user logged in: the login asks for `offline_access`, and the refresh token it gets is
   * kept (see `cacheLocation`) to get new tokens without the user. Default false.
   */
  declare useRefreshTokens: boolean;
  /**
   * Where the session's tokens are kept: `memory` (default; lost on reload) or `localstorage`
   * (survives reloads and is shared by the tabs; readable by any script on the origin).
   */
  declare cacheLocation: 'memory' | 'localstorage';
  /**
   * On load, fire `authenticated` (with `silent: true`) when a session is kept, refreshing its
   * tokens if needed; nothing when there is none. With `use-refresh-tokens` and
   * `cache-location="localstorage"`.
   */
  declare restoreSession: boolean;

  private readonly i18n = new I18nController(this);
  private readonly flow = new LoginFlowController(this, {
    client: { passwordlessStart, passwordlessLogin },
    settings: () => this.loginSettings(),
    onSent: (step) => {
      if (step === 'code') void this.screen.focus('code');
    },
    onAuthenticated: (result, email) => this.onAuthenticated(result, email),
    onError: (error, report, cause) => this.onFlowError(error, report, cause),
  });
  private readonly screen = new ScreenHostController(this);
  private readonly modal = new ModalController(this, {
    screen: () => this.screen.element,
    focusScreen: () => void this.screen.focus(focusTarget(this.flow.step)),
    closePopup: () => {
      if (!this.menu?.isOpen) return false;
      this.menu.close(true);
      return true;
    },
  });
  private readonly handlers = screenHandlers(this.flow, () => {
    this.resetFlow();
    void this.screen.focus('email');
  });
  /** The language menu, loaded (with floating-ui) once `languageMenu` is set. */
  private menu: LanguageMenuController | null = null;
  private menuLoading: Promise<void> = Promise.resolve();

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
    this.useRefreshTokens = false;
    this.cacheLocation = 'memory';
    this.restoreSession = false;
    // Every login (a code here, a magic link in auth-response.ts) is kept once it has a refresh token.
    this.addEventListener('authenticated', ({ detail }) => {
      if (this.useRefreshTokens && detail.refreshToken) {
        void loadSession().then((session) => session.storeSession(this, detail));
      }
    });
  }

  /**
   * Opens the modal and puts focus in its first field.
   *
   * @returns A promise that settles once the modal is open.
   */
  async show(): Promise<void> {
    this.modal.rememberFocus();
    // The first time, once the strings of its language are in: it never opens in English first.
    if (!this.hasUpdated) await this.updateComplete;
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

  /**
   * Ends the kept session (`use-refresh-tokens`): revokes its refresh tokens at the server and
   * forgets them, in every tab. `LockPasswordless#logout` does this before leaving for `/v2/logout`.
   *
   * @returns A promise that settles once the tokens are revoked and forgotten (forgotten even when
   *   the server cannot be reached).
   */
  async endSession(): Promise<void> {
    await (await loadSession()).endSession(this);
  }

  /** Also waits for the strings of a newly chosen language. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const first = await super.getUpdateComplete();
    await Promise.all([this.i18n.ready, this.menuLoading]);
    return (await super.getUpdateComplete()) && first;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The first update follows the first connection, once the page's script has set `auth`.
    if (!this.hasUpdated) {
      resumeFromAddress(this);
      if (this.restoreSession) {
        void loadSession().then((session) => session.restoreSession(this));
      }
    }
    if (changed.has('language') || changed.has('lang')) {
      void this.i18n.setLanguage(languageCandidates(this.language, this.lang));
    }
    if (changed.has('languageDictionary')) this.i18n.setOverrides(this.languageDictionary);
    if (changed.has('languageMenu') && this.languageMenu && !this.menu) {
      this.menuLoading = this.loadMenu();
    }
    const { step, email } = this.flow;
    if ((changed.has('prefillEmail') || changed.has('clientId')) && step === 'email' && !email) {
      const remembered = this.rememberLastLogin ? loadRememberedEmail(this.clientId) : '';
      this.flow.setEmail(this.prefillEmail || remembered);
    }
    // State changes that go with opening and closing happen here, before rendering, so they do not
    // cost a second update.
    if (changed.has('open') && !this.inline) {
      if (this.open && !this.modal.shown && step === 'done') this.resetFlow();
      if (!this.open && this.modal.shown) this.resetFlow();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('primaryColor') || changed.has('inline')) {
      // Through the CSSOM, which a strict `style-src` allows (a `style` attribute it would not).
      const surface = this.renderRoot.querySelector<HTMLElement>('dialog, .inline');
      if (this.primaryColor) surface?.style.setProperty('--_primary', this.primaryColor);
      else surface?.style.removeProperty('--_primary');
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const screen = currentScreen({
      t: this.i18n.t,
      id: this.screen.idOf,
      flow: this.flow,
      handlers: this.handlers,
      method: this.passwordlessMethod,
      allowAutocomplete: this.allowAutocomplete,
      mustAcceptTerms: this.mustAcceptTerms,
      flashMessage: this.flashMessage,
    });
    this.screen.render(screen, this.i18n.locale, this.i18n.dir, this.flow.error?.field ?? null);
  }

  protected override render(): TemplateResult {
    const { t, locale, dir } = this.i18n;
    const box = panel({
      t,
      rtl: dir === 'rtl',
      flow: this.flow,
      logo: this.logo,
      flashMessage: this.flashMessage,
      languageMenu: this.languageMenu ? (this.menu?.render() ?? nothing) : nothing,
      onClose: this.closable && !this.inline ? this.modal.onCloseButton : null,
    });
    if (!this.inline) return this.modal.render(box, locale, dir);
    return html`<section
      class="inline"
      part="inline"
      aria-labelledby="heading"
      lang=${locale}
      dir=${dir}
    >
      ${box}
    </section>`;
  }

  private async loadMenu(): Promise<void> {
    const { LanguageMenuController } = await import('./language-menu/language-menu-controller.js');
    this.menu ??= new LanguageMenuController(this, {
      t: this.i18n.t,
      current: () => this.i18n.locale,
      choose: (language) => (this.language = language),
    });
    this.requestUpdate();
  }

  private loginSettings(): LoginSettings {
    const { auth } = this;
    const scope = auth.params?.scope ?? 'openid profile email';
    return {
      domain: this.domain,
      clientId: this.clientId,
      language: this.i18n.language,
      method: this.passwordlessMethod,
      // A refresh token is given only to a login that asks for one.
      auth: this.useRefreshTokens
        ? { ...auth, params: { ...auth.params, scope: `${scope} offline_access` } }
        : auth,
      inline: this.inline,
      mustAcceptTerms: this.mustAcceptTerms,
      // A registered callback must match exactly: no query (the demo's switches), no fragment.
      pageUrl: location.origin + location.pathname,
      storage: transactionStorage(),
    };
  }

  private async onAuthenticated(result: AuthResult, email: string): Promise<void> {
    if (this.rememberLastLogin) saveRememberedEmail(this.clientId, email);
    this.dispatchEvent(authenticatedEvent(result));
    if (this.autoclose && !this.inline) await this.hide();
    else void this.screen.focus('done');
  }

  /** Tells the page what went wrong, as Lock's events do, and the developer in the console. */
  private onFlowError(error: ShownError, report: ErrorReport | null, cause: unknown): void {
    if (report?.log) console.error('passwordless-lock:', cause);
    const event = report?.event;
    if (event) this.dispatchEvent(errorEvent(event.name, event.detail));
    // Back to the field, with what the user typed kept for correction.
    void this.screen.focus(error.field ?? focusTarget(this.flow.step));
  }

  /**
   * Back to the email screen with nothing under way: on "Use a different email", and on closing
   * (a half-done login's code may expire meanwhile).
   */
  private resetFlow(): void {
    this.menu?.close(false);
    this.flow.reset();
  }
}
