// Lock's options, listed once: their types, which `LockPasswordless` and `show()` accept, and
// which are `<passwordless-lock>` properties of the same name.
import type { DictionaryOverrides } from './i18n/locales/en.js';
import type { PasswordlessLock } from './passwordless-lock.js';

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

/** Options of `LockPasswordless`: Auth0 Lock's passwordless options. */
export interface LockPasswordlessOptions {
  /** Only `['email']` is supported (Lock also knows `sms`). */
  allowedConnections?: string[];
  /** `code` (default) or `link` (magic link). */
  passwordlessMethod?: 'code' | 'link';
  /** `redirectUrl`, `responseType`, `params`, `audience`. */
  auth?: LockAuthOptions;
  /** The language of the texts and of the mail. Default: the browser's. */
  language?: string;
  /** Overrides for any string, keyed like the English dictionary. */
  languageDictionary?: DictionaryOverrides;
  /** `logo`, `primaryColor` as Lock, and `mode`: `light` (default), `dark` or `auto`. */
  theme?: { logo?: string; primaryColor?: string; mode?: 'light' | 'dark' | 'auto' };
  /** Render inline in this element (or the element with this id) instead of a modal. */
  container?: string | HTMLElement;
  /** Whether the user can close the modal. Default `true`, and `false` with `container`. */
  closable?: boolean;
  /** Close once logged in instead of showing "You are logged in.". Default `false`. */
  autoclose?: boolean;
  /** Focus the first field on open. Default `true`. */
  autofocus?: boolean;
  /** Remember the last email that logged in and prefill it. Default `true`. */
  rememberLastLogin?: boolean;
  /** Let the browser autofill the email. Default `true` (Lock: `false`; see the README). */
  allowAutocomplete?: boolean;
  /** Require ticking a terms checkbox before sending. Default `false`. */
  mustAcceptTerms?: boolean;
  /** `{ email }` to put in the field. */
  prefill?: { email?: string };
  /** A message to show on the email screen. */
  flashMessage?: FlashMessage;
  /** A language menu in the header (not in Lock). Default `false`. */
  languageMenu?: boolean;
  /**
   * Keep the user logged in with refresh tokens (asks for `offline_access`), as auth0-spa-js.
   * Needed by `checkSession` and `getTokenSilently`. Default `false`.
   */
  useRefreshTokens?: boolean;
  /** Where the tokens are kept: `'memory'` (default) or `'localstorage'`, as auth0-spa-js. */
  cacheLocation?: 'memory' | 'localstorage';
}

/** Every option `LockPasswordless` accepts; the compiler checks that none is missing. */
const OPTION_KEYS: Record<keyof LockPasswordlessOptions, true> = {
  allowedConnections: true,
  passwordlessMethod: true,
  auth: true,
  language: true,
  languageDictionary: true,
  theme: true,
  container: true,
  closable: true,
  autoclose: true,
  autofocus: true,
  rememberLastLogin: true,
  allowAutocomplete: true,
  mustAcceptTerms: true,
  prefill: true,
  flashMessage: true,
  languageMenu: true,
  useRefreshTokens: true,
  cacheLocation: true,
};
export const LOCK_OPTIONS = Object.keys(OPTION_KEYS) as readonly (keyof LockPasswordlessOptions)[];

/** The options `LockPasswordless.show` takes, as Lock's `show(options)`. */
export const SHOW_OPTIONS = [
  'auth',
  'flashMessage',
  'language',
  'languageDictionary',
  'prefill',
  'rememberLastLogin',
  'allowAutocomplete',
  'autofocus',
  'closable',
  'autoclose',
] as const satisfies readonly (keyof LockPasswordlessOptions)[];

/** What `LockPasswordless.show` may override for one opening, as Lock's `show(options)`. */
export type LockShowOptions = Pick<LockPasswordlessOptions, (typeof SHOW_OPTIONS)[number]>;

/**
 * The options that are `<passwordless-lock>` properties of the same name and meaning, so
 * `LockPasswordless` sets them as given. The others are mapped: `prefill.email` → `prefillEmail`,
 * `theme` → `logo`, `primaryColor`, `theme`; `container` → `inline`.
 */
export const PROPERTY_OPTIONS = [
  'passwordlessMethod',
  'auth',
  'language',
  'languageDictionary',
  'closable',
  'autoclose',
  'autofocus',
  'rememberLastLogin',
  'allowAutocomplete',
  'mustAcceptTerms',
  'flashMessage',
  'languageMenu',
  'useRefreshTokens',
  'cacheLocation',
] as const satisfies readonly (keyof LockPasswordlessOptions & keyof PasswordlessLock)[];
