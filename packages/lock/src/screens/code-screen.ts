import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { resendActions, type ResendProps } from './resend-actions.js';
import { describedBy, type Field } from './types.js';

/** What the code screen shows and what it reports back. */
export interface CodeScreenProps extends ResendProps {
  code: string;
  /** How many digits a code has. */
  codeLength: number;
  /** Seconds until the code expires; `null` when the server did not say. */
  expiresIn: number | null;
  /** Which field the current error is about, if any. */
  invalidField: Field | null;
  hasError: boolean;
  onCodeInput: (event: InputEvent) => void;
  onCodePaste: (event: ClipboardEvent) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** `m:ss`, the way a countdown reads in every shipped language. */
function minutesAndSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The code screen: one field (no digit boxes, which break autofill and paste), the code's expiry,
 * resend with the server's cooldown, and a way back to change the email.
 *
 * The field has a `pattern` of the code's length but no `maxlength`: autofill and drops are cut
 * to `maxlength` before the input handler strips separators, so "123 456" would lose a digit.
 */
export function codeScreen(p: CodeScreenProps): TemplateResult {
  const { t, id } = p;
  return html`<form class="pl-code-form" novalidate @submit=${p.onSubmit}>
    <label for=${id('code')}>${t('code.label')}</label>
    <input
      id=${id('code')}
      class="pl-code-input"
      name="code"
      type="text"
      inputmode="numeric"
      autocomplete="one-time-code"
      spellcheck="false"
      required
      pattern=${`[0-9]{${p.codeLength}}`}
      .value=${p.code}
      @input=${p.onCodeInput}
      @paste=${p.onCodePaste}
      aria-invalid=${p.invalidField === 'code' ? 'true' : nothing}
      aria-describedby=${ifDefined(
        describedBy(id, 'code-hint', p.expiresIn !== null && 'expiry', p.hasError && 'error'),
      )}
    />
    <p id=${id('code-hint')} class="pl-hint">${t('code.hint', { length: p.codeLength })}</p>
    ${
      p.expiresIn === null
        ? nothing
        : html`<p id=${id('expiry')} class="pl-hint pl-expiry">
            ${
              p.expiresIn > 0
                ? t('code.expiresIn', { time: minutesAndSeconds(p.expiresIn) })
                : t('code.expired')
            }
          </p>`
    }
    ${p.error}
    <button type="submit" class="pl-submit-button" ?disabled=${p.busy}>${t('code.submit')}</button>
    ${resendActions(p, 'code.resend')}
  </form>`;
}
