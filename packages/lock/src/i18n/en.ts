/**
 * The English strings, bundled with the widget. Other locales follow the same shape.
 * Error keys under `errors` are the client's `MessageKey`s, plus the widget's own checks.
 */
const en = {
  heading: 'Log in',
  close: 'Close',
  email: {
    label: 'Email',
    submit: 'Send code',
  },
  code: {
    sent: 'We sent a code to {{email}}.',
    label: 'Verification code',
    submit: 'Continue',
    changeEmail: 'Use a different email',
  },
  status: {
    sending: 'Sending…',
    checking: 'Checking…',
  },
  done: 'You are logged in.',
  errors: {
    wrong_code: 'That code is wrong or has expired. Check it and try again.',
    too_many_attempts: 'Too many wrong codes. Wait a few minutes, then ask for a new code.',
    rate_limited: 'Too many requests. Wait a moment and try again.',
    rate_limited_wait_one: 'Too many requests. Try again in {{count}} second.',
    rate_limited_wait_other: 'Too many requests. Try again in {{count}} seconds.',
    bad_email: 'Enter a valid email address.',
    code_required: 'Enter the code from the email.',
    origin_not_allowed: 'This website is not allowed to log in to this application.',
    network: "Can't reach the server. Check your connection and try again.",
    timeout: 'The server took too long to answer. Try again.',
    server: 'Something went wrong on our side. Try again later.',
  },
};

export default en;

/** The shape every locale's dictionary has. */
export type Dictionary = typeof en;
