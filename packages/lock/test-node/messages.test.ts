// Error → text, in Node, with the widget's own English strings.
import type { ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { I18nController } from '../src/i18n/i18n-controller.js';
import { errorMessage, inputError, type ErrorKey } from '../src/login/messages.js';

const host: ReactiveControllerHost = {
  addController: () => {},
  removeController: () => {},
  requestUpdate: () => {},
  updateComplete: Promise.resolve(true),
};
const { t } = new I18nController(host);

describe('error messages', () => {
  it('says how long to wait when rate limited, if the server said', () => {
    expect(errorMessage(t, { key: 'rate_limited', field: null, count: 30 })).toBe(
      'Too many requests. Try again in 30 seconds.',
    );
    expect(errorMessage(t, { key: 'rate_limited', field: null })).toBe(
      'Too many requests. Wait a moment and try again.',
    );
  });

  it('counts the tries left after a wrong code, in the plural the number needs', () => {
    expect(errorMessage(t, { key: 'wrong_code', field: 'code', count: 1 })).toBe(
      'That code is wrong. You have 1 more try.',
    );
    expect(errorMessage(t, { key: 'attempts_used', field: 'code', count: 0 })).toBe(
      'That code is wrong, and it was the last try. Ask for a new code.',
    );
  });

  it("puts the widget's own checks on their fields", () => {
    expect(inputError('bad_email')).toEqual({ key: 'bad_email', field: 'email' });
    expect(inputError('code_required')).toEqual({ key: 'code_required', field: 'code' });
    expect(inputError('terms_required')).toEqual({ key: 'terms_required', field: 'terms' });
  });

  it('has a message for a key the client learns after this widget', () => {
    const key = 'new_key' as ErrorKey;
    expect(errorMessage(t, { key, field: null })).toBe(
      'Something went wrong on our side. Try again later.',
    );
  });
});
