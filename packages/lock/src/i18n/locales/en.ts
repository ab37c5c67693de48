import type { MessageKey } from '@passwordless-lock/client';

/**
 * The English strings, bundled with the widget. Every other locale has exactly these keys (plural
 * keys with the forms its language needs) and the same `{{placeholders}}`; a unit test checks it.
 * Error keys under `errors` are the client's `MessageKey`s, plus the widget's own checks.
 */
const en = {
  heading: 'Log in',
  close: 'Close',
  language: 'Language',
  email: {
    label: 'Email',
    instructions: 'Enter your email and we will send you a one-time code. No password needed.',
    instructionsLink: 'Enter your email and we will send you a link to log in.',
    submit: 'Send code',
    submitLink: 'Send link',
    terms: 'I accept the terms of service',
  },
  code: {
    sent: 'We sent a code to {{email}}.',
    resent: 'We sent a new code to {{email}}.',
    label: 'Verification code',
    hint: 'The {{length}}-digit code from the email.',
    submit: 'Continue',
    changeEmail: 'Use a different email',
    resend: 'Send a new code',
    resendIn_one: 'You can ask for a new code in {{count}} second.',
    resendIn_other: 'You can ask for a new code in {{count}} seconds.',
    expiresIn: 'The code expires in {{time}}.',
    expired: 'The code has expired. Ask for a new one.',
  },
  link: {
    sent: 'We sent a link to {{email}}.',
    instructions: 'Open the link in the email on this device to finish logging in.',
    resend: 'Send a new link',
    enterCode: 'Enter the code instead',
  },
  status: {
    sending: 'Sending…',
    checking: 'Checking…',
  },
  done: 'You are logged in.',
  errors: {
    wrong_code: 'That code is wrong or has expired. Check it and try again.',
    wrong_code_left_one: 'That code is wrong. You have {{count}} more try.',
    wrong_code_left_other: 'That code is wrong. You have {{count}} more tries.',
    attempts_used: 'That code is wrong, and it was the last try. Ask for a new code.',
    too_many_attempts: 'Too many wrong codes. Wait a few minutes, then ask for a new code.',
    rate_limited: 'Too many requests. Wait a moment and try again.',
    rate_limited_wait_one: 'Too many requests. Try again in {{count}} second.',
    rate_limited_wait_other: 'Too many requests. Try again in {{count}} seconds.',
    bad_email: 'Enter a valid email address.',
    code_required: 'Enter the code from the email.',
    terms_required: 'Accept the terms of service to continue.',
    origin_not_allowed: 'This website is not allowed to log in to this application.',
    network: "Can't reach the server. Check your connection and try again.",
    timeout: 'The server took too long to answer. Try again.',
    code_expired: 'That code has expired. Ask for a new one.',
    invalid_token: 'The login could not be verified. Try again.',
    invalid_state: 'This login was started somewhere else or has already been used. Start again.',
    server: 'Something went wrong on our side. Try again later.',
    // Every error the client can report has a message: a new MessageKey fails the typecheck here.
  } satisfies Record<MessageKey, string> & Record<string, string>,
};

export default en;

/** The shape of a dictionary: the English one. Locales may differ in their plural keys. */
export type Dictionary = typeof en;

/** A locale's strings: the same tree as English, with plural keys as the language needs them. */
export interface LocaleStrings {
  [key: string]: string | LocaleStrings;
}

/** Overrides for any string, as `languageDictionary`: a partial tree of the dictionary. */
export type DictionaryOverrides = { [key: string]: string | DictionaryOverrides };
